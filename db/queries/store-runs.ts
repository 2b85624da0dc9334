import type { Queryable } from "@/db/client";
import { fromUnits, toUnits } from "@/lib/money/decimal";
import type { DailyDelta } from "@/lib/runs/daily-delta";
import type { RunSummary } from "@/lib/runs/summarize-run";
import type { Outcome } from "@/lib/spans/types";

interface RunRow {
  trace_id: string;
  workflow: string;
  day: string;
  start_ns: string;
  end_ns: string;
  span_count: number;
  llm_calls: number;
  tool_calls: number;
  failed_llm_calls: number;
  max_input_tokens_per_call: string;
  retries: number;
  input_tokens: string;
  output_tokens: string;
  cost_usd: string;
  unpriced_calls: number;
  outcome: Outcome | null;
  decisions: number;
}

/** Loads the stored summaries of the given runs (those not stored yet are absent). */
export async function loadRuns(tx: Queryable, traceIds: readonly string[]): Promise<RunSummary[]> {
  const rows = await tx.query<RunRow>(
    `select trace_id, workflow, day::text, start_ns::text, end_ns::text, span_count,
            llm_calls, tool_calls, failed_llm_calls, max_input_tokens_per_call::text, retries,
            input_tokens::text, output_tokens::text, cost_usd::text, unpriced_calls, outcome,
            decisions
       from runs where trace_id = any($1::text[])`,
    [traceIds],
  );
  return rows.map((row) => ({
    traceId: row.trace_id,
    workflow: row.workflow,
    day: row.day,
    startNs: BigInt(row.start_ns),
    endNs: BigInt(row.end_ns),
    spanCount: row.span_count,
    llmCalls: row.llm_calls,
    toolCalls: row.tool_calls,
    failedLlmCalls: row.failed_llm_calls,
    maxInputTokensPerCall: BigInt(row.max_input_tokens_per_call),
    retries: row.retries,
    inputTokens: BigInt(row.input_tokens),
    outputTokens: BigInt(row.output_tokens),
    costUnits: toUnits(row.cost_usd),
    unpricedCalls: row.unpriced_calls,
    outcome: row.outcome,
    decisions: row.decisions,
  }));
}

/** Inserts or replaces run summaries. */
export async function upsertRuns(tx: Queryable, summaries: readonly RunSummary[]): Promise<void> {
  if (summaries.length === 0) return;
  const column = <T>(read: (run: RunSummary) => T) => summaries.map(read);
  await tx.query(
    `insert into runs (trace_id, workflow, day, start_ns, end_ns, span_count, llm_calls,
                       tool_calls, failed_llm_calls, input_tokens, output_tokens, cost_usd,
                       unpriced_calls, outcome, decisions, max_input_tokens_per_call, retries,
                       updated_at)
     select r.*, now() from unnest($1::text[], $2::text[], $3::date[], $4::int8[], $5::int8[],
                          $6::int4[], $7::int4[], $8::int4[], $9::int4[], $10::int8[],
                          $11::int8[], $12::numeric[], $13::int4[], $14::text[], $15::int4[],
                          $16::int8[], $17::int4[])
       as r(trace_id, workflow, day, start_ns, end_ns, span_count, llm_calls, tool_calls,
            failed_llm_calls, input_tokens, output_tokens, cost_usd, unpriced_calls,
            outcome, decisions, max_input_tokens_per_call, retries)
     on conflict (trace_id) do update set
       workflow = excluded.workflow, day = excluded.day, start_ns = excluded.start_ns,
       end_ns = excluded.end_ns, span_count = excluded.span_count,
       llm_calls = excluded.llm_calls, tool_calls = excluded.tool_calls,
       failed_llm_calls = excluded.failed_llm_calls, input_tokens = excluded.input_tokens,
       output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd,
       unpriced_calls = excluded.unpriced_calls, outcome = excluded.outcome,
       decisions = excluded.decisions,
       max_input_tokens_per_call = excluded.max_input_tokens_per_call,
       retries = excluded.retries, updated_at = now()`,
    [
      column((r) => r.traceId),
      column((r) => r.workflow),
      column((r) => r.day),
      column((r) => r.startNs.toString()),
      column((r) => r.endNs.toString()),
      column((r) => r.spanCount),
      column((r) => r.llmCalls),
      column((r) => r.toolCalls),
      column((r) => r.failedLlmCalls),
      column((r) => r.inputTokens.toString()),
      column((r) => r.outputTokens.toString()),
      column((r) => fromUnits(r.costUnits)),
      column((r) => r.unpricedCalls),
      column((r) => r.outcome),
      column((r) => r.decisions),
      column((r) => r.maxInputTokensPerCall.toString()),
      column((r) => r.retries),
    ],
  );
}

/** Adds deltas to the daily totals, creating rows as needed, in the order given. */
export async function applyDailyDeltas(tx: Queryable, deltas: readonly DailyDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const column = <T>(read: (delta: DailyDelta) => T) => deltas.map(read);
  await tx.query(
    `insert into workflow_daily as d (workflow, day, runs, llm_calls, tool_calls, input_tokens,
                                 output_tokens, cost_usd, unpriced_calls, completed_outcomes,
                                 failed_outcomes, abandoned_outcomes, escalated_outcomes,
                                 decisions)
     select workflow, day, runs, llm_calls, tool_calls, input_tokens, output_tokens, cost_usd,
            unpriced_calls, completed_outcomes, failed_outcomes, abandoned_outcomes,
            escalated_outcomes, decisions
       from unnest($1::text[], $2::date[], $3::int4[], $4::int4[], $5::int4[],
                          $6::int8[], $7::int8[], $8::numeric[], $9::int4[], $10::int4[],
                          $11::int4[], $12::int4[], $13::int4[], $14::int8[])
       with ordinality as x(workflow, day, runs, llm_calls, tool_calls, input_tokens,
                            output_tokens, cost_usd, unpriced_calls, completed_outcomes,
                            failed_outcomes, abandoned_outcomes, escalated_outcomes,
                            decisions, position)
     order by position
     on conflict (workflow, day) do update set
       runs = d.runs + excluded.runs,
       llm_calls = d.llm_calls + excluded.llm_calls,
       tool_calls = d.tool_calls + excluded.tool_calls,
       input_tokens = d.input_tokens + excluded.input_tokens,
       output_tokens = d.output_tokens + excluded.output_tokens,
       cost_usd = d.cost_usd + excluded.cost_usd,
       unpriced_calls = d.unpriced_calls + excluded.unpriced_calls,
       completed_outcomes = d.completed_outcomes + excluded.completed_outcomes,
       failed_outcomes = d.failed_outcomes + excluded.failed_outcomes,
       abandoned_outcomes = d.abandoned_outcomes + excluded.abandoned_outcomes,
       escalated_outcomes = d.escalated_outcomes + excluded.escalated_outcomes,
       decisions = d.decisions + excluded.decisions`,
    [
      column((d) => d.workflow),
      column((d) => d.day),
      column((d) => d.runs),
      column((d) => d.llmCalls),
      column((d) => d.toolCalls),
      column((d) => d.inputTokens.toString()),
      column((d) => d.outputTokens.toString()),
      column((d) => fromUnits(d.costUnits)),
      column((d) => d.unpricedCalls),
      column((d) => d.completedOutcomes),
      column((d) => d.failedOutcomes),
      column((d) => d.abandonedOutcomes),
      column((d) => d.escalatedOutcomes),
      column((d) => d.decisions.toString()),
    ],
  );
}

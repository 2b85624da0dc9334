import type { Queryable } from "@/db/client";
import type { NormalizedSpan, Outcome } from "@/lib/spans/types";
import type { RunOutcomeEvent, RunSpan } from "@/lib/runs/summarize-run";

/** A normalized span with its estimated cost, ready to store. */
export interface StoredSpan extends NormalizedSpan {
  costUsd: string | null;
  costStatus: "priced" | "unpriced" | "none";
  priceId: string | null;
}

/** PostgreSQL text cannot hold NUL, so it is replaced like other invalid characters. */
const text = (value: string | null | undefined) =>
  value === null || value === undefined ? null : value.replace(/\u0000/g, "\uFFFD");
const int = (value: number | bigint | null | undefined) =>
  value === null || value === undefined ? null : value.toString();

/**
 * Column order of the span insert, each with its array type for `unnest` and
 * the value taken from a span. One statement carries a whole batch as one
 * array per column, which keeps the parameter count fixed.
 */
const SPAN_COLUMNS: ReadonlyArray<[string, string, (span: StoredSpan) => string | null]> = [
  ["trace_id", "text", (s) => s.traceId],
  ["span_id", "text", (s) => s.spanId],
  ["parent_span_id", "text", (s) => text(s.parentSpanId)],
  ["name", "text", (s) => text(s.name)],
  ["start_ns", "int8", (s) => s.startTimeUnixNano.toString()],
  ["end_ns", "int8", (s) => s.endTimeUnixNano.toString()],
  ["service_name", "text", (s) => text(s.serviceName)],
  ["scope_name", "text", (s) => text(s.scopeName)],
  ["scope_version", "text", (s) => text(s.scopeVersion)],
  ["dialect", "text", (s) => s.dialect],
  ["role", "text", (s) => s.role],
  ["operation", "text", (s) => text(s.operation)],
  ["provider", "text", (s) => text(s.provider)],
  ["model", "text", (s) => text(s.model)],
  ["service_tier", "text", (s) => text(s.serviceTier)],
  ["input_tokens", "int8", (s) => int(s.usage?.input)],
  ["uncached_input_tokens", "int8", (s) => int(s.usage?.uncachedInput)],
  ["cache_read_tokens", "int8", (s) => int(s.usage?.cacheRead)],
  ["cache_write_tokens", "int8", (s) => int(s.usage?.cacheWrite)],
  ["cache_write_5m_tokens", "int8", (s) => int(s.usage?.cacheWrite5m)],
  ["cache_write_1h_tokens", "int8", (s) => int(s.usage?.cacheWrite1h)],
  ["output_tokens", "int8", (s) => int(s.usage?.output)],
  ["reasoning_tokens", "int8", (s) => int(s.usage?.reasoning)],
  ["cost_usd", "numeric", (s) => s.costUsd],
  ["cost_status", "text", (s) => s.costStatus],
  ["price_id", "text", (s) => s.priceId],
  ["emitter_cost_usd", "numeric", (s) => s.emitterCostUsd],
  ["workflow", "text", (s) => text(s.workflow?.name)],
  ["workflow_rank", "int2", (s) => int(s.workflow?.rank)],
  ["agent_name", "text", (s) => text(s.agentName)],
  ["outcome", "text", (s) => text(s.outcome)],
  ["decisions", "int4", (s) => int(s.decisions)],
  ["status_code", "int2", (s) => s.statusCode.toString()],
  ["flags", "text", (s) => s.flags.join(",")],
  ["attributes", "text", (s) => s.attributesJson],
];

/** Names of the span columns that `insertSpans` writes, in statement order. */
export const SPAN_COLUMN_NAMES: readonly string[] = SPAN_COLUMNS.map(([name]) => name);

/**
 * Returns a span's values in SPAN_COLUMN_NAMES order, as `insertSpans` binds
 * them: int8 and numeric as decimal text, `flags` joined by commas and
 * `attributes` as JSON text.
 */
export function spanColumnValues(span: StoredSpan): Array<string | null> {
  return SPAN_COLUMNS.map(([, , read]) => read(span));
}

const COLUMN_LIST = SPAN_COLUMN_NAMES.join(", ");
const UNNEST_ARGS = SPAN_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
const SELECT_LIST = SPAN_COLUMNS.map(([name]) => {
  if (name === "flags") return "coalesce(string_to_array(nullif(flags, ''), ','), '{}')";
  if (name === "attributes") return "attributes::jsonb";
  return name;
}).join(", ");

// counted_calls starts as 1 for every LLM span, right for a leaf call with
// its own usage, so the run recompute rewrites only the exceptions.
const INSERT_SPANS = `
  insert into spans (${COLUMN_LIST}, counted_calls)
  select ${SELECT_LIST}, (role = 'llm')::int
  from unnest(${UNNEST_ARGS}) as s(${COLUMN_LIST})
  on conflict (trace_id, span_id) do nothing
  returning trace_id`;

/** Inserts spans not stored yet and returns the trace id of each inserted row. */
export async function insertSpans(tx: Queryable, batch: readonly StoredSpan[]): Promise<string[]> {
  if (batch.length === 0) return [];
  const params = SPAN_COLUMNS.map(([, , read]) => batch.map(read));
  const rows = await tx.query<{ trace_id: string }>(INSERT_SPANS, params);
  return rows.map((row) => row.trace_id);
}

/**
 * Takes a transaction-scoped lock per trace, in a fixed order, so two
 * requests that touch the same run recompute it one after the other and the
 * second reads the first's spans.
 */
export async function lockRuns(tx: Queryable, traceIds: readonly string[]): Promise<void> {
  await tx.query(
    `select count(pg_advisory_xact_lock(k)) from (
       select distinct hashtextextended(t, 0) as k from unnest($1::text[]) as t order by 1
     ) as keys`,
    [traceIds],
  );
}

interface RunSpanRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  start_ns: string;
  end_ns: string;
  service_name: string | null;
  role: string;
  status_code: number;
  input_tokens: string | null;
  output_tokens: string | null;
  cost_usd: string | null;
  cost_status: string;
  workflow: string | null;
  workflow_rank: number | null;
  outcome: Outcome | null;
  decisions: number | null;
  counted_calls: number;
  model: string | null;
}

/** Loads the columns of every span of the given traces that decide run totals. */
export async function loadRunSpans(
  tx: Queryable,
  traceIds: readonly string[],
): Promise<Map<string, RunSpan[]>> {
  const rows = await tx.query<RunSpanRow>(
    `select trace_id, span_id, parent_span_id, start_ns::text, end_ns::text, service_name,
            role, status_code::int, input_tokens::text, output_tokens::text, cost_usd::text,
            cost_status, workflow, workflow_rank::int, outcome, decisions, counted_calls::int,
            model
       from spans where trace_id = any($1::text[])`,
    [traceIds],
  );
  const byTrace = new Map<string, RunSpan[]>();
  for (const row of rows) {
    const list = byTrace.get(row.trace_id) ?? [];
    list.push({
      spanId: row.span_id,
      parentSpanId: row.parent_span_id,
      startNs: BigInt(row.start_ns),
      endNs: BigInt(row.end_ns),
      serviceName: row.service_name,
      role: row.role,
      statusCode: row.status_code,
      inputTokens: row.input_tokens === null ? null : BigInt(row.input_tokens),
      outputTokens: row.output_tokens === null ? null : BigInt(row.output_tokens),
      costUsd: row.cost_usd,
      costStatus: row.cost_status,
      workflow: row.workflow,
      workflowRank: row.workflow_rank,
      outcome: row.outcome,
      decisions: row.decisions,
      countedCalls: row.counted_calls,
      model: row.model,
    });
    byTrace.set(row.trace_id, list);
  }
  return byTrace;
}

export interface CountedCallsUpdate {
  traceId: string;
  spanId: string;
  countedCalls: number;
}

/** Sets `counted_calls` of the given spans. */
export async function updateCountedCalls(
  tx: Queryable,
  updates: readonly CountedCallsUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  await tx.query(
    `update spans set counted_calls = u.counted_calls
       from unnest($1::text[], $2::text[], $3::int2[]) as u(trace_id, span_id, counted_calls)
      where spans.trace_id = u.trace_id and spans.span_id = u.span_id`,
    [
      updates.map((update) => update.traceId),
      updates.map((update) => update.spanId),
      updates.map((update) => update.countedCalls),
    ],
  );
}

/** Loads outcome events reported through the API for the given traces. */
export async function loadOutcomeEvents(
  tx: Queryable,
  traceIds: readonly string[],
): Promise<Map<string, RunOutcomeEvent[]>> {
  const rows = await tx.query<{
    trace_id: string;
    outcome: Outcome;
    decisions: number | null;
    occurred_ns: string;
  }>(
    `select trace_id, outcome, decisions, occurred_ns::text
       from outcome_events where trace_id = any($1::text[])`,
    [traceIds],
  );
  const byTrace = new Map<string, RunOutcomeEvent[]>();
  for (const row of rows) {
    const list = byTrace.get(row.trace_id) ?? [];
    list.push({
      outcome: row.outcome,
      decisions: row.decisions,
      occurredNs: BigInt(row.occurred_ns),
    });
    byTrace.set(row.trace_id, list);
  }
  return byTrace;
}

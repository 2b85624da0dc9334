import type { Queryable } from "@/db/client";

/** Guardrail limits of one workflow; null leaves a metric unchecked. */
export interface GuardrailLimits {
  workflow: string;
  maxContextTokensPerCall: number | null;
  maxToolCallsPerRun: number | null;
  maxRetriesPerRun: number | null;
  maxLlmCallsPerRun: number | null;
}

export interface GuardrailRunRow {
  traceId: string;
  workflow: string;
  startNs: bigint;
  maxInputTokensPerCall: bigint;
  toolCalls: number;
  retries: number;
  llmCalls: number;
}

/**
 * Lists runs that started in [fromNs, toNs) and exceed at least one limit of
 * their workflow, newest first.
 */
export async function findRunsOverGuardrails(
  db: Queryable,
  limits: readonly GuardrailLimits[],
  range: { fromNs: bigint; toNs: bigint; limit: number },
): Promise<GuardrailRunRow[]> {
  if (limits.length === 0) return [];
  const column = <T>(read: (entry: GuardrailLimits) => T) => limits.map(read);
  const rows = await db.query<{
    trace_id: string;
    workflow: string;
    start_ns: string;
    max_input_tokens_per_call: string;
    tool_calls: number;
    retries: number;
    llm_calls: number;
  }>(
    `select r.trace_id, r.workflow, r.start_ns::text, r.max_input_tokens_per_call::text,
            r.tool_calls, r.retries, r.llm_calls
       from unnest($1::text[], $2::int8[], $3::int8[], $4::int8[], $5::int8[])
              as g(workflow, max_context, max_tools, max_retries, max_llm)
       join runs r on r.workflow = g.workflow
      where r.start_ns >= $6::bigint and r.start_ns < $7::bigint
        and (r.max_input_tokens_per_call > g.max_context or r.tool_calls > g.max_tools
             or r.retries > g.max_retries or r.llm_calls > g.max_llm)
      order by r.start_ns desc, r.trace_id
      limit $8`,
    [
      column((entry) => entry.workflow),
      column((entry) => entry.maxContextTokensPerCall),
      column((entry) => entry.maxToolCallsPerRun),
      column((entry) => entry.maxRetriesPerRun),
      column((entry) => entry.maxLlmCallsPerRun),
      range.fromNs.toString(),
      range.toNs.toString(),
      range.limit,
    ],
  );
  return rows.map((row) => ({
    traceId: row.trace_id,
    workflow: row.workflow,
    startNs: BigInt(row.start_ns),
    maxInputTokensPerCall: BigInt(row.max_input_tokens_per_call),
    toolCalls: Number(row.tool_calls),
    retries: Number(row.retries),
    llmCalls: Number(row.llm_calls),
  }));
}

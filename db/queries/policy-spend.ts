import type { Queryable } from "@/db/client";

/**
 * Sums the cost and tokens of a workflow's counted LLM calls that started in
 * [fromNs, toNs). A span supplying usage for several calls counts that many
 * times, as in the run totals. Uses the partial index on spans(start_ns)
 * where counted_calls > 0.
 */
export async function sumWorkflowSpend(
  db: Queryable,
  workflow: string,
  fromNs: bigint,
  toNs: bigint,
): Promise<{ costUsd: string; tokens: bigint }> {
  const rows = await db.query<{ cost_usd: string; tokens: string }>(
    `select coalesce(sum(s.cost_usd * s.counted_calls), 0)::text as cost_usd,
            coalesce(sum((coalesce(s.input_tokens, 0) + coalesce(s.output_tokens, 0))
                         * s.counted_calls), 0)::text as tokens
       from spans s
       join runs r on r.trace_id = s.trace_id
      where r.workflow = $1
        and s.counted_calls > 0
        and s.start_ns >= $2::bigint and s.start_ns < $3::bigint`,
    [workflow, fromNs.toString(), toNs.toString()],
  );
  const row = rows[0]!;
  return { costUsd: row.cost_usd, tokens: BigInt(row.tokens) };
}

/** Lists the workflows of the given runs. */
export async function listWorkflowsOfTraces(db: Queryable, traceIds: readonly string[]): Promise<string[]> {
  if (traceIds.length === 0) return [];
  const rows = await db.query<{ workflow: string }>(
    `select distinct workflow from runs where trace_id = any($1::text[]) order by workflow`,
    [[...new Set(traceIds)]],
  );
  return rows.map((row) => row.workflow);
}

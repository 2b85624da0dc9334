import type { Queryable } from "@/db/client";

import { localMidnightNs, type DayBounds } from "./unpriced-usage";

/** Scope of a reprice: stored LLM calls by start day, provider and model. */
export interface RepriceScope extends DayBounds {
  /** Exact `gen_ai.provider.name` as stored; null for every provider. */
  provider: string | null;
  /** Model id as reported, matched case-insensitively; null for every model. */
  model: string | null;
}

/** The stored columns of an LLM span that decide its cost. */
export interface RepriceSpan {
  traceId: string;
  spanId: string;
  startNs: bigint;
  provider: string | null;
  model: string | null;
  serviceTier: string | null;
  inputTokens: bigint | null;
  uncachedInputTokens: bigint | null;
  cacheReadTokens: bigint | null;
  cacheWriteTokens: bigint | null;
  cacheWrite5mTokens: bigint | null;
  cacheWrite1hTokens: bigint | null;
  outputTokens: bigint | null;
  reasoningTokens: bigint | null;
  costUsd: string | null;
  costStatus: "priced" | "unpriced";
  priceId: string | null;
  emitterCostUsd: string | null;
  flags: string[];
}

export interface SpanCostUpdate {
  traceId: string;
  spanId: string;
  costUsd: string | null;
  costStatus: "priced" | "unpriced";
  priceId: string | null;
  flags: string[];
}

// Spans with status `none` (not a call, or a failed call without usage) never carry a cost.
const SCOPE_FILTER = `
  role = 'llm' and cost_status in ('priced', 'unpriced')
  and start_ns >= ${localMidnightNs(1, 3)} and start_ns < ${localMidnightNs(2, 3)}
  and ($4::text is null or provider = $4::text)
  and ($5::text is null or lower(model) = lower($5::text))`;

function scopeParams(scope: RepriceScope): unknown[] {
  return [scope.from, scope.to, scope.timeZone, scope.provider, scope.model];
}

/** Lists the traces with LLM spans in the scope, sorted, so batches are stable. */
export async function listTracesToReprice(db: Queryable, scope: RepriceScope): Promise<string[]> {
  const rows = await db.query<{ trace_id: string }>(
    `select distinct trace_id from spans where ${SCOPE_FILTER} order by trace_id`,
    scopeParams(scope),
  );
  return rows.map((row) => row.trace_id);
}

const nullableBigInt = (value: string | null) => (value === null ? null : BigInt(value));

/** Loads the LLM spans in the scope that belong to the given traces. */
export async function loadSpansToReprice(
  tx: Queryable,
  scope: RepriceScope,
  traceIds: readonly string[],
): Promise<RepriceSpan[]> {
  const rows = await tx.query<Record<string, string | null> & { flags: string[] | null }>(
    `select trace_id, span_id, start_ns::text, provider, model, service_tier,
            input_tokens::text, uncached_input_tokens::text, cache_read_tokens::text,
            cache_write_tokens::text, cache_write_5m_tokens::text, cache_write_1h_tokens::text,
            output_tokens::text, reasoning_tokens::text, cost_usd::text, cost_status, price_id,
            emitter_cost_usd::text, flags
       from spans
      where trace_id = any($6::text[]) and ${SCOPE_FILTER}
      order by trace_id, span_id`,
    [...scopeParams(scope), traceIds],
  );
  return rows.map((row) => ({
    traceId: row.trace_id!,
    spanId: row.span_id!,
    startNs: BigInt(row.start_ns!),
    provider: row.provider ?? null,
    model: row.model ?? null,
    serviceTier: row.service_tier ?? null,
    inputTokens: nullableBigInt(row.input_tokens ?? null),
    uncachedInputTokens: nullableBigInt(row.uncached_input_tokens ?? null),
    cacheReadTokens: nullableBigInt(row.cache_read_tokens ?? null),
    cacheWriteTokens: nullableBigInt(row.cache_write_tokens ?? null),
    cacheWrite5mTokens: nullableBigInt(row.cache_write_5m_tokens ?? null),
    cacheWrite1hTokens: nullableBigInt(row.cache_write_1h_tokens ?? null),
    outputTokens: nullableBigInt(row.output_tokens ?? null),
    reasoningTokens: nullableBigInt(row.reasoning_tokens ?? null),
    costUsd: row.cost_usd ?? null,
    costStatus: row.cost_status === "priced" ? "priced" : "unpriced",
    priceId: row.price_id ?? null,
    emitterCostUsd: row.emitter_cost_usd ?? null,
    flags: row.flags ?? [],
  }));
}

/** Writes new costs, statuses, price ids and flags of spans. */
export async function updateSpanCosts(tx: Queryable, updates: readonly SpanCostUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const column = <T>(read: (update: SpanCostUpdate) => T) => updates.map(read);
  await tx.query(
    `update spans s
        set cost_usd = u.cost_usd, cost_status = u.cost_status, price_id = u.price_id,
            flags = coalesce(string_to_array(nullif(u.flags, ''), ','), '{}')
       from unnest($1::text[], $2::text[], $3::numeric[], $4::text[], $5::text[], $6::text[])
            as u(trace_id, span_id, cost_usd, cost_status, price_id, flags)
      where s.trace_id = u.trace_id and s.span_id = u.span_id`,
    [
      column((u) => u.traceId),
      column((u) => u.spanId),
      column((u) => u.costUsd),
      column((u) => u.costStatus),
      column((u) => u.priceId),
      column((u) => u.flags.join(",")),
    ],
  );
}

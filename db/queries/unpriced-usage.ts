import type { Queryable } from "@/db/client";

export interface DayBounds {
  /** First day, inclusive, YYYY-MM-DD. */
  from: string;
  /** Day after the last, exclusive. */
  to: string;
  /** IANA zone whose midnights bound the days. */
  timeZone: string;
}

/** Unpriced LLM calls of one provider and model. */
export interface UnpricedUsage {
  provider: string | null;
  model: string | null;
  /** Counted calls, as in the run totals: a span supplying usage for several calls counts that often. */
  calls: number;
  /** Calls without usable token counts, which a price alone will not price. */
  callsWithoutUsage: number;
  inputTokens: string;
  outputTokens: string;
  /** Start of the first and the last call, Unix nanoseconds as decimal strings. */
  firstSeenNs: string;
  lastSeenNs: string;
}

/**
 * SQL for the Unix-nanosecond instant of local midnight of a day, given the
 * parameter numbers of the day and the time zone. PostgreSQL applies the
 * zone's daylight saving rules.
 */
export function localMidnightNs(dayParam: number, zoneParam: number): string {
  return `(extract(epoch from ($${dayParam}::date::timestamp at time zone $${zoneParam}::text))
           * 1000000000)::bigint`;
}

/**
 * Groups the counted unpriced LLM calls that started in the days by provider
 * and model, most calls first. Uses spans(start_ns) where counted_calls > 0.
 */
export async function listUnpricedUsage(db: Queryable, bounds: DayBounds): Promise<UnpricedUsage[]> {
  const rows = await db.query<{
    provider: string | null;
    model: string | null;
    calls: string;
    calls_without_usage: string;
    input_tokens: string;
    output_tokens: string;
    first_ns: string;
    last_ns: string;
  }>(
    `select provider, model,
            sum(counted_calls)::text as calls,
            coalesce(sum(counted_calls) filter (
              where input_tokens is null
                 or 'tokens_invalid' = any(flags) or 'negative_bucket' = any(flags)
            ), 0)::text as calls_without_usage,
            coalesce(sum(coalesce(input_tokens, 0) * counted_calls), 0)::text as input_tokens,
            coalesce(sum(coalesce(output_tokens, 0) * counted_calls), 0)::text as output_tokens,
            min(start_ns)::text as first_ns, max(start_ns)::text as last_ns
       from spans
      where counted_calls > 0 and role = 'llm' and cost_status = 'unpriced'
        and start_ns >= ${localMidnightNs(1, 3)} and start_ns < ${localMidnightNs(2, 3)}
      group by provider, model
      order by sum(counted_calls) desc, provider nulls last, model nulls last`,
    [bounds.from, bounds.to, bounds.timeZone],
  );
  return rows.map((row) => ({
    provider: row.provider,
    model: row.model,
    calls: Number(row.calls),
    callsWithoutUsage: Number(row.calls_without_usage),
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    firstSeenNs: row.first_ns,
    lastSeenNs: row.last_ns,
  }));
}

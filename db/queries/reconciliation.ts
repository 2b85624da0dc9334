import type { Queryable } from "@/db/client";

const NANOS_PER_DAY = 86_400_000_000_000n;

/** Estimated cost of counted LLM calls per provider, model, UTC day, workflow and run day. */
export interface EstimatedCellRow {
  provider: string | null;
  model: string | null;
  /** UTC calendar day of the call's start. */
  day: string;
  workflow: string;
  /** The run's KPI day, in the organization's time zone. */
  runDay: string;
  /** Sum of priced calls' cost in USD, or null when every call is unpriced. */
  estimatedUsd: string | null;
  calls: number;
  unpricedCalls: number;
}

/** Billed amounts per provider, model, UTC day and currency, from AI billing lines. */
export interface BilledCellRow {
  /** The party that bills: `aws`, `microsoft`, `openai`... */
  provider: string;
  /** Provider of the model; null for a line of a model vendor that names no model. */
  modelProvider: string | null;
  model: string | null;
  day: string;
  currency: string;
  billedUsd: string | null;
  effectiveUsd: string | null;
  lines: number;
  linesWithEffective: number;
}

/** Vendors whose every billed line is spend on their models, recognized or not. */
export const MODEL_VENDORS = ["openai", "anthropic"];

/** Converts a UTC calendar day (YYYY-MM-DD) to Unix nanoseconds at its start. */
export function dayToNanos(day: string): bigint {
  return BigInt(Date.parse(`${day}T00:00:00Z`)) * 1_000_000n;
}

/**
 * Loads the estimated cost of counted LLM calls that started in [fromDay,
 * toDay) UTC. A call's cost is its span's cost_usd times counted_calls, so
 * the sum over a run equals the run's cost.
 */
export async function loadEstimatedCells(
  db: Queryable,
  params: { fromDay: string; toDay: string },
): Promise<EstimatedCellRow[]> {
  const rows = await db.query<{
    provider: string | null;
    model: string | null;
    day: string;
    workflow: string;
    run_day: string;
    estimated_usd: string | null;
    calls: number;
    unpriced_calls: number;
  }>(
    `select s.provider, s.model,
            (date '1970-01-01' + (s.start_ns / $3::int8)::int)::text as day,
            coalesce(r.workflow, 'unknown') as workflow,
            coalesce(r.day, date '1970-01-01' + (s.start_ns / $3::int8)::int)::text as run_day,
            sum(s.cost_usd * s.counted_calls)::text as estimated_usd,
            sum(s.counted_calls)::int as calls,
            sum(case when s.cost_usd is null then s.counted_calls else 0 end)::int as unpriced_calls
       from spans s left join runs r on r.trace_id = s.trace_id
      where s.counted_calls > 0 and s.start_ns >= $1::int8 and s.start_ns < $2::int8
      group by 1, 2, 3, 4, 5`,
    [
      dayToNanos(params.fromDay).toString(),
      dayToNanos(params.toDay).toString(),
      NANOS_PER_DAY.toString(),
    ],
  );
  return rows.map((row) => ({
    provider: row.provider,
    model: row.model,
    day: row.day,
    workflow: row.workflow,
    runDay: row.run_day,
    estimatedUsd: row.estimated_usd,
    calls: row.calls,
    unpricedCalls: row.unpriced_calls,
  }));
}

/**
 * Loads billed AI spend whose charge period starts in [fromDay, toDay) UTC:
 * lines recognized as model charges, and every line of a model vendor. Token
 * lines without an amount (currency XXX) are left out.
 * NOTE: a line counts on the UTC day its period starts. A monthly AI line
 * lands on the 1st and is not spread over the month's days.
 */
export async function loadBilledCells(
  db: Queryable,
  params: { fromDay: string; toDay: string },
): Promise<BilledCellRow[]> {
  const rows = await db.query<{
    provider: string;
    model_provider: string | null;
    model: string | null;
    day: string;
    currency: string;
    billed_usd: string | null;
    effective_usd: string | null;
    lines: number;
    lines_with_effective: number;
  }>(
    `select provider, model_provider, model,
            (charge_period_start at time zone 'UTC')::date::text as day, currency,
            sum(billed_cost)::text as billed_usd, sum(effective_cost)::text as effective_usd,
            count(*)::int as lines, count(effective_cost)::int as lines_with_effective
       from billing_lines
      where charge_period_start >= $1::date::timestamp at time zone 'UTC'
        and charge_period_start < $2::date::timestamp at time zone 'UTC'
        and currency <> 'XXX'
        and (model_provider is not null or provider = any($3::text[]))
      group by 1, 2, 3, 4, 5`,
    [params.fromDay, params.toDay, MODEL_VENDORS],
  );
  return rows.map((row) => ({
    provider: row.provider,
    modelProvider: row.model_provider,
    model: row.model,
    day: row.day,
    currency: row.currency,
    billedUsd: row.billed_usd,
    effectiveUsd: row.effective_usd,
    lines: row.lines,
    linesWithEffective: row.lines_with_effective,
  }));
}

/**
 * Returns the first and last UTC day on which counted calls of runs whose
 * KPI day is in [from, to) started, or null when there are none.
 */
export async function loadCallDaysOfRuns(
  db: Queryable,
  params: { from: string; to: string },
): Promise<{ firstDay: string; lastDay: string } | null> {
  const [row] = await db.query<{ first_day: string | null; last_day: string | null }>(
    `select (date '1970-01-01' + (min(s.start_ns) / $3::int8)::int)::text as first_day,
            (date '1970-01-01' + (max(s.start_ns) / $3::int8)::int)::text as last_day
       from runs r join spans s on s.trace_id = r.trace_id
      where r.day >= $1::date and r.day < $2::date and s.counted_calls > 0`,
    [params.from, params.to, NANOS_PER_DAY.toString()],
  );
  if (!row?.first_day || !row.last_day) return null;
  return { firstDay: row.first_day, lastDay: row.last_day };
}

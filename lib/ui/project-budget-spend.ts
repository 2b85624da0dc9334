import { divideToDecimal, SCALE, toUnits } from "@/lib/money/decimal";

const UNIT = 10n ** BigInt(SCALE);
const HOUR_MS = 3_600_000n;
const DAY_MS = 86_400_000n;
/** Burn rates over less than a minute of a period swing too wildly to show. */
const MIN_ELAPSED_MS = 60_000;

export interface BudgetProjection {
  /** Share of the period elapsed, from 0 to 1. */
  elapsedShare: number;
  /** Decimal USD per day, and per hour, spent so far in the period. */
  burnUsdPerDay: string;
  burnUsdPerHour: string;
  /** Spend at the end of the period if the burn rate holds: spent / elapsed × period length. */
  projectedUsd: string;
  /** Projected spend as a percentage of the limit; null without a money limit. */
  projectedPercent: number | null;
}

/**
 * Projects a period's spend from the spend so far, in exact decimals.
 * Returns null before a minute of the period has passed.
 */
export function projectBudgetSpend(
  state: { spentUsd: string; limitUsd: string | null; period: { start: string; end: string } },
  now: Date,
): BudgetProjection | null {
  const start = Date.parse(state.period.start);
  const end = Date.parse(state.period.end);
  const elapsed = Math.min(now.getTime(), end) - start;
  if (!(elapsed >= MIN_ELAPSED_MS) || !(end > start)) return null;

  const spent = toUnits(state.spentUsd);
  const elapsedMs = BigInt(elapsed);
  const periodMs = BigInt(end - start);
  const projectedUnits = (spent * periodMs) / elapsedMs;
  const limit = state.limitUsd === null ? null : toUnits(state.limitUsd);
  return {
    elapsedShare: elapsed / (end - start),
    burnUsdPerDay: divideToDecimal(spent * DAY_MS, elapsedMs * UNIT, 6),
    burnUsdPerHour: divideToDecimal(spent * HOUR_MS, elapsedMs * UNIT, 6),
    projectedUsd: divideToDecimal(spent * periodMs, elapsedMs * UNIT, 6),
    projectedPercent:
      limit === null || limit === 0n ? null : Number(divideToDecimal(projectedUnits * 100n, limit, 2)),
  };
}

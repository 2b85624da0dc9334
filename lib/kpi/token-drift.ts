/**
 * Token drift: the change in tokens per completed outcome of the last week against
 * the four weeks before it, on which a workflow's escalation threshold fires.
 */

import { divideToDecimal } from "../money/decimal";
import { addDays, parseDay } from "./fill-days";
import type { DailyAggregate } from "./types";

export const RECENT_WINDOW_DAYS = 7;
export const BASELINE_WINDOW_DAYS = 28;

const RATIO_PLACES = 12;
const PERCENT_PLACES = 6;

export interface TokenDrift {
  /** Tokens per completed outcome over the recent window, rounded half-up to 12 places. */
  recentTokensPerOutcome: string;
  /** Tokens per completed outcome over the baseline window, rounded half-up to 12 places. */
  baselineTokensPerOutcome: string;
  /**
   * (recent / baseline − 1) × 100, rounded half away from zero to 6 places. Null
   * when the baseline used no tokens, because no percentage of zero exists.
   */
  driftPercent: string | null;
}

interface WindowTotals {
  tokens: bigint;
  outcomes: bigint;
}

function sumWindow(days: readonly DailyAggregate[], from: string, to: string): WindowTotals {
  let tokens = 0n;
  let outcomes = 0n;
  for (const row of days) {
    if (row.day >= from && row.day < to) {
      tokens += BigInt(row.tokens);
      outcomes += BigInt(row.completedOutcomes);
    }
  }
  return { tokens, outcomes };
}

/**
 * Computes token drift as of the start of day `asOf`, which is excluded because it
 * is still in progress: the recent window is the 7 days before `asOf`, and the
 * baseline is the 28 days before those. Days outside both windows are ignored, and
 * a missing day counts as zero. Returns null when either window has no completed
 * outcome. The ratios and the percentage are computed exactly on integers.
 */
export function computeTokenDrift(
  days: readonly DailyAggregate[],
  asOf: string,
): TokenDrift | null {
  parseDay(asOf);
  const seen = new Set<string>();
  for (const row of days) {
    parseDay(row.day);
    if (seen.has(row.day)) throw new RangeError(`two aggregates for day ${row.day}`);
    seen.add(row.day);
    for (const value of [row.tokens, row.completedOutcomes]) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`token counts on ${row.day} must be integers >= 0, got ${value}`);
      }
    }
  }

  const recentStart = addDays(asOf, -RECENT_WINDOW_DAYS);
  const baselineStart = addDays(recentStart, -BASELINE_WINDOW_DAYS);
  const recent = sumWindow(days, recentStart, asOf);
  const baseline = sumWindow(days, baselineStart, recentStart);
  if (recent.outcomes === 0n || baseline.outcomes === 0n) return null;

  // recent/baseline − 1 = (Tr·Ob − Tb·Or) / (Or·Tb), scaled by 100 before rounding.
  const numerator = (recent.tokens * baseline.outcomes - baseline.tokens * recent.outcomes) * 100n;
  const denominator = recent.outcomes * baseline.tokens;
  return {
    recentTokensPerOutcome: divideToDecimal(recent.tokens, recent.outcomes, RATIO_PLACES),
    baselineTokensPerOutcome: divideToDecimal(baseline.tokens, baseline.outcomes, RATIO_PLACES),
    driftPercent:
      denominator === 0n ? null : divideToDecimal(numerator, denominator, PERCENT_PLACES),
  };
}

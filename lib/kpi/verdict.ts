/**
 * The verdict on whether a workflow's cost scales like a production system, from
 * the 95 % interval of its cost elasticity.
 */

import type { Regression, Verdict, VerdictOptions } from "./types";

export const DEFAULT_VERDICT_OPTIONS: Readonly<VerdictOptions> = {
  minDays: 14,
  minVolumeRatio: 1.5,
  pocLowerBound: 1.0,
  productionizedUpperBound: 1.1,
};

/** Days used by the elasticity regression: decisions > 0 and cost > 0. */
export interface QualifyingDays {
  count: number;
  /** Minimum and maximum daily decisions over those days, or null when there are none. */
  minDecisions: number | null;
  maxDecisions: number | null;
}

export interface VerdictResult {
  verdict: Verdict;
  reason: string;
}

/** Merges `options` over the defaults and rejects values that make no sense. */
export function resolveVerdictOptions(options: Partial<VerdictOptions> = {}): VerdictOptions {
  const resolved = { ...DEFAULT_VERDICT_OPTIONS, ...options };
  if (!Number.isInteger(resolved.minDays) || resolved.minDays < 1) {
    throw new RangeError(`minDays must be an integer >= 1, got ${resolved.minDays}`);
  }
  if (!(resolved.minVolumeRatio >= 1) || !Number.isFinite(resolved.minVolumeRatio)) {
    throw new RangeError(
      `minVolumeRatio must be a finite number >= 1, got ${resolved.minVolumeRatio}`,
    );
  }
  if (!Number.isFinite(resolved.pocLowerBound)) {
    throw new RangeError(`pocLowerBound must be finite, got ${resolved.pocLowerBound}`);
  }
  if (!Number.isFinite(resolved.productionizedUpperBound)) {
    throw new RangeError(
      `productionizedUpperBound must be finite, got ${resolved.productionizedUpperBound}`,
    );
  }
  return resolved;
}

function formatInterval(elasticity: Regression): string {
  const value = elasticity.value.toFixed(2);
  const low = elasticity.ciLow.toFixed(2);
  const high = elasticity.ciHigh.toFixed(2);
  return `elasticity ${value} (95 % CI ${low}–${high}) over ${elasticity.n} days`;
}

/**
 * Decides the verdict, checking in this order. It is `insufficient_data` with fewer
 * than `minDays` qualifying days, a busiest-to-quietest ratio below `minVolumeRatio`
 * or no elasticity. It is `poc_theater` when the interval's lower bound is above
 * `pocLowerBound`, and `productionized` when its upper bound is at most
 * `productionizedUpperBound`. Otherwise it is `inconclusive`.
 */
export function decideVerdict(
  elasticity: Regression | null,
  qualifying: QualifyingDays,
  options: VerdictOptions = DEFAULT_VERDICT_OPTIONS,
): VerdictResult {
  const { minDays, minVolumeRatio, pocLowerBound, productionizedUpperBound } = options;
  if (qualifying.count < minDays) {
    return {
      verdict: "insufficient_data",
      reason:
        `Only ${qualifying.count} ${qualifying.count === 1 ? "day has" : "days have"} both decisions and cost, ` +
        `and a verdict needs at least ${minDays}.`,
    };
  }
  const { minDecisions, maxDecisions } = qualifying;
  const ratio =
    minDecisions !== null && maxDecisions !== null && minDecisions > 0
      ? maxDecisions / minDecisions
      : 0;
  if (ratio < minVolumeRatio) {
    return {
      verdict: "insufficient_data",
      reason:
        `Daily decisions ranged only from ${minDecisions ?? 0} to ${maxDecisions ?? 0} ` +
        `over ${qualifying.count} days, and a verdict needs the busiest day to have ` +
        `at least ${minVolumeRatio} times the decisions of the quietest.`,
    };
  }
  if (elasticity === null) {
    return {
      verdict: "insufficient_data",
      reason: `The ${qualifying.count} qualifying days are too few to fit a cost elasticity.`,
    };
  }
  if (elasticity.ciLow > pocLowerBound) {
    return {
      verdict: "poc_theater",
      reason: `Cost grows faster than volume, with ${formatInterval(elasticity)}.`,
    };
  }
  if (elasticity.ciHigh <= productionizedUpperBound) {
    return {
      verdict: "productionized",
      reason: `Cost grows no faster than volume, with ${formatInterval(elasticity)}.`,
    };
  }
  return {
    verdict: "inconclusive",
    reason:
      `The data cannot yet tell whether cost grows faster than volume, ` +
      `with ${formatInterval(elasticity)}.`,
  };
}

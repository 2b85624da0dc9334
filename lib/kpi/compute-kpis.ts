/**
 * Unit-economics KPIs of one workflow over a period, from its daily aggregates.
 */

import { divideToDecimal, divideUnits, fromUnits, toUnits, unitsToNumber } from "../money/decimal";
import { parseDay } from "./fill-days";
import { fitOlsSlope } from "./ols";
import type { DailyAggregate, VerdictOptions, WorkflowKpis } from "./types";
import { decideVerdict, resolveVerdictOptions, type QualifyingDays } from "./verdict";

/** Decimal places of the per-outcome and per-decision ratios, matching money's 10^-12 USD. */
const RATIO_PLACES = 12;

const COUNT_FIELDS = ["runs", "llmCalls", "tokens", "completedOutcomes", "decisions"] as const;
type CountField = (typeof COUNT_FIELDS)[number];

interface ParsedDay {
  decisions: number;
  costUnits: bigint;
}

/** Validates every row and returns the decisions and exact cost of each day. */
function parseDailyAggregates(days: readonly DailyAggregate[]): ParsedDay[] {
  const seen = new Set<string>();
  return days.map((row) => {
    parseDay(row.day);
    if (seen.has(row.day)) throw new RangeError(`two aggregates for day ${row.day}`);
    seen.add(row.day);
    for (const field of COUNT_FIELDS) {
      const value = row[field];
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`${field} on ${row.day} must be an integer >= 0, got ${value}`);
      }
    }
    return { decisions: row.decisions, costUnits: toUnits(row.costUsd) };
  });
}

function sumCounts(days: readonly DailyAggregate[], field: CountField): number {
  const total = days.reduce((sum, row) => sum + row[field], 0);
  if (!Number.isSafeInteger(total)) {
    throw new RangeError(`total ${field} exceeds ${Number.MAX_SAFE_INTEGER}`);
  }
  return total;
}

function describeQualifyingDays(decisions: readonly number[]): QualifyingDays {
  if (decisions.length === 0) return { count: 0, minDecisions: null, maxDecisions: null };
  return {
    count: decisions.length,
    minDecisions: Math.min(...decisions),
    maxDecisions: Math.max(...decisions),
  };
}

/**
 * Computes a workflow's KPIs from at most one aggregate per day. A missing day and
 * a day with zero decisions both leave the regressions unchanged.
 *
 * Marginal cost per decision is the OLS slope of daily cost on daily decisions
 * over days with decisions > 0. Cost elasticity is the OLS slope of ln(cost) on
 * ln(decisions) over days where both are > 0, and those days are the qualifying
 * days of the verdict. Both regressions are reported only when the verdict is not
 * `insufficient_data`. A slope from too few days or too narrow a range of volume
 * is not a number to show the board, so both are null then, even when OLS could
 * fit one.
 */
export function computeWorkflowKpis(
  days: readonly DailyAggregate[],
  options: Partial<VerdictOptions> = {},
): WorkflowKpis {
  const verdictOptions = resolveVerdictOptions(options);
  const parsed = parseDailyAggregates(days);

  const tokens = sumCounts(days, "tokens");
  const completedOutcomes = sumCounts(days, "completedOutcomes");
  const decisions = sumCounts(days, "decisions");
  const costUnits = parsed.reduce((sum, day) => sum + day.costUnits, 0n);

  const activeDays = parsed.filter((day) => day.decisions > 0);
  const marginalCost = fitOlsSlope(
    activeDays.map((day) => day.decisions),
    activeDays.map((day) => unitsToNumber(day.costUnits)),
  );
  const qualifying = activeDays.filter((day) => day.costUnits > 0n);
  const elasticity = fitOlsSlope(
    qualifying.map((day) => Math.log(day.decisions)),
    qualifying.map((day) => Math.log(unitsToNumber(day.costUnits))),
  );

  const qualifyingDays = describeQualifyingDays(qualifying.map((day) => day.decisions));
  const { verdict, reason } = decideVerdict(elasticity, qualifyingDays, verdictOptions);
  const reportRegressions = verdict !== "insufficient_data";

  return {
    runs: sumCounts(days, "runs"),
    llmCalls: sumCounts(days, "llmCalls"),
    tokens,
    costUsd: fromUnits(costUnits),
    completedOutcomes,
    decisions,
    tokensPerCompletedOutcome:
      completedOutcomes > 0
        ? divideToDecimal(BigInt(tokens), BigInt(completedOutcomes), RATIO_PLACES)
        : null,
    costPerDecisionUsd: decisions > 0 ? divideUnits(costUnits, BigInt(decisions)) : null,
    marginalCostPerDecisionUsd: reportRegressions ? marginalCost : null,
    costElasticity: reportRegressions ? elasticity : null,
    verdict,
    verdictReason: reason,
  };
}

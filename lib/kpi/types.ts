/**
 * Inputs and results of the per-workflow unit-economics KPIs.
 */

/** Totals of one workflow for one calendar day in the organization's time zone. */
export interface DailyAggregate {
  /** Calendar day as YYYY-MM-DD. */
  day: string;
  runs: number;
  llmCalls: number;
  /** All tokens of all runs that started that day, failed runs included. */
  tokens: number;
  /** Cost in USD as a decimal string with at most 12 fraction digits. */
  costUsd: string;
  completedOutcomes: number;
  decisions: number;
}

/** Ordinary least squares slope with its 95 % two-sided t interval. */
export interface Regression {
  value: number;
  stdErr: number;
  ciLow: number;
  ciHigh: number;
  /** Number of (x, y) points fitted. */
  n: number;
  r2: number;
}

export type Verdict = "productionized" | "poc_theater" | "inconclusive" | "insufficient_data";

/** Thresholds for the verdict on cost elasticity. */
export interface VerdictOptions {
  /** Minimum number of days with decisions > 0 and cost > 0. */
  minDays: number;
  /** Minimum ratio of the busiest to the quietest of those days, in decisions. */
  minVolumeRatio: number;
  /** `poc_theater` when the elasticity interval's lower bound is above this. */
  pocLowerBound: number;
  /** `productionized` when the elasticity interval's upper bound is at most this. */
  productionizedUpperBound: number;
}

export interface WorkflowKpis {
  runs: number;
  llmCalls: number;
  tokens: number;
  /** Exact sum in USD as a decimal string. */
  costUsd: string;
  completedOutcomes: number;
  decisions: number;
  /** Tokens divided by completed outcomes, rounded half-up to 12 decimals. */
  tokensPerCompletedOutcome: string | null;
  /** Cost divided by decisions in USD, rounded half-up to 12 decimals. */
  costPerDecisionUsd: string | null;
  /** Slope of daily cost on daily decisions, in USD per decision. */
  marginalCostPerDecisionUsd: Regression | null;
  /** Slope of ln(daily cost) on ln(daily decisions). */
  costElasticity: Regression | null;
  verdict: Verdict;
  /** One plain-English sentence that explains the verdict. */
  verdictReason: string;
}

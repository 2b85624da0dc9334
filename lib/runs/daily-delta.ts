import type { Outcome } from "@/lib/spans/types";

import type { RunSummary } from "./summarize-run";

/** Change to one (workflow, day) row of the daily totals. */
export interface DailyDelta {
  workflow: string;
  day: string;
  runs: number;
  llmCalls: number;
  toolCalls: number;
  inputTokens: bigint;
  outputTokens: bigint;
  costUnits: bigint;
  unpricedCalls: number;
  completedOutcomes: number;
  failedOutcomes: number;
  abandonedOutcomes: number;
  escalatedOutcomes: number;
  decisions: bigint;
}

type RunTotals = Pick<
  RunSummary,
  | "workflow"
  | "day"
  | "llmCalls"
  | "toolCalls"
  | "inputTokens"
  | "outputTokens"
  | "costUnits"
  | "unpricedCalls"
  | "outcome"
  | "decisions"
>;

function emptyDelta(workflow: string, day: string): DailyDelta {
  return {
    workflow,
    day,
    runs: 0,
    llmCalls: 0,
    toolCalls: 0,
    inputTokens: 0n,
    outputTokens: 0n,
    costUnits: 0n,
    unpricedCalls: 0,
    completedOutcomes: 0,
    failedOutcomes: 0,
    abandonedOutcomes: 0,
    escalatedOutcomes: 0,
    decisions: 0n,
  };
}

const OUTCOME_FIELD: Record<Outcome, keyof DailyDelta> = {
  completed: "completedOutcomes",
  failed: "failedOutcomes",
  abandoned: "abandonedOutcomes",
  escalated: "escalatedOutcomes",
};

function apply(delta: DailyDelta, run: RunTotals, sign: 1 | -1): void {
  const big = BigInt(sign);
  delta.runs += sign;
  delta.llmCalls += sign * run.llmCalls;
  delta.toolCalls += sign * run.toolCalls;
  delta.inputTokens += big * run.inputTokens;
  delta.outputTokens += big * run.outputTokens;
  delta.costUnits += big * run.costUnits;
  delta.unpricedCalls += sign * run.unpricedCalls;
  delta.decisions += big * BigInt(run.decisions);
  if (run.outcome) {
    const field = OUTCOME_FIELD[run.outcome] as
      | "completedOutcomes"
      | "failedOutcomes"
      | "abandonedOutcomes"
      | "escalatedOutcomes";
    delta[field] += sign;
  }
}

function isZero(delta: DailyDelta): boolean {
  return (
    delta.runs === 0 &&
    delta.llmCalls === 0 &&
    delta.toolCalls === 0 &&
    delta.inputTokens === 0n &&
    delta.outputTokens === 0n &&
    delta.costUnits === 0n &&
    delta.unpricedCalls === 0 &&
    delta.completedOutcomes === 0 &&
    delta.failedOutcomes === 0 &&
    delta.abandonedOutcomes === 0 &&
    delta.escalatedOutcomes === 0 &&
    delta.decisions === 0n
  );
}

/**
 * Computes what recomputing a set of runs changes in the daily totals: each
 * run's previous totals come off its old (workflow, day) and the new totals go
 * onto the new one. Rows come back sorted by key so concurrent transactions
 * lock daily rows in the same order.
 */
export function computeDailyDeltas(
  previous: readonly RunTotals[],
  next: readonly RunTotals[],
): DailyDelta[] {
  const deltas = new Map<string, DailyDelta>();
  const deltaFor = (run: RunTotals) => {
    const key = `${run.workflow}\u0000${run.day}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = emptyDelta(run.workflow, run.day);
      deltas.set(key, delta);
    }
    return delta;
  };
  for (const run of previous) apply(deltaFor(run), run, -1);
  for (const run of next) apply(deltaFor(run), run, 1);
  return [...deltas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => delta)
    .filter((delta) => !isZero(delta));
}

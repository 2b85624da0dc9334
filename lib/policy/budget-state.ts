import type { Queryable } from "@/db/client";
import { sumWorkflowSpend } from "@/db/queries/policy-spend";
import { getEnv } from "@/lib/env";
import { fromUnits, toUnits } from "@/lib/money/decimal";

import { budgetPeriodOf } from "./budget-period";
import type { Budget, BudgetPeriod, Routing, WorkflowPolicy } from "./policy-schema";
import { getPublished } from "./policy-store";

export type BudgetAction = "allow" | "downgrade" | "block";

/** Position of one workflow against its published budget in the current period. */
export interface WorkflowBudgetState {
  workflow: string;
  /** Current period: start inclusive, end exclusive, as ISO instants in UTC. */
  period: { kind: BudgetPeriod; start: string; end: string; timeZone: string };
  limitUsd: string | null;
  limitTokens: number | null;
  /** Decimal USD. */
  spentUsd: string;
  spentTokens: number;
  /** Decimal USD, negative when over budget; null without a money limit. */
  remainingUsd: string | null;
  /** Negative when over budget; null without a token limit. */
  remainingTokens: number | null;
  /** Larger of the money and token shares used, in percent, to 4 decimals. */
  percentUsed: number;
  action: BudgetAction;
  enforcement: Budget["enforcement"];
  /** Alert thresholds reached in this period, ascending. */
  thresholdsCrossed: number[];
}

interface CachedStates {
  computedAt: number;
  nowMs: number;
  version: number;
  states: WorkflowBudgetState[];
}

const cache = new WeakMap<Queryable, CachedStates>();

const PERCENT_SCALE = 1_000_000n;

/** Tells whether spent reaches `percent` of the limit, exactly (micro-percent precision on the threshold). */
function reaches(spent: bigint, limit: bigint, percent: number): boolean {
  const scaledPercent = BigInt(Math.round(percent * Number(PERCENT_SCALE)));
  return spent * 100n * PERCENT_SCALE >= limit * scaledPercent;
}

function shareOf(spent: bigint, limit: bigint): number {
  return Number((spent * 100n * 10_000n) / limit) / 10_000;
}

/**
 * Chooses the action a gateway applies now. A hard budget blocks at 100 %
 * unless routing is set to allow at the limit, which keeps requests on the
 * cheapest tier (a downgrade); routing may also downgrade earlier.
 */
function chooseAction(budget: Budget, routing: Routing | null, atLimit: boolean, percent: number): BudgetAction {
  if (atLimit && budget.enforcement === "hard") {
    return routing === null || routing.atLimit === "block" ? "block" : "downgrade";
  }
  if (routing?.downgradeAtPercent != null && percent >= routing.downgradeAtPercent) return "downgrade";
  return "allow";
}

async function computeState(
  db: Queryable,
  workflow: string,
  policy: WorkflowPolicy & { budget: Budget },
  now: Date,
): Promise<WorkflowBudgetState> {
  const { budget, routing } = policy;
  const period = budgetPeriodOf(budget.period, budget.timeZone, now);
  const toNs = (date: Date) => BigInt(date.getTime()) * 1_000_000n;
  const spend = await sumWorkflowSpend(db, workflow, toNs(period.start), toNs(period.end));
  const spentUnits = toUnits(spend.costUsd);
  const limitUnits = budget.amountUsd === null ? null : toUnits(budget.amountUsd);
  const limitTokens = budget.tokens === null ? null : BigInt(budget.tokens);

  const reached = (percent: number) =>
    (limitUnits !== null && reaches(spentUnits, limitUnits, percent)) ||
    (limitTokens !== null && reaches(spend.tokens, limitTokens, percent));
  const shares = [
    limitUnits === null ? 0 : shareOf(spentUnits, limitUnits),
    limitTokens === null ? 0 : shareOf(spend.tokens, limitTokens),
  ];
  const percentUsed = Math.max(...shares);
  const thresholdsCrossed = [...budget.alertThresholdsPercent].sort((a, b) => a - b).filter(reached);

  return {
    workflow,
    period: {
      kind: budget.period,
      start: period.start.toISOString(),
      end: period.end.toISOString(),
      timeZone: budget.timeZone,
    },
    limitUsd: budget.amountUsd === null ? null : fromUnits(limitUnits!),
    limitTokens: budget.tokens,
    spentUsd: fromUnits(spentUnits),
    spentTokens: Number(spend.tokens),
    remainingUsd: limitUnits === null ? null : fromUnits(limitUnits - spentUnits),
    remainingTokens: limitTokens === null ? null : Number(limitTokens - spend.tokens),
    percentUsed,
    action: chooseAction(budget, routing, reached(100), percentUsed),
    enforcement: budget.enforcement,
    thresholdsCrossed,
  };
}

/**
 * Computes the budget state of every workflow with a budget in the published
 * policy, by workflow name. Results are reused for POLICY_STATE_MAX_AGE_SECONDS
 * (30 by default) unless `fresh` is set or a new version was published since;
 * `workflows` limits the list and bypasses the cache.
 */
export async function getBudgetStates(
  db: Queryable,
  now: Date,
  options: { fresh?: boolean; workflows?: readonly string[] } = {},
): Promise<WorkflowBudgetState[]> {
  // The published version is read every time (a primary-key lookup), so a
  // publish shows at once; only the spend sums are reused.
  const published = await getPublished(db);
  const cached = cache.get(db);
  const maxAgeMs = getEnv().POLICY_STATE_MAX_AGE_SECONDS * 1000;
  const reusable =
    !options.fresh &&
    !options.workflows &&
    cached !== undefined &&
    cached.version === (published?.version ?? 0) &&
    Date.now() - cached.computedAt < maxAgeMs &&
    Math.abs(now.getTime() - cached.nowMs) < maxAgeMs &&
    cached.states.every((state) => Date.parse(state.period.end) > now.getTime());
  if (reusable) return cached.states;

  const states: WorkflowBudgetState[] = [];
  const names = Object.keys(published?.document.workflows ?? {}).sort();
  for (const workflow of names) {
    if (options.workflows && !options.workflows.includes(workflow)) continue;
    const policy = published!.document.workflows[workflow]!;
    if (policy.budget === null) continue;
    states.push(await computeState(db, workflow, { ...policy, budget: policy.budget }, now));
  }
  if (!options.workflows) {
    const version = published?.version ?? 0;
    cache.set(db, { computedAt: Date.now(), nowMs: now.getTime(), version, states });
  }
  return states;
}

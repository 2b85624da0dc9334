/**
 * Organization totals for the board, summed exactly from the per-workflow KPIs.
 */

import { addDecimals, divideUnits, toUnits } from "@/lib/money/decimal";

import type { WorkflowSummary } from "./kpi-schemas";

export interface OrganizationTotals {
  workflows: number;
  runs: number;
  decisions: number;
  /** Exact sum in USD as a decimal string. */
  costUsd: string;
  /** Total cost divided by total decisions, or null without decisions. */
  costPerDecisionUsd: string | null;
  /** LLM calls without a price, whose cost the total leaves out. */
  unpricedCalls: number;
}

/** Sums cost, runs, decisions and unpriced calls over all workflows. */
export function summarizeOrganization(workflows: readonly WorkflowSummary[]): OrganizationTotals {
  const costUsd = addDecimals(workflows.map((workflow) => workflow.costUsd));
  const sum = (pick: (workflow: WorkflowSummary) => number) =>
    workflows.reduce((total, workflow) => total + pick(workflow), 0);
  const decisions = sum((workflow) => workflow.decisions);
  return {
    workflows: workflows.length,
    runs: sum((workflow) => workflow.runs),
    decisions,
    costUsd,
    costPerDecisionUsd: decisions > 0 ? divideUnits(toUnits(costUsd), BigInt(decisions)) : null,
    unpricedCalls: sum((workflow) => workflow.unpricedCalls),
  };
}

/** Returns the workflows sorted by cost, highest first, then by name. */
export function sortWorkflowsByCost(workflows: readonly WorkflowSummary[]): WorkflowSummary[] {
  return [...workflows].sort((a, b) => {
    const difference = toUnits(b.costUsd) - toUnits(a.costUsd);
    if (difference !== 0n) return difference > 0n ? 1 : -1;
    return a.workflow.localeCompare(b.workflow);
  });
}

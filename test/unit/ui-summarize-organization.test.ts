import { describe, expect, it } from "vitest";

import type { WorkflowSummary } from "@/lib/ui/kpi-schemas";
import { sortWorkflowsByCost, summarizeOrganization } from "@/lib/ui/summarize-organization";

function summary(workflow: string, costUsd: string, counts: Partial<WorkflowSummary> = {}) {
  const base: WorkflowSummary = {
    workflow,
    runs: 10,
    llmCalls: 30,
    tokens: 1000,
    costUsd,
    completedOutcomes: 8,
    decisions: 5,
    tokensPerCompletedOutcome: "125",
    costPerDecisionUsd: null,
    marginalCostPerDecisionUsd: null,
    costElasticity: null,
    verdict: "insufficient_data",
    verdictReason: "Only 2 days have both decisions and cost.",
    unpricedCalls: 0,
  };
  return { ...base, ...counts };
}

describe("summarizeOrganization", () => {
  it("sums cost exactly", () => {
    const totals = summarizeOrganization([
      summary("a", "0.1"),
      summary("b", "0.2"),
      summary("c", "1234567890.000000000001"),
    ]);
    expect(totals.costUsd).toBe("1234567890.300000000001");
    expect(totals.workflows).toBe(3);
  });

  it("sums counts and unpriced calls", () => {
    const totals = summarizeOrganization([
      summary("a", "1", { runs: 3, decisions: 2, unpricedCalls: 4 }),
      summary("b", "2", { runs: 5, decisions: 1, unpricedCalls: 1 }),
    ]);
    expect(totals.runs).toBe(8);
    expect(totals.decisions).toBe(3);
    expect(totals.unpricedCalls).toBe(5);
    expect(totals.costPerDecisionUsd).toBe("1");
  });

  it("divides cost per decision to 12 places", () => {
    const totals = summarizeOrganization([summary("a", "1", { decisions: 3 })]);
    expect(totals.costPerDecisionUsd).toBe("0.333333333333");
  });

  it("has no cost per decision without decisions", () => {
    const totals = summarizeOrganization([summary("a", "1", { decisions: 0 })]);
    expect(totals.costPerDecisionUsd).toBeNull();
  });

  it("sums nothing to zero", () => {
    const totals = summarizeOrganization([]);
    expect(totals.costUsd).toBe("0");
    expect(totals.runs).toBe(0);
    expect(totals.costPerDecisionUsd).toBeNull();
  });
});

describe("sortWorkflowsByCost", () => {
  it("orders by exact cost, then name", () => {
    const sorted = sortWorkflowsByCost([
      summary("b", "0.100000000001"),
      summary("c", "0.1"),
      summary("a", "0.1"),
      summary("d", "5"),
    ]);
    expect(sorted.map((entry) => entry.workflow)).toEqual(["d", "b", "a", "c"]);
  });
});

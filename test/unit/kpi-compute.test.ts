import { describe, expect, it } from "vitest";
import { computeWorkflowKpis } from "@/lib/kpi/compute-kpis";
import { listDays } from "@/lib/kpi/fill-days";
import type { DailyAggregate } from "@/lib/kpi/types";
import { addDecimals } from "@/lib/money/decimal";

function makeDay(day: string, overrides: Partial<DailyAggregate> = {}): DailyAggregate {
  return {
    day,
    runs: 12,
    llmCalls: 40,
    tokens: 30000,
    costUsd: "0.75",
    completedOutcomes: 10,
    decisions: 10,
    ...overrides,
  };
}

/** 20 days with cost = 0.3 + 0.01 × decisions and decisions from 50 to 240. */
function makeLinearDays(): DailyAggregate[] {
  return listDays("2026-09-01", "2026-09-21").map((day, i) => {
    const decisions = 50 + 10 * i;
    return makeDay(day, { decisions, costUsd: (0.3 + 0.01 * decisions).toFixed(2) });
  });
}

describe("computeWorkflowKpis", () => {
  it("sums every count", () => {
    const kpis = computeWorkflowKpis([makeDay("2026-09-01"), makeDay("2026-09-02")]);
    expect(kpis.runs).toBe(24);
    expect(kpis.llmCalls).toBe(80);
    expect(kpis.tokens).toBe(60000);
    expect(kpis.completedOutcomes).toBe(20);
    expect(kpis.decisions).toBe(20);
  });

  it("cost sum is exact", () => {
    const days = listDays("2026-09-01", "2026-09-11").map((day) =>
      makeDay(day, { costUsd: "0.1" }),
    );
    days.push(makeDay("2026-09-11", { costUsd: "0.000000000001" }));
    expect(computeWorkflowKpis(days).costUsd).toBe("1.000000000001");
  });

  it("ratios round half up to 12 places", () => {
    const kpis = computeWorkflowKpis([
      makeDay("2026-09-01", { tokens: 2, completedOutcomes: 3, costUsd: "2", decisions: 3 }),
    ]);
    expect(kpis.tokensPerCompletedOutcome).toBe("0.666666666667");
    expect(kpis.costPerDecisionUsd).toBe("0.666666666667");
  });

  it("tokens ratio can be fractional", () => {
    const kpis = computeWorkflowKpis([
      makeDay("2026-09-01", { tokens: 10, completedOutcomes: 4 }),
    ]);
    expect(kpis.tokensPerCompletedOutcome).toBe("2.5");
  });

  it("ratios are null without a denominator", () => {
    const kpis = computeWorkflowKpis([
      makeDay("2026-09-01", { completedOutcomes: 0, decisions: 0 }),
    ]);
    expect(kpis.tokensPerCompletedOutcome).toBeNull();
    expect(kpis.costPerDecisionUsd).toBeNull();
  });

  it("empty series", () => {
    const kpis = computeWorkflowKpis([]);
    expect(kpis.costUsd).toBe("0");
    expect(kpis.tokens).toBe(0);
    expect(kpis.verdict).toBe("insufficient_data");
    expect(kpis.verdictReason).toContain("Only 0 days");
    expect(kpis.costElasticity).toBeNull();
  });

  it("marginal cost is the linear slope", () => {
    const kpis = computeWorkflowKpis(makeLinearDays());
    expect(kpis.marginalCostPerDecisionUsd?.value).toBeCloseTo(0.01, 12);
    expect(kpis.marginalCostPerDecisionUsd?.r2).toBeCloseTo(1, 12);
  });

  it("zero-cost days leave the elasticity only", () => {
    const days = makeLinearDays();
    days[4] = { ...days[4]!, costUsd: "0" };
    const kpis = computeWorkflowKpis(days);
    expect(kpis.marginalCostPerDecisionUsd?.n).toBe(20);
    expect(kpis.costElasticity?.n).toBe(19);
  });

  it("zero-decision days leave both regressions", () => {
    const days = makeLinearDays();
    days.push(makeDay("2026-09-21", { decisions: 0, costUsd: "5" }));
    const kpis = computeWorkflowKpis(days);
    expect(kpis.marginalCostPerDecisionUsd?.n).toBe(20);
    expect(kpis.costElasticity?.n).toBe(20);
    expect(kpis.costUsd).toBe(addDecimals(days.map((day) => day.costUsd)));
  });

  it("rejects invalid rows", () => {
    const bad: Partial<DailyAggregate>[] = [
      { runs: -1 },
      { tokens: 1.5 },
      { decisions: Number.NaN },
      { costUsd: "1,5" },
      { costUsd: "0.0000000000001" },
    ];
    for (const overrides of bad) {
      expect(() => computeWorkflowKpis([makeDay("2026-09-01", overrides)])).toThrow();
    }
    expect(() => computeWorkflowKpis([makeDay("2026-13-01")])).toThrow(RangeError);
    const duplicate = [makeDay("2026-09-01"), makeDay("2026-09-01")];
    expect(() => computeWorkflowKpis(duplicate)).toThrow(/two aggregates/);
  });
});

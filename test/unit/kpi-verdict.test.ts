import { describe, expect, it } from "vitest";
import { computeWorkflowKpis } from "@/lib/kpi/compute-kpis";
import { listDays } from "@/lib/kpi/fill-days";
import type { DailyAggregate, Regression } from "@/lib/kpi/types";
import {
  decideVerdict,
  DEFAULT_VERDICT_OPTIONS,
  resolveVerdictOptions,
  type QualifyingDays,
} from "@/lib/kpi/verdict";

const ENOUGH: QualifyingDays = { count: 28, minDecisions: 100, maxDecisions: 300 };

function makeElasticity(ciLow: number, ciHigh: number): Regression {
  return { value: (ciLow + ciHigh) / 2, stdErr: 0.01, ciLow, ciHigh, n: 28, r2: 0.99 };
}

/** Days with cost = 0.05 × decisions^0.5, an elasticity of 0.5, for the given decisions. */
function makeSqrtCostDays(decisions: number[]): DailyAggregate[] {
  const days = listDays("2026-09-01", "2026-12-31");
  return decisions.map((count, i) => ({
    day: days[i] ?? "",
    runs: count,
    llmCalls: 3 * count,
    tokens: 2000 * count,
    costUsd: (0.05 * Math.sqrt(count)).toFixed(6),
    completedOutcomes: count,
    decisions: count,
  }));
}

/** `count` daily volumes from 100 to `max`, evenly spread. */
function spreadDecisions(count: number, max: number): number[] {
  return Array.from({ length: count }, (_, i) => 100 + Math.round(((max - 100) * i) / (count - 1)));
}

describe("decideVerdict", () => {
  it("upper bound exactly 1.1 is productionized", () => {
    expect(decideVerdict(makeElasticity(0.9, 1.1), ENOUGH).verdict).toBe("productionized");
  });

  it("upper bound above 1.1 is inconclusive", () => {
    const result = decideVerdict(makeElasticity(0.9, 1.1 + 1e-12), ENOUGH);
    expect(result.verdict).toBe("inconclusive");
  });

  it("lower bound exactly 1.0 is not theater", () => {
    expect(decideVerdict(makeElasticity(1.0, 1.05), ENOUGH).verdict).toBe("productionized");
    expect(decideVerdict(makeElasticity(1.0, 1.2), ENOUGH).verdict).toBe("inconclusive");
  });

  it("lower bound above 1.0 is theater", () => {
    expect(decideVerdict(makeElasticity(1.0 + 1e-12, 1.2), ENOUGH).verdict).toBe("poc_theater");
  });

  it("theater wins over productionized", () => {
    expect(decideVerdict(makeElasticity(1.02, 1.08), ENOUGH).verdict).toBe("poc_theater");
  });

  it("exactly 14 days is enough", () => {
    const qualifying = { ...ENOUGH, count: 14 };
    expect(decideVerdict(makeElasticity(0.4, 0.6), qualifying).verdict).toBe("productionized");
    const fewer = { ...ENOUGH, count: 13 };
    const result = decideVerdict(makeElasticity(0.4, 0.6), fewer);
    expect(result.verdict).toBe("insufficient_data");
    expect(result.reason).toContain("Only 13 days");
  });

  it("volume ratio exactly 1.5 is enough", () => {
    const exact = { count: 20, minDecisions: 100, maxDecisions: 150 };
    expect(decideVerdict(makeElasticity(0.4, 0.6), exact).verdict).toBe("productionized");
    const narrower = { count: 20, minDecisions: 100, maxDecisions: 149 };
    const result = decideVerdict(makeElasticity(0.4, 0.6), narrower);
    expect(result.verdict).toBe("insufficient_data");
    expect(result.reason).toContain("from 100 to 149");
  });

  it("missing elasticity is insufficient", () => {
    expect(decideVerdict(null, ENOUGH).verdict).toBe("insufficient_data");
  });

  it("reason states the interval", () => {
    const result = decideVerdict(makeElasticity(1.25, 1.35), ENOUGH);
    expect(result.reason).toBe(
      "Cost grows faster than volume, with elasticity 1.30 (95 % CI 1.25–1.35) over 28 days.",
    );
  });

  it("custom thresholds apply", () => {
    const options = resolveVerdictOptions({ productionizedUpperBound: 1.3, minDays: 30 });
    const elasticity = makeElasticity(0.9, 1.25);
    expect(decideVerdict(elasticity, { ...ENOUGH, count: 30 }, options).verdict).toBe(
      "productionized",
    );
    expect(decideVerdict(elasticity, ENOUGH, options).verdict).toBe("insufficient_data");
  });
});

describe("resolveVerdictOptions", () => {
  it("defaults", () => {
    expect(resolveVerdictOptions()).toEqual({
      minDays: 14,
      minVolumeRatio: 1.5,
      pocLowerBound: 1.0,
      productionizedUpperBound: 1.1,
    });
    expect(resolveVerdictOptions()).toEqual(DEFAULT_VERDICT_OPTIONS);
  });

  it("rejects invalid values", () => {
    expect(() => resolveVerdictOptions({ minDays: 0 })).toThrow(RangeError);
    expect(() => resolveVerdictOptions({ minDays: 2.5 })).toThrow(RangeError);
    expect(() => resolveVerdictOptions({ minVolumeRatio: 0.9 })).toThrow(RangeError);
    expect(() => resolveVerdictOptions({ pocLowerBound: Number.NaN })).toThrow(RangeError);
    expect(() => resolveVerdictOptions({ productionizedUpperBound: Infinity })).toThrow(
      RangeError,
    );
  });
});

describe("computeWorkflowKpis verdict boundaries", () => {
  it("exactly 14 days with ratio 1.5", () => {
    const kpis = computeWorkflowKpis(makeSqrtCostDays(spreadDecisions(14, 150)));
    expect(kpis.verdict).toBe("productionized");
    expect(kpis.costElasticity?.n).toBe(14);
    expect(kpis.costElasticity?.value).toBeCloseTo(0.5, 4);
    expect(kpis.marginalCostPerDecisionUsd?.n).toBe(14);
  });

  it("13 days is insufficient", () => {
    const kpis = computeWorkflowKpis(makeSqrtCostDays(spreadDecisions(13, 150)));
    expect(kpis.verdict).toBe("insufficient_data");
    expect(kpis.costElasticity).toBeNull();
    expect(kpis.marginalCostPerDecisionUsd).toBeNull();
  });

  it("ratio below 1.5 is insufficient", () => {
    const kpis = computeWorkflowKpis(makeSqrtCostDays(spreadDecisions(20, 149)));
    expect(kpis.verdict).toBe("insufficient_data");
    expect(kpis.costElasticity).toBeNull();
    expect(kpis.marginalCostPerDecisionUsd).toBeNull();
  });

  it("options lower the day minimum", () => {
    const days = makeSqrtCostDays(spreadDecisions(6, 300));
    expect(computeWorkflowKpis(days).costElasticity).toBeNull();
    const kpis = computeWorkflowKpis(days, { minDays: 5 });
    expect(kpis.verdict).toBe("productionized");
    expect(kpis.costElasticity?.n).toBe(6);
    expect(kpis.marginalCostPerDecisionUsd?.n).toBe(6);
  });
});

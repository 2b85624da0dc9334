import { describe, expect, it } from "vitest";
import { listDays } from "@/lib/kpi/fill-days";
import { computeTokenDrift } from "@/lib/kpi/token-drift";
import type { DailyAggregate } from "@/lib/kpi/types";

const AS_OF = "2026-10-06";

function makeDay(day: string, tokens: number, completedOutcomes: number): DailyAggregate {
  return {
    day,
    runs: completedOutcomes,
    llmCalls: completedOutcomes,
    tokens,
    costUsd: "0",
    completedOutcomes,
    decisions: completedOutcomes,
  };
}

/** 28 baseline days from 2026-09-01 and 7 recent days from 2026-09-29, ending before AS_OF. */
function makeSeries(
  baseline: [tokens: number, outcomes: number],
  recent: [tokens: number, outcomes: number],
): DailyAggregate[] {
  const baselineDays = listDays("2026-09-01", "2026-09-29");
  const recentDays = listDays("2026-09-29", AS_OF);
  return [
    ...baselineDays.map((day) => makeDay(day, ...baseline)),
    ...recentDays.map((day) => makeDay(day, ...recent)),
  ];
}

describe("computeTokenDrift", () => {
  it("ten percent rise", () => {
    const drift = computeTokenDrift(makeSeries([20000, 10], [22000, 10]), AS_OF);
    expect(drift).toEqual({
      recentTokensPerOutcome: "2200",
      baselineTokensPerOutcome: "2000",
      driftPercent: "10",
    });
  });

  it("fall rounds to six places", () => {
    // Recent 2 tokens per outcome against 3: −33.333333...%.
    const drift = computeTokenDrift(makeSeries([3, 1], [2, 1]), AS_OF);
    expect(drift?.driftPercent).toBe("-33.333333");
    expect(drift?.baselineTokensPerOutcome).toBe("3");
  });

  it("rise rounds half up", () => {
    // Recent 5 tokens per outcome against 3: +66.6666666...% rounds up.
    const drift = computeTokenDrift(makeSeries([3, 1], [5, 1]), AS_OF);
    expect(drift?.driftPercent).toBe("66.666667");
  });

  it("ratios are exact decimals", () => {
    const drift = computeTokenDrift(makeSeries([10, 3], [7, 3]), AS_OF);
    expect(drift?.baselineTokensPerOutcome).toBe("3.333333333333");
    expect(drift?.recentTokensPerOutcome).toBe("2.333333333333");
    expect(drift?.driftPercent).toBe("-30");
  });

  it("ignores the as-of day and older days", () => {
    const series = [
      makeDay("2026-08-31", 9_000_000, 1),
      ...makeSeries([20000, 10], [22000, 10]),
      makeDay(AS_OF, 9_000_000, 1),
    ];
    expect(computeTokenDrift(series, AS_OF)?.driftPercent).toBe("10");
  });

  it("missing days count as zero", () => {
    const series = [makeDay("2026-09-10", 4000, 2), makeDay("2026-10-05", 3000, 1)];
    const drift = computeTokenDrift(series, AS_OF);
    expect(drift).toEqual({
      recentTokensPerOutcome: "3000",
      baselineTokensPerOutcome: "2000",
      driftPercent: "50",
    });
  });

  it("null without recent outcomes", () => {
    expect(computeTokenDrift(makeSeries([20000, 10], [5000, 0]), AS_OF)).toBeNull();
  });

  it("null without baseline outcomes", () => {
    expect(computeTokenDrift(makeSeries([20000, 0], [5000, 2]), AS_OF)).toBeNull();
  });

  it("zero baseline tokens has no percent", () => {
    const drift = computeTokenDrift(makeSeries([0, 4], [100, 1]), AS_OF);
    expect(drift?.baselineTokensPerOutcome).toBe("0");
    expect(drift?.driftPercent).toBeNull();
  });

  it("rejects invalid input", () => {
    expect(() => computeTokenDrift([], "2026-10-32")).toThrow(RangeError);
    const duplicate = [makeDay("2026-10-01", 1, 1), makeDay("2026-10-01", 1, 1)];
    expect(() => computeTokenDrift(duplicate, AS_OF)).toThrow(/two aggregates/);
    expect(() => computeTokenDrift([makeDay("2026-10-01", -1, 1)], AS_OF)).toThrow(RangeError);
  });
});

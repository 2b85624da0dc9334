import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { computeWorkflowKpis } from "@/lib/kpi/compute-kpis";
import type { DailyAggregate, Regression } from "@/lib/kpi/types";
import { toUnits } from "@/lib/money/decimal";

const CASES_DIR = path.resolve(__dirname, "../../../shared/cases/kpi");

// Expected values are rounded to 9 decimals, so 1e-9 allows that rounding and no more.
const TOLERANCE = 1e-9;
const REGRESSION_FIELDS = ["value", "stdErr", "ciLow", "ciHigh", "r2"] as const;

interface CaseDay {
  day: string;
  runs?: number;
  llmCalls?: number;
  tokens: number;
  costUsd: number;
  completedOutcomes: number;
  decisions: number;
}

interface CaseFile {
  days: CaseDay[];
  expected: {
    runs?: number;
    llmCalls?: number;
    tokens: number;
    costUsd: number;
    completedOutcomes: number;
    decisions: number;
    tokensPerCompletedOutcome: number | null;
    costPerDecisionUsd: number | null;
    marginalCostPerDecisionUsd: Regression | null;
    costElasticity: Regression | null;
    verdict: string;
  };
}

// Costs are JSON numbers. String() yields their shortest decimal form, which equals the
// literal in the file for costs of up to 15 significant digits, so the sums stay exact.
function toDailyAggregate(day: CaseDay): DailyAggregate {
  return {
    day: day.day,
    runs: day.runs ?? 0,
    llmCalls: day.llmCalls ?? 0,
    tokens: day.tokens,
    costUsd: String(day.costUsd),
    completedOutcomes: day.completedOutcomes,
    decisions: day.decisions,
  };
}

function expectWithin(actual: number, expected: number, label: string): void {
  const difference = Math.abs(actual - expected);
  expect(difference, `${label}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(
    TOLERANCE,
  );
}

function expectRegression(
  actual: Regression | null,
  expected: Regression | null,
  label: string,
): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  if (actual === null) return;
  expect(actual.n, `${label}.n`).toBe(expected.n);
  for (const field of REGRESSION_FIELDS) {
    expectWithin(actual[field], expected[field], `${label}.${field}`);
  }
}

function expectRatio(actual: string | null, expected: number | null, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(actual, label).not.toBeNull();
  expectWithin(Number(actual), expected, label);
}

const caseFiles = readdirSync(CASES_DIR)
  .filter((name) => name.endsWith(".json"))
  .sort();

describe("KPI case files", () => {
  it("case directory has the known cases", () => {
    expect(caseFiles.length).toBeGreaterThanOrEqual(7);
  });

  describe.each(caseFiles)("%s", (fileName) => {
    const data = JSON.parse(readFileSync(path.join(CASES_DIR, fileName), "utf8")) as CaseFile;
    const { expected } = data;
    const kpis = computeWorkflowKpis(data.days.map(toDailyAggregate));

    it("totals are exact", () => {
      expect(kpis.tokens).toBe(expected.tokens);
      expect(kpis.completedOutcomes).toBe(expected.completedOutcomes);
      expect(kpis.decisions).toBe(expected.decisions);
      expect(toUnits(kpis.costUsd)).toBe(toUnits(String(expected.costUsd)));
      if (expected.runs !== undefined) expect(kpis.runs).toBe(expected.runs);
      if (expected.llmCalls !== undefined) expect(kpis.llmCalls).toBe(expected.llmCalls);
    });

    it("ratios match", () => {
      expectRatio(
        kpis.tokensPerCompletedOutcome,
        expected.tokensPerCompletedOutcome,
        "tokensPerCompletedOutcome",
      );
      expectRatio(kpis.costPerDecisionUsd, expected.costPerDecisionUsd, "costPerDecisionUsd");
    });

    it("marginal cost matches", () => {
      expectRegression(
        kpis.marginalCostPerDecisionUsd,
        expected.marginalCostPerDecisionUsd,
        "marginalCostPerDecisionUsd",
      );
    });

    it("elasticity matches", () => {
      expectRegression(kpis.costElasticity, expected.costElasticity, "costElasticity");
    });

    it("verdict matches", () => {
      expect(kpis.verdict).toBe(expected.verdict);
      expect(kpis.verdictReason.length).toBeGreaterThan(0);
    });
  });
});

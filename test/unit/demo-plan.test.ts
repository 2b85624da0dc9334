import { describe, expect, it } from "vitest";

import { toUnits } from "@/lib/money/decimal";
import {
  isMonthEndPeak,
  listHistoryDays,
  planHistory,
  planWorkflowDay,
  WORKFLOWS,
  type DayPlan,
  type LlmCallPlan,
  type WorkflowName,
} from "@/scripts/demo/plan";

/** Illustrative list prices in USD per million tokens: input, cache read, cache write, output. */
const PRICES: Record<string, [string, string, string, string]> = {
  "gpt-4o-mini-2024-07-18": ["0.15", "0.075", "0", "0.60"],
  "claude-sonnet-4-5-20250929": ["3.00", "0.30", "3.75", "15.00"],
  "gpt-5-2025-08-07": ["1.25", "0.125", "0", "10.00"],
  "gpt-5-mini-2025-08-07": ["0.25", "0.025", "0", "2.00"],
  "text-embedding-3-small": ["0.02", "0", "0", "0"],
  "gemini-2.5-flash": ["0.30", "0.03", "0", "2.50"],
};

const END_DAY = "2026-03-31";
const SEED = "demo-plan-test";

/** Cost of one call in 10^-18 USD (10^-12 USD units per million tokens times tokens). */
function costOfCall(call: LlmCallPlan): bigint {
  const prices = PRICES[call.responseModel];
  if (!prices) throw new Error(`no test price for ${call.responseModel}`);
  const [input, cacheRead, cacheWrite, output] = prices.map(toUnits) as [
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const read = BigInt(call.cacheReadTokens ?? 0);
  const write = BigInt(call.cacheWriteTokens ?? 0);
  const uncached = BigInt(call.inputTokens ?? 0) - read - write;
  const completion = BigInt(call.outputTokens ?? 0);
  return uncached * input + read * cacheRead + write * cacheWrite + completion * output;
}

interface DailyPoint {
  cost: bigint;
  decisions: number;
}

function sumDaily(plan: DayPlan[], workflow: WorkflowName): DailyPoint[] {
  return plan.map((day) => {
    let cost = 0n;
    let decisions = 0;
    for (const run of day.runs.filter((candidate) => candidate.workflow === workflow)) {
      decisions += run.decisions;
      for (const step of run.steps) if (step.kind === "llm") cost += costOfCall(step);
    }
    return { cost, decisions };
  });
}

/** OLS of ln(cost) on ln(decisions) over days where both are positive. */
function fitElasticity(points: DailyPoint[]): { slope: number; stdErr: number; n: number } {
  const usable = points.filter((point) => point.cost > 0n && point.decisions > 0);
  const xs = usable.map((point) => Math.log(point.decisions));
  const ys = usable.map((point) => Math.log(Number(point.cost)));
  const n = xs.length;
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    sxx += ((xs[i] as number) - meanX) ** 2;
    sxy += ((xs[i] as number) - meanX) * ((ys[i] as number) - meanY);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < n; i += 1) {
    sse += ((ys[i] as number) - meanY - slope * ((xs[i] as number) - meanX)) ** 2;
  }
  return { slope, stdErr: Math.sqrt(sse / (n - 2) / sxx), n };
}

const history = planHistory({ endDay: END_DAY, days: 90, seed: SEED });

describe("demo plan elasticity", () => {
  it("supplier-reorder scales below 1", () => {
    const fit = fitElasticity(sumDaily(history, "supplier-reorder"));
    expect(fit.n).toBe(90);
    expect(fit.slope + 2 * fit.stdErr).toBeLessThan(1.1);
  });

  it("ledger-close scales above 1", () => {
    const fit = fitElasticity(sumDaily(history, "ledger-close"));
    expect(fit.n).toBe(90);
    expect(fit.slope - 2 * fit.stdErr).toBeGreaterThan(1.0);
  });

  it("volume varies enough for a verdict", () => {
    for (const workflow of WORKFLOWS) {
      const decisions = sumDaily(history, workflow).map((point) => point.decisions);
      expect(Math.max(...decisions) / Math.min(...decisions), workflow).toBeGreaterThan(1.5);
    }
  });

  it("supplier-reorder volume triples", () => {
    const runs = history.map(
      (day) => day.runs.filter((run) => run.workflow === "supplier-reorder").length,
    );
    const firstWeek = runs.slice(0, 7).reduce((sum, count) => sum + count, 0);
    const lastWeek = runs.slice(-7).reduce((sum, count) => sum + count, 0);
    expect(lastWeek / firstWeek).toBeGreaterThan(2.5);
    expect(lastWeek / firstWeek).toBeLessThan(3.5);
  });
});

describe("demo plan volume", () => {
  it("total spans within ingest budget", () => {
    const runs = history.flatMap((day) => day.runs);
    const spans = runs.reduce((sum, run) => sum + 1 + run.steps.length, 0);
    expect(spans).toBeGreaterThan(60_000);
    expect(spans).toBeLessThan(90_000);
  });

  it("ledger-close peaks at month end", () => {
    const ledgerRuns = (day: DayPlan) =>
      day.runs.filter((run) => run.workflow === "ledger-close").length;
    const march = history.filter((day) => day.day.startsWith("2026-03"));
    const peak = march.filter((day) => isMonthEndPeak(day.day));
    const ordinary = march.filter(
      (day) => !isMonthEndPeak(day.day) && ![0, 6].includes(new Date(day.day).getUTCDay()),
    );
    const average = (days: DayPlan[]) =>
      days.reduce((sum, day) => sum + ledgerRuns(day), 0) / days.length;
    expect(peak.map((day) => day.day)).toEqual(["2026-03-02", "2026-03-30", "2026-03-31"]);
    expect(average(peak) / average(ordinary)).toBeGreaterThan(1.8);
  });
});

describe("demo plan seed", () => {
  it("same seed, same plan", () => {
    const again = planHistory({ endDay: END_DAY, days: 90, seed: SEED });
    expect(again).toEqual(history);
  });

  it("other seed, other plan", () => {
    const other = planHistory({ endDay: END_DAY, days: 90, seed: "another-seed" });
    expect(other).not.toEqual(history);
  });

  it("day plan independent of window", () => {
    const short = planHistory({ endDay: END_DAY, days: 3, seed: SEED });
    expect(short).toEqual(history.slice(-3));
  });
});

describe("demo plan runs", () => {
  const runs = history.flatMap((day) => day.runs.map((run) => ({ day: day.day, run })));

  it("runs start on their day", () => {
    const misplaced = runs.filter(
      ({ day, run }) => new Date(run.startMs).toISOString().slice(0, 10) !== day,
    );
    expect(misplaced).toEqual([]);
  });

  it("steps stay inside the run", () => {
    const outside = runs.filter(({ run }) =>
      run.steps.some(
        (step) => step.startOffsetMs < 0 || step.startOffsetMs + step.durationMs > run.durationMs,
      ),
    );
    expect(outside).toEqual([]);
  });

  it("usage follows OTel semantics", () => {
    const calls = runs.flatMap(({ run }) =>
      run.steps.filter(
        (step): step is LlmCallPlan => step.kind === "llm" && step.inputTokens !== null,
      ),
    );
    const cacheAboveInput = calls.filter(
      (call) =>
        (call.cacheReadTokens ?? 0) + (call.cacheWriteTokens ?? 0) > (call.inputTokens ?? 0),
    );
    const reasoningAboveOutput = calls.filter(
      (call) => (call.reasoningTokens ?? 0) > (call.outputTokens ?? 0),
    );
    expect(calls.length).toBeGreaterThan(10_000);
    expect(cacheAboveInput).toEqual([]);
    expect(reasoningAboveOutput).toEqual([]);
  });

  it("only completed runs decide", () => {
    const deciding = runs.filter(({ run }) => run.outcome !== "completed" && run.decisions !== 0);
    expect(deciding).toEqual([]);
    const completed = runs.filter(({ run }) => run.outcome === "completed");
    expect(completed.some(({ run }) => run.decisions > 0)).toBe(true);
  });

  it("every outcome occurs", () => {
    const outcomes = new Set(runs.map(({ run }) => `${run.workflow}:${run.outcome}`));
    for (const outcome of ["completed", "failed", "abandoned", "escalated"]) {
      expect(outcomes.has(`support-multilingual:${outcome}`), outcome).toBe(true);
    }
    expect(outcomes.has("ledger-close:failed")).toBe(true);
  });

  it("failed gpt-5 call is retried", () => {
    const ledgerRuns = runs.filter(({ run }) => run.workflow === "ledger-close");
    let retries = 0;
    for (const { run } of ledgerRuns) {
      run.steps.forEach((step, index) => {
        if (step.kind !== "llm" || step.error === null) return;
        const next = run.steps[index + 1];
        if (next === undefined) {
          expect(run.outcome).toBe("failed");
          return;
        }
        expect(next.kind === "llm" && next.requestModel).toBe(step.requestModel);
        retries += 1;
      });
    }
    expect(retries).toBeGreaterThan(50);
  });

  it("claude calls carry cache tokens", () => {
    const claudeCalls = runs.flatMap(({ run }) =>
      run.steps.filter(
        (step): step is LlmCallPlan =>
          step.kind === "llm" && step.requestModel === "claude-sonnet-4-5",
      ),
    );
    expect(claudeCalls.some((call) => (call.cacheReadTokens ?? 0) > 0)).toBe(true);
    expect(claudeCalls.some((call) => (call.cacheWriteTokens ?? 0) > 0)).toBe(true);
  });
});

describe("demo plan calendar", () => {
  it("lists days oldest first", () => {
    expect(listHistoryDays("2026-03-01", 3)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });

  it("rejects an invalid day", () => {
    expect(() => listHistoryDays("2026-02-30", 3)).toThrow(/invalid day/);
  });

  it("plans at least one run a day", () => {
    const runs = planWorkflowDay({
      workflow: "ledger-close",
      day: "2026-03-01",
      daysBeforeEnd: 400,
      seed: SEED,
    });
    expect(runs.length).toBeGreaterThanOrEqual(1);
  });
});

import { describe, expect, it } from "vitest";

import type { DailyPoint } from "@/lib/ui/kpi-schemas";
import {
  formatDayLabel,
  prepareCostByWorkflow,
  prepareDailyChartRows,
} from "@/lib/ui/prepare-daily-charts";

function point(day: string, costUsd: string, decisions = 0): DailyPoint {
  return { day, runs: 1, tokens: 100, costUsd, completedOutcomes: 1, decisions };
}

describe("formatDayLabel", () => {
  it("shows month and day", () => {
    expect(formatDayLabel("2026-03-05")).toBe("Mar 5");
    expect(formatDayLabel("2025-12-31")).toBe("Dec 31");
  });

  it("rejects a bad month", () => {
    expect(() => formatDayLabel("2026-13-01")).toThrow(/invalid day/);
  });
});

describe("prepareCostByWorkflow", () => {
  it("builds one row per day with positional keys", () => {
    const chart = prepareCostByWorkflow([
      { workflow: "ledger.close", daily: [point("2026-03-01", "1.5"), point("2026-03-02", "2")] },
      {
        workflow: "supplier-reorder",
        daily: [point("2026-03-01", "0.25"), point("2026-03-02", "0")],
      },
    ]);
    expect(chart.series).toEqual([
      { key: "s0", name: "ledger.close", colorIndex: 0 },
      { key: "s1", name: "supplier-reorder", colorIndex: 1 },
    ]);
    expect(chart.rows).toEqual([
      { day: "2026-03-01", s0: 1.5, s1: 0.25 },
      { day: "2026-03-02", s0: 2, s1: 0 },
    ]);
  });

  it("treats a missing day as zero cost", () => {
    const chart = prepareCostByWorkflow([
      { workflow: "a", daily: [point("2026-03-02", "3")] },
      { workflow: "b", daily: [point("2026-03-01", "1")] },
    ]);
    expect(chart.rows).toEqual([
      { day: "2026-03-01", s0: 0, s1: 1 },
      { day: "2026-03-02", s0: 3, s1: 0 },
    ]);
  });

  it("returns no rows without series", () => {
    expect(prepareCostByWorkflow([])).toEqual({ rows: [], series: [] });
  });
});

describe("prepareDailyChartRows", () => {
  it("sorts by day and converts cost to numbers", () => {
    const rows = prepareDailyChartRows([
      point("2026-03-02", "0.000225", 4),
      point("2026-03-01", "12.5", 2),
    ]);
    expect(rows.map((row) => row.day)).toEqual(["2026-03-01", "2026-03-02"]);
    expect(rows[0]).toEqual({
      day: "2026-03-01",
      cost: 12.5,
      decisions: 2,
      runs: 1,
      completedOutcomes: 1,
    });
    expect(rows[1]?.cost).toBeCloseTo(0.000225, 12);
  });
});

import { describe, expect, it } from "vitest";
import { addDays, fillDailySeries, listDays, MAX_DAY_RANGE, parseDay } from "@/lib/kpi/fill-days";
import type { DailyAggregate } from "@/lib/kpi/types";

function makeRow(day: string, decisions: number): DailyAggregate {
  return {
    day,
    runs: decisions,
    llmCalls: 2 * decisions,
    tokens: 1000 * decisions,
    costUsd: "1.25",
    completedOutcomes: decisions,
    decisions,
  };
}

describe("listDays", () => {
  it("excludes the end day", () => {
    const days = listDays("2026-09-01", "2026-09-04");
    expect(days).toEqual(["2026-09-01", "2026-09-02", "2026-09-03"]);
  });

  it("empty range", () => {
    expect(listDays("2026-09-01", "2026-09-01")).toEqual([]);
  });

  it("crosses a leap day", () => {
    expect(listDays("2028-02-28", "2028-03-01")).toEqual(["2028-02-28", "2028-02-29"]);
    expect(listDays("2027-02-28", "2027-03-01")).toEqual(["2027-02-28"]);
  });

  it("crosses a year end", () => {
    expect(listDays("2026-12-31", "2027-01-02")).toEqual(["2026-12-31", "2027-01-01"]);
  });

  it("maximum range", () => {
    const end = addDays("2026-01-01", MAX_DAY_RANGE);
    expect(listDays("2026-01-01", end)).toHaveLength(MAX_DAY_RANGE);
    expect(() => listDays("2026-01-01", addDays(end, 1))).toThrow(RangeError);
  });

  it("rejects reversed range", () => {
    expect(() => listDays("2026-09-02", "2026-09-01")).toThrow(/before/);
  });

  it("rejects invalid days", () => {
    expect(() => listDays("2026-9-1", "2026-09-04")).toThrow(RangeError);
    expect(() => listDays("2026-02-30", "2026-03-04")).toThrow(RangeError);
    expect(() => listDays("2026-09-01", "2027-02-29")).toThrow(RangeError);
    expect(() => listDays("2026-09-01T00:00", "2026-09-04")).toThrow(RangeError);
  });
});

describe("addDays", () => {
  it("moves both ways", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-09-24", 7)).toBe("2026-10-01");
  });

  it("rejects fractional counts", () => {
    expect(() => addDays("2026-03-01", 0.5)).toThrow(RangeError);
  });
});

describe("parseDay", () => {
  it("counts days from the epoch", () => {
    expect(parseDay("1970-01-02")).toBe(1);
    expect(parseDay("2000-03-01") - parseDay("2000-02-28")).toBe(2);
  });
});

describe("fillDailySeries", () => {
  it("zero-fills missing days", () => {
    const rows = [makeRow("2026-09-03", 5), makeRow("2026-09-01", 2)];
    const series = fillDailySeries(rows, "2026-09-01", "2026-09-05");
    expect(series.map((row) => row.day)).toEqual([
      "2026-09-01",
      "2026-09-02",
      "2026-09-03",
      "2026-09-04",
    ]);
    expect(series[0]).toEqual(rows[1]);
    expect(series[2]).toEqual(rows[0]);
    expect(series[1]).toEqual({
      day: "2026-09-02",
      runs: 0,
      llmCalls: 0,
      tokens: 0,
      costUsd: "0",
      completedOutcomes: 0,
      decisions: 0,
    });
    expect(series[3]?.costUsd).toBe("0");
  });

  it("no rows gives all zeros", () => {
    const series = fillDailySeries([], "2026-09-01", "2026-09-03");
    expect(series).toHaveLength(2);
    expect(series.every((row) => row.runs === 0 && row.costUsd === "0")).toBe(true);
  });

  it("rejects rows outside the range", () => {
    const rows = [makeRow("2026-09-05", 1)];
    expect(() => fillDailySeries(rows, "2026-09-01", "2026-09-05")).toThrow(/outside/);
  });

  it("rejects duplicate days", () => {
    const rows = [makeRow("2026-09-02", 1), makeRow("2026-09-02", 3)];
    expect(() => fillDailySeries(rows, "2026-09-01", "2026-09-05")).toThrow(/two rows/);
  });

  it("rejects malformed row days", () => {
    const rows = [makeRow("2026-09-2", 1)];
    expect(() => fillDailySeries(rows, "2026-09-01", "2026-09-05")).toThrow(RangeError);
  });
});

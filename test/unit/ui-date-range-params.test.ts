import { describe, expect, it } from "vitest";

import {
  addDays,
  countDays,
  defaultRange,
  formatRangeQuery,
  isCalendarDay,
  lastDayOf,
  parseRangeSearchParams,
  resolveRangeInput,
  todayInTimeZone,
} from "@/lib/ui/date-range-params";

const TODAY = "2026-03-15";

describe("day helpers", () => {
  it("recognises calendar days", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("2026-3-1")).toBe(false);
    expect(isCalendarDay("2026-03-01T00:00")).toBe(false);
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(() => addDays("2026-02-30", 1)).toThrow(/invalid day/);
  });

  it("counts days between", () => {
    expect(countDays("2026-03-01", "2026-03-31")).toBe(30);
    expect(countDays("2026-03-31", "2026-03-01")).toBe(-30);
  });

  it("finds today in a time zone", () => {
    const instant = new Date("2026-03-15T23:30:00Z");
    expect(todayInTimeZone("UTC", instant)).toBe("2026-03-15");
    expect(todayInTimeZone("Europe/Berlin", instant)).toBe("2026-03-16");
    expect(todayInTimeZone("America/Los_Angeles", instant)).toBe("2026-03-15");
  });
});

describe("parseRangeSearchParams", () => {
  it("defaults to 90 days before today", () => {
    const { range, problems } = parseRangeSearchParams({}, TODAY);
    expect(range).toEqual({ from: "2025-12-15", to: "2026-03-15" });
    expect(countDays(range.from, range.to)).toBe(90);
    expect(range).toEqual(defaultRange(TODAY));
    expect(problems).toEqual([]);
  });

  it("keeps a valid range", () => {
    const params = { from: "2026-01-01", to: "2026-02-01" };
    const { range, problems } = parseRangeSearchParams(params, TODAY);
    expect(range).toEqual({ from: "2026-01-01", to: "2026-02-01" });
    expect(problems).toEqual([]);
  });

  it("reads URLSearchParams and repeated values", () => {
    const query = new URLSearchParams("from=2026-01-01&to=2026-01-08");
    const fromUrl = parseRangeSearchParams(query, TODAY);
    expect(fromUrl.range).toEqual({ from: "2026-01-01", to: "2026-01-08" });
    const repeated = parseRangeSearchParams({ from: ["2026-01-02", "2026-01-03"] }, TODAY);
    expect(repeated.range.from).toBe("2026-01-02");
  });

  it("fills a missing side from the other", () => {
    expect(parseRangeSearchParams({ to: "2026-02-01" }, TODAY).range).toEqual({
      from: "2025-11-03",
      to: "2026-02-01",
    });
    expect(parseRangeSearchParams({ from: "2026-01-01" }, TODAY).range).toEqual({
      from: "2026-01-01",
      to: "2026-04-01",
    });
  });

  it("ignores a malformed day", () => {
    const { range, problems } = parseRangeSearchParams({ from: "yesterday", to: "" }, TODAY);
    expect(range).toEqual(defaultRange(TODAY));
    expect(problems).toEqual(['Ignored from="yesterday" because it is not a date as YYYY-MM-DD.']);
  });

  it("ignores an impossible date", () => {
    const { range, problems } = parseRangeSearchParams({ to: "2026-02-30" }, TODAY);
    expect(range).toEqual(defaultRange(TODAY));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('to="2026-02-30"');
  });

  it("replaces a from that is not before to", () => {
    const { range, problems } = parseRangeSearchParams(
      { from: "2026-02-01", to: "2026-02-01" },
      TODAY,
    );
    expect(range).toEqual({ from: "2025-11-03", to: "2026-02-01" });
    expect(problems[0]).toContain("not before");
  });

  it("shortens a range over the maximum", () => {
    const { range, problems } = parseRangeSearchParams(
      { from: "2020-01-01", to: "2026-01-01" },
      TODAY,
    );
    expect(countDays(range.from, range.to)).toBe(1000);
    expect(range.to).toBe("2026-01-01");
    expect(problems[0]).toContain("1000 days");
  });
});

describe("range input", () => {
  it("converts the inclusive last day to an exclusive to", () => {
    expect(resolveRangeInput("2026-03-01", "2026-03-31")).toEqual({
      ok: true,
      range: { from: "2026-03-01", to: "2026-04-01" },
    });
    expect(resolveRangeInput("2026-03-01", "2026-03-01")).toEqual({
      ok: true,
      range: { from: "2026-03-01", to: "2026-03-02" },
    });
  });

  it("shows the day before to as the last day", () => {
    expect(lastDayOf({ from: "2026-03-01", to: "2026-04-01" })).toBe("2026-03-31");
  });

  it("rejects incomplete or reversed input", () => {
    expect(resolveRangeInput("", "2026-03-01").ok).toBe(false);
    const reversed = resolveRangeInput("2026-03-02", "2026-03-01");
    expect(reversed).toEqual({
      ok: false,
      message: "The last day must be on or after the first day.",
    });
  });

  it("rejects a range over the maximum", () => {
    const result = resolveRangeInput("2020-01-01", "2026-01-01");
    expect(result.ok).toBe(false);
  });

  it("formats the query string", () => {
    expect(formatRangeQuery({ from: "2026-03-01", to: "2026-04-01" })).toBe(
      "from=2026-03-01&to=2026-04-01",
    );
  });
});

import { describe, expect, it } from "vitest";

import { budgetPeriodOf } from "@/lib/policy/budget-period";

const HOUR_MS = 3_600_000;

function periodAt(kind: "day" | "week" | "month" | "quarter", timeZone: string, at: string) {
  const period = budgetPeriodOf(kind, timeZone, new Date(at));
  return {
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    hours: (period.end.getTime() - period.start.getTime()) / HOUR_MS,
  };
}

describe("budgetPeriodOf daily", () => {
  it("resets Shanghai at local midnight", () => {
    const next = periodAt("day", "Asia/Shanghai", "2025-03-09T16:00:00Z");
    expect(next.start).toBe("2025-03-09T16:00:00.000Z");
    expect(next.end).toBe("2025-03-10T16:00:00.000Z");
    const later = periodAt("day", "Asia/Shanghai", "2025-03-09T16:00:01Z");
    expect(later.start).toBe("2025-03-09T16:00:00.000Z");
  });

  it("keeps Shanghai's previous day until midnight", () => {
    const previous = periodAt("day", "Asia/Shanghai", "2025-03-09T15:59:59.999Z");
    expect(previous.start).toBe("2025-03-08T16:00:00.000Z");
    expect(previous.end).toBe("2025-03-09T16:00:00.000Z");
  });

  it("gives Amsterdam's spring day 23 hours", () => {
    for (const at of ["2025-03-29T23:00:00Z", "2025-03-30T12:00:00Z", "2025-03-30T21:59:59Z"]) {
      const day = periodAt("day", "Europe/Amsterdam", at);
      expect(day.start).toBe("2025-03-29T23:00:00.000Z");
      expect(day.end).toBe("2025-03-30T22:00:00.000Z");
      expect(day.hours).toBe(23);
    }
  });

  it("gives Amsterdam's autumn day 25 hours", () => {
    const day = periodAt("day", "Europe/Amsterdam", "2025-10-26T01:30:00Z");
    expect(day.start).toBe("2025-10-25T22:00:00.000Z");
    expect(day.end).toBe("2025-10-26T23:00:00.000Z");
    expect(day.hours).toBe(25);
  });

  it("follows New York's changes", () => {
    const spring = periodAt("day", "America/New_York", "2025-03-09T12:00:00Z");
    expect(spring.start).toBe("2025-03-09T05:00:00.000Z");
    expect(spring.end).toBe("2025-03-10T04:00:00.000Z");
    expect(spring.hours).toBe(23);
    const autumn = periodAt("day", "America/New_York", "2025-11-02T12:00:00Z");
    expect(autumn.start).toBe("2025-11-02T04:00:00.000Z");
    expect(autumn.end).toBe("2025-11-03T05:00:00.000Z");
    expect(autumn.hours).toBe(25);
  });

  it("starts at the jump when midnight is skipped", () => {
    // Chile moves clocks from 24:00 to 01:00, so 2025-09-07 has no midnight.
    const day = periodAt("day", "America/Santiago", "2025-09-07T12:00:00Z");
    expect(day.start).toBe("2025-09-07T04:00:00.000Z");
    expect(day.end).toBe("2025-09-08T03:00:00.000Z");
    expect(day.hours).toBe(23);
  });
});

describe("budgetPeriodOf longer periods", () => {
  it("makes February 2025 28 days", () => {
    const month = periodAt("month", "Europe/Amsterdam", "2025-02-14T10:00:00Z");
    expect(month.start).toBe("2025-01-31T23:00:00.000Z");
    expect(month.end).toBe("2025-02-28T23:00:00.000Z");
    expect(month.hours).toBe(28 * 24);
  });

  it("starts weeks on Monday", () => {
    // 2025-03-30 is a Sunday; its week began Monday 2025-03-24 in Amsterdam.
    const week = periodAt("week", "Europe/Amsterdam", "2025-03-30T12:00:00Z");
    expect(week.start).toBe("2025-03-23T23:00:00.000Z");
    expect(week.end).toBe("2025-03-30T22:00:00.000Z");
    expect(week.hours).toBe(7 * 24 - 1);
    const monday = periodAt("week", "UTC", "2025-03-31T00:00:00Z");
    expect(monday.start).toBe("2025-03-31T00:00:00.000Z");
  });

  it("starts quarters in January, April, July and October", () => {
    const cases: Array<[string, string, string]> = [
      ["2025-02-10T00:00:00Z", "2025-01-01T00:00:00.000Z", "2025-04-01T00:00:00.000Z"],
      ["2025-06-30T23:59:59Z", "2025-04-01T00:00:00.000Z", "2025-07-01T00:00:00.000Z"],
      ["2025-12-31T12:00:00Z", "2025-10-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
    ];
    for (const [at, start, end] of cases) {
      const quarter = periodAt("quarter", "UTC", at);
      expect(quarter.start).toBe(start);
      expect(quarter.end).toBe(end);
    }
  });

  it("uses the zone's date for the quarter", () => {
    // 03:00Z on 1 January is still 31 December in New York.
    const quarter = periodAt("quarter", "America/New_York", "2025-01-01T03:00:00Z");
    expect(quarter.start).toBe("2024-10-01T04:00:00.000Z");
    expect(quarter.end).toBe("2025-01-01T05:00:00.000Z");
  });
});

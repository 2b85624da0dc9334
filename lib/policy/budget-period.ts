import type { BudgetPeriod } from "./policy-schema";

/** Local calendar date and wall-clock time in a time zone. */
interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    wallFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallTimeAt(instantMs: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? "0");
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = wallTimeAt(instantMs, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * Converts local midnight of a calendar date to an instant. When midnight
 * falls in a daylight saving gap (as in some zones that change at 00:00),
 * returns the first instant of that day instead.
 */
function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day);
  // The offset can differ before and after the change, so try both candidates.
  const candidates = new Set<number>();
  for (const probe of [wallAsUtc - 86_400_000, wallAsUtc, wallAsUtc + 86_400_000]) {
    candidates.add(wallAsUtc - offsetAt(probe, timeZone));
  }
  const matches = [...candidates]
    .filter((instant) => {
      const wall = wallTimeAt(instant, timeZone);
      return wall.year === year && wall.month === month && wall.day === day && wall.hour === 0;
    })
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]!);

  // Midnight does not exist: the clock jumps from 24:00 of the day before, so
  // the candidate computed with the later offset is the instant of the jump.
  const onDay = [...candidates]
    .filter((instant) => {
      const wall = wallTimeAt(instant, timeZone);
      return wall.year === year && wall.month === month && wall.day === day;
    })
    .sort((a, b) => a - b);
  if (onDay.length === 0) throw new Error(`cannot find the start of ${year}-${month}-${day} in ${timeZone}`);
  return new Date(onDay[0]!);
}

/** Adds days to a calendar date, carrying into months and years. */
function addDays(year: number, month: number, day: number, days: number): [number, number, number] {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

/**
 * Returns the budget period containing an instant: from local midnight of its
 * first day in the time zone (inclusive) to local midnight of the next
 * period's first day (exclusive). Days are calendar days, so a period spans
 * 23 or 25 hours per daylight saving change inside it. Weeks start on Monday,
 * months on the 1st, quarters in January, April, July and October.
 */
export function budgetPeriodOf(
  kind: BudgetPeriod,
  timeZone: string,
  at: Date,
): { start: Date; end: Date } {
  const today = wallTimeAt(at.getTime(), timeZone);
  let first: [number, number, number];
  let next: [number, number, number];
  if (kind === "day") {
    first = [today.year, today.month, today.day];
    next = addDays(today.year, today.month, today.day, 1);
  } else if (kind === "week") {
    const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
    const sinceMonday = (weekday + 6) % 7;
    first = addDays(today.year, today.month, today.day, -sinceMonday);
    next = addDays(...first, 7);
  } else if (kind === "month") {
    first = [today.year, today.month, 1];
    next = today.month === 12 ? [today.year + 1, 1, 1] : [today.year, today.month + 1, 1];
  } else {
    const quarterMonth = today.month - ((today.month - 1) % 3);
    first = [today.year, quarterMonth, 1];
    next = quarterMonth === 10 ? [today.year + 1, 1, 1] : [today.year, quarterMonth + 3, 1];
  }
  return { start: localMidnight(...first, timeZone), end: localMidnight(...next, timeZone) };
}

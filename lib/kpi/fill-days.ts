/**
 * Calendar days as YYYY-MM-DD strings and zero-filled daily series.
 */

import type { DailyAggregate } from "./types";

/** Maximum number of days in a `listDays` range, which bounds the size of a filled series. */
export const MAX_DAY_RANGE = 1000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses YYYY-MM-DD into days since 1970-01-01, rejecting dates such as 2026-02-30. */
export function parseDay(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [, year, month, date] = match.map(Number);
    if (year !== undefined && month !== undefined && date !== undefined) {
      const ms = Date.UTC(year, month - 1, date);
      const parsed = new Date(ms);
      const isCalendarDate =
        parsed.getUTCFullYear() === year &&
        parsed.getUTCMonth() === month - 1 &&
        parsed.getUTCDate() === date;
      if (isCalendarDate) return ms / MS_PER_DAY;
    }
  }
  throw new RangeError(`invalid day "${day}": expected a calendar date as YYYY-MM-DD`);
}

/** Formats days since 1970-01-01 as YYYY-MM-DD. */
export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Returns the calendar day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  if (!Number.isInteger(count)) throw new RangeError(`day count must be an integer, got ${count}`);
  return formatDay(parseDay(day) + count);
}

/**
 * Lists the calendar days from `from` up to but excluding `to`. Throws when `to` is
 * before `from` or the range is longer than MAX_DAY_RANGE days.
 */
export function listDays(from: string, to: string): string[] {
  const start = parseDay(from);
  const end = parseDay(to);
  if (end < start) {
    throw new RangeError(`invalid day range: to (${to}) is before from (${from})`);
  }
  if (end - start > MAX_DAY_RANGE) {
    throw new RangeError(
      `day range ${from} to ${to} has ${end - start} days; the maximum is ${MAX_DAY_RANGE}`,
    );
  }
  const days: string[] = [];
  for (let dayNumber = start; dayNumber < end; dayNumber++) days.push(formatDay(dayNumber));
  return days;
}

/** Returns an aggregate for a day with no runs: zero counts and zero cost. */
export function createEmptyDay(day: string): DailyAggregate {
  return { day, runs: 0, llmCalls: 0, tokens: 0, costUsd: "0", completedOutcomes: 0, decisions: 0 };
}

/**
 * Returns one aggregate for every day from `from` up to but excluding `to`, in day
 * order. A day without a row had no runs, so it gets zero counts and zero cost, not
 * a gap. Throws on a row outside the range or two rows for one day.
 */
export function fillDailySeries(
  rows: readonly DailyAggregate[],
  from: string,
  to: string,
): DailyAggregate[] {
  const days = listDays(from, to);
  const rowsByDay = new Map<string, DailyAggregate>();
  for (const row of rows) {
    parseDay(row.day);
    if (row.day < from || row.day >= to) {
      throw new RangeError(`row for ${row.day} is outside the range ${from} to ${to}`);
    }
    if (rowsByDay.has(row.day)) throw new RangeError(`two rows for day ${row.day}`);
    rowsByDay.set(row.day, row);
  }
  return days.map((day) => rowsByDay.get(day) ?? createEmptyDay(day));
}

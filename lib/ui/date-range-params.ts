/**
 * The date range in page URLs: `from` (first day) and `to` (day after the last),
 * both YYYY-MM-DD, the same convention as the KPI API. People see and type the
 * last day itself, so the form converts between the two.
 */

/** Days shown when the URL names no range, today included; the API uses the same. */
export const DEFAULT_RANGE_DAYS = 90;
/** Maximum range the KPI API accepts, in days. */
export const MAX_RANGE_DAYS = 1000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DayRange {
  /** First day, inclusive. */
  from: string;
  /** Day after the last day, exclusive. */
  to: string;
}

export interface ParsedRange {
  range: DayRange;
  /** One sentence per search parameter that was ignored, for a notice on the page. */
  problems: string[];
}

/** Search parameters as Next.js passes them to a page. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** Returns whether `value` is a real calendar day as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Returns the day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  if (!isCalendarDay(day)) throw new RangeError(`invalid day "${day}": expected YYYY-MM-DD`);
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** Returns the number of days from `from` to `to`; negative when `to` is earlier. */
export function countDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** Returns the calendar day of `now` in an IANA time zone, as YYYY-MM-DD. */
export function todayInTimeZone(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * Returns the default range: the DEFAULT_RANGE_DAYS complete days before
 * today. Today is left out because a partial day would skew the regressions.
 */
export function defaultRange(today: string): DayRange {
  const to = today;
  return { from: addDays(to, -DEFAULT_RANGE_DAYS), to };
}

function readParam(params: SearchParamsRecord | URLSearchParams, name: string): string | null {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === null || first === "" ? null : first;
}

/**
 * Reads `from` and `to` from page search parameters. Missing values take the
 * default range, which ends before today. An invalid value is ignored and reported in
 * `problems` rather than thrown, so a mistyped link still shows a page.
 */
export function parseRangeSearchParams(
  params: SearchParamsRecord | URLSearchParams,
  today: string,
): ParsedRange {
  const problems: string[] = [];
  const fallback = defaultRange(today);
  const read = (name: "from" | "to"): string | null => {
    const value = readParam(params, name);
    if (value === null || isCalendarDay(value)) return value;
    problems.push(`Ignored ${name}="${value}" because it is not a date as YYYY-MM-DD.`);
    return null;
  };
  const fromParam = read("from");
  const toParam = read("to");

  const to = toParam ?? (fromParam ? addDays(fromParam, DEFAULT_RANGE_DAYS) : fallback.to);
  let from = fromParam ?? addDays(to, -DEFAULT_RANGE_DAYS);
  if (countDays(from, to) <= 0) {
    problems.push(`Ignored from="${from}" because it is not before to="${to}".`);
    from = addDays(to, -DEFAULT_RANGE_DAYS);
  }
  if (countDays(from, to) > MAX_RANGE_DAYS) {
    problems.push(`Shortened the range to the last ${MAX_RANGE_DAYS} days, the maximum.`);
    from = addDays(to, -MAX_RANGE_DAYS);
  }
  return { range: { from, to }, problems };
}

/** Returns the last day the range includes, the day before its exclusive `to`. */
export function lastDayOf(range: DayRange): string {
  return addDays(range.to, -1);
}

export type RangeInputResult =
  | { ok: true; range: DayRange }
  | { ok: false; message: string };

/**
 * Builds a range from a first and last day as people enter them, both inclusive.
 * Returns a message instead when either is not a day or the order is wrong.
 */
export function resolveRangeInput(firstDay: string, lastDay: string): RangeInputResult {
  if (!isCalendarDay(firstDay) || !isCalendarDay(lastDay)) {
    return { ok: false, message: "Enter both dates as full calendar dates." };
  }
  if (lastDay < firstDay) {
    return { ok: false, message: "The last day must be on or after the first day." };
  }
  const range = { from: firstDay, to: addDays(lastDay, 1) };
  if (countDays(range.from, range.to) > MAX_RANGE_DAYS) {
    return { ok: false, message: `A range can cover at most ${MAX_RANGE_DAYS} days.` };
  }
  return { ok: true, range };
}

/** Returns the query string of a range, without the leading "?". */
export function formatRangeQuery(range: DayRange): string {
  return new URLSearchParams({ from: range.from, to: range.to }).toString();
}

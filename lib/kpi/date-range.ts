import { dayInTimeZone } from "@/lib/runs/summarize-run";

import { addDays } from "./fill-days";

/** Longest range a KPI request may cover, in days. */
export const MAX_RANGE_DAYS = 1000;
/** Range used when a request names none: the 90 complete days before today. */
export const DEFAULT_RANGE_DAYS = 90;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export { addDays };

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface DateRange {
  /** First day, inclusive. */
  from: string;
  /** Day after the last, exclusive. */
  to: string;
}

export class DateRangeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "DateRangeError";
  }
}

/**
 * Parses `from` and `to` (YYYY-MM-DD, `to` exclusive) from query parameters.
 * Missing values default to the 90 complete days before today in the given
 * time zone.
 */
export function parseDateRange(
  params: { from?: string | null; to?: string | null },
  timeZone: string,
): DateRange {
  for (const field of ["from", "to"] as const) {
    const value = params[field];
    if (value !== null && value !== undefined && !isCalendarDay(value)) {
      throw new DateRangeError(field, `invalid ${field} "${value}": expected a calendar day as YYYY-MM-DD`);
    }
  }
  const today = dayInTimeZone(BigInt(Date.now()) * 1_000_000n, timeZone);
  // Today is still in progress, and a partial day would skew the regressions.
  const to = params.to ?? today;
  const from = params.from ?? addDays(to, -DEFAULT_RANGE_DAYS);
  const length = daysBetween(from, to);
  if (length <= 0) {
    throw new DateRangeError("to", `invalid range: to (${to}) must be after from (${from}); to is exclusive`);
  }
  if (length > MAX_RANGE_DAYS) {
    throw new DateRangeError("from", `invalid range: ${length} days exceeds the maximum of ${MAX_RANGE_DAYS}`);
  }
  return { from, to };
}

/**
 * Date and time text from billing exports, turned into ISO 8601 UTC instants.
 *
 * FOCUS requires ISO 8601 in UTC, but real files write `2024-10-01 00:00:00`,
 * `2024-10-01T00:00:00` without a zone, and the FOCUS spec's own example files
 * write `5/1/25`. A time without a zone is read as UTC, as FOCUS states all
 * its times are.
 */

const ISO_PATTERN = new RegExp(
  "^(\\d{4})-(\\d{2})-(\\d{2})" +
    "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?)?" +
    "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?$",
  "i",
);
const US_PATTERN =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

/**
 * Results for recently seen texts. Billing rows repeat a few period boundaries
 * thousands of times, so each text is parsed once while it stays in the map.
 */
const recentDates = new Map<string, string | null>();
const RECENT_DATES_LIMIT = 4096;

/**
 * Parses a billing date or date-time into `YYYY-MM-DDTHH:MM:SS.sssZ`.
 * Returns null when the text has none of the accepted forms or names a day
 * or time that does not exist. Fractions beyond milliseconds are truncated.
 */
export function parseBillingDate(text: string): string | null {
  const cached = recentDates.get(text);
  if (cached !== undefined) return cached;
  const trimmed = text.trim();
  let instant: string | null = null;
  const iso = ISO_PATTERN.exec(trimmed);
  if (iso) {
    instant = parseIsoParts(iso);
  } else {
    const us = US_PATTERN.exec(trimmed);
    if (us) instant = parseUsParts(us);
  }
  if (recentDates.size >= RECENT_DATES_LIMIT) recentDates.clear();
  recentDates.set(text, instant);
  return instant;
}

/** Converts Unix seconds (an integer) into an ISO instant. */
export function formatUnixSeconds(seconds: number): string | null {
  if (!Number.isSafeInteger(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function parseIsoParts(match: RegExpExecArray): string | null {
  const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "", zone] = match;
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, "0"));
  const offsetMinutes = parseZoneOffset(zone);
  if (offsetMinutes === null) return null;
  return composeInstant(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
      milliseconds,
    },
    offsetMinutes,
  );
}

function parseUsParts(match: RegExpExecArray): string | null {
  const [, month, day, yearText = "", hourText = "0", minute = "0", second = "0", meridiem] = match;
  // Two-digit years in billing data are this century: "5/1/25" is 2025-05-01.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  }
  return composeInstant(
    {
      year,
      month: Number(month),
      day: Number(day),
      hour,
      minute: Number(minute),
      second: Number(second),
      milliseconds: 0,
    },
    0,
  );
}

/** Minutes east of UTC, 0 for no zone or Z, null for an offset out of range. */
function parseZoneOffset(zone: string | undefined): number | null {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  milliseconds: number;
}

function composeInstant(parts: DateParts, offsetMinutes: number): string | null {
  const { year, month, day, hour, minute, second, milliseconds } = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  // Date.UTC rolls 2024-02-30 over into March, so a changed day means no such date.
  if (new Date(local).getUTCDate() !== day) return null;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}

/**
 * Formats database timestamps, which the API sends as PostgreSQL text such as
 * "2026-01-31 14:03:22.123456+00", for tables. The output is in UTC so server
 * and browser render the same text.
 */

const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Parses PostgreSQL or ISO timestamp text; returns null when it is neither. */
export function parseTimestamp(text: string): Date | null {
  const match = PG_TIMESTAMP.exec(text);
  if (!match) return null;
  const [, day, time, fraction = "", zone] = match;
  // Date parsing is specified for milliseconds only; PostgreSQL sends up to microseconds.
  const millis = fraction ? fraction.slice(0, 4).padEnd(4, "0") : "";
  let offset = zone!;
  if (offset !== "Z") {
    const digits = offset.replace(":", "");
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
  }
  const date = new Date(`${day}T${time}${millis}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Formats a timestamp as "2026-01-31 14:03 UTC"; unparseable text is returned unchanged. */
export function formatTimestamp(text: string): string {
  const date = parseTimestamp(text);
  if (!date) return text;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The audit log page's URL state: the API's filter parameters, passed through as text. */

export const AUDIT_FILTER_KEYS = ["entityType", "entityId", "actor", "action", "from", "to"] as const;

export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

/** Filter values plus the paging cursor; absent keys are not filtered on. */
export type AuditParams = Partial<Record<AuditFilterKey | "beforeId", string>>;

/** Reads the audit parameters from a page's search params; the API validates the values. */
export function readAuditParams(searchParams: Record<string, string | string[] | undefined>): AuditParams {
  const params: AuditParams = {};
  for (const key of [...AUDIT_FILTER_KEYS, "beforeId"] as const) {
    const raw = searchParams[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value.trim() !== "") params[key] = value.trim();
  }
  return params;
}

/** Formats audit parameters as a query string without the leading "?". */
export function formatAuditQuery(params: AuditParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) query.set(key, value);
  }
  return query.toString();
}

/**
 * Converts a `datetime-local` input value, read as UTC, to an ISO instant:
 * "2026-01-31T14:00" becomes "2026-01-31T14:00:00Z". Returns null for other text.
 */
export function localInputToInstant(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value);
  return match ? `${match[1]}${match[2] ?? ":00"}Z` : null;
}

/** Converts an ISO instant back to a `datetime-local` value in UTC, for showing it in the input. */
export function instantToLocalInput(instant: string | undefined): string {
  if (!instant) return "";
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 16);
}

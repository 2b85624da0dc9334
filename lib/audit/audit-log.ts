import { z } from "zod";

import { getDatabase, type Database } from "@/db/client";
import { listAuditEntries, type AuditEntry } from "@/db/queries/audit";
import { ApiError } from "@/lib/http/api-error";
import { parseInput } from "@/lib/validation/parse-input";

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 500;

const text = z.string().trim().min(1).max(200).optional();
const instant = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 instant such as 2026-01-31T23:00:00Z" })
  .optional();

/** Query parameters of the audit log API; every filter is optional and they combine with AND. */
export const auditFilterSchema = z.object({
  entityType: text,
  entityId: text,
  /** Matches the actor's id exactly or part of the actor's email, key name or OS user. */
  actor: text,
  action: text,
  /** Earliest time, inclusive. */
  from: instant,
  /** Latest time, exclusive. */
  to: instant,
  limit: z.coerce
    .number("must be a whole number")
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_AUDIT_LIMIT, `must be at most ${MAX_AUDIT_LIMIT}`)
    .default(DEFAULT_AUDIT_LIMIT),
  /** Returns entries older than this id: the `nextBeforeId` of the previous page. */
  beforeId: z.string().regex(/^[1-9]\d{0,18}$/, "must be an entry id, a positive whole number").optional(),
});

export type AuditFilterInput = z.input<typeof auditFilterSchema>;

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `beforeId` to read the next older page; null when this page is the last. */
  nextBeforeId: string | null;
}

/** Reads the audit filter from URL query parameters; empty parameters count as absent. */
export function readAuditFilter(searchParams: URLSearchParams): AuditFilterInput {
  const filter: Record<string, string> = {};
  for (const key of Object.keys(auditFilterSchema.shape)) {
    const value = searchParams.get(key);
    if (value !== null && value.trim() !== "") filter[key] = value;
  }
  return filter;
}

/** Lists audit entries, newest first, one page at a time. Throws a 400 ApiError for an invalid filter. */
export async function queryAuditLog(input: AuditFilterInput, db?: Database): Promise<AuditPage> {
  const filter = parseInput(auditFilterSchema, input);
  if (filter.from && filter.to && Date.parse(filter.from) >= Date.parse(filter.to)) {
    const message = `invalid to ("${filter.to}"): must be after from ("${filter.from}")`;
    throw new ApiError(400, "invalid_request", message);
  }
  const entries = await listAuditEntries(db ?? (await getDatabase()), filter);
  const last = entries.at(-1);
  return { entries, nextBeforeId: entries.length === filter.limit && last ? last.id : null };
}

import type { Queryable } from "@/db/client";

export interface AuditEntryInput {
  actorType: string;
  actorId: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditEntryInput {
  id: string;
  occurredAt: string;
}

export async function insertAuditEntry(tx: Queryable, entry: AuditEntryInput): Promise<void> {
  await tx.query(
    `insert into audit_events (actor_type, actor_id, actor_label, action, entity_type, entity_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb)`,
    [
      entry.actorType,
      entry.actorId,
      entry.actorLabel,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  /** ISO instant, inclusive. */
  from?: string;
  /** ISO instant, exclusive. */
  to?: string;
  limit: number;
  /** Return entries with an id below this, for paging back in time. */
  beforeId?: string;
}

/** Lists audit entries, newest first. */
export async function listAuditEntries(db: Queryable, filter: AuditFilter): Promise<AuditEntry[]> {
  const rows = await db.query<{
    id: string;
    occurred_at: string;
    actor_type: string;
    actor_id: string;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: string | null;
    after: string | null;
  }>(
    `select id::text, occurred_at::text, actor_type, actor_id, actor_label, action, entity_type, entity_id,
            before::text, after::text
       from audit_events
      where ($1::text is null or entity_type = $1)
        and ($2::text is null or entity_id = $2)
        and ($3::text is null or actor_label ilike '%' || $3 || '%' or actor_id = $3)
        and ($4::text is null or action = $4)
        and ($5::timestamptz is null or occurred_at >= $5::timestamptz)
        and ($6::timestamptz is null or occurred_at < $6::timestamptz)
        and ($7::bigint is null or id < $7::bigint)
      order by id desc
      limit $8`,
    [
      filter.entityType ?? null,
      filter.entityId ?? null,
      filter.actor ?? null,
      filter.action ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.beforeId ?? null,
      filter.limit,
    ],
  );
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}

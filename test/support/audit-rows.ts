import { getDatabase } from "@/db/client";

export interface AuditRow {
  id: string;
  actorType: string;
  actorId: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  // Audit before/after are free-form JSON; tests assert the fields they expect.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  before: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  after: any;
}

/** Reads the audit entries of one entity straight from the table, oldest first. */
export async function readAuditRows(entityType: string, entityId: string): Promise<AuditRow[]> {
  const db = await getDatabase();
  const rows = await db.query<{
    id: string;
    actor_type: string;
    actor_id: string;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: string | null;
    after: string | null;
  }>(
    `select id::text, actor_type, actor_id, actor_label, action, entity_type, entity_id,
            before::text, after::text
       from audit_events where entity_type = $1 and entity_id = $2 order by id`,
    [entityType, entityId],
  );
  return rows.map((row) => ({
    id: row.id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  }));
}

/** Counts every audit entry, to show that a failed change added none. */
export async function countAuditRows(): Promise<number> {
  const rows = await (await getDatabase()).query<{ count: number }>(`select count(*)::int as count from audit_events`);
  return rows[0]!.count;
}

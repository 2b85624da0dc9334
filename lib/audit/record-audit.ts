import type { Queryable } from "@/db/client";
import { insertAuditEntry } from "@/db/queries/audit";

import { describeAuditActor, type AuditActor } from "./audit-actor";

/**
 * Writes one audit entry. Call it with the transaction that makes the
 * change, so the entry and the change commit or roll back together.
 */
export async function recordAudit(
  tx: Queryable,
  actor: AuditActor,
  change: { action: string; entityType: string; entityId: string; before: unknown; after: unknown },
): Promise<void> {
  await insertAuditEntry(tx, { ...describeAuditActor(actor), ...change });
}

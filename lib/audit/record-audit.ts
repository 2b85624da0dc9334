import type { Queryable } from "@/db/client";
import { insertAuditEntry } from "@/db/queries/audit";
import { describeActor, type Principal } from "@/lib/auth/principal";

/**
 * Writes one audit entry. Call it with the transaction that makes the
 * change, so the entry and the change commit or roll back together.
 */
export async function recordAudit(
  tx: Queryable,
  actor: Principal,
  change: { action: string; entityType: string; entityId: string; before: unknown; after: unknown },
): Promise<void> {
  await insertAuditEntry(tx, { ...describeActor(actor), ...change });
}

import { getDatabase, type Database } from "@/db/client";
import {
  findApiKeyById,
  listApiKeys,
  revokeActiveApiKeyById,
  type ApiKeyRecord,
} from "@/db/queries/api-keys";
import { labelOfActor, type AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/api-error";
import { logFor } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

import { createApiKey } from "./api-keys";
import { newKeySchema } from "./key-input";

const logger = logFor("keys");

/** Lists every key, newest first, without secrets or hashes. */
export async function listKeys(db?: Database): Promise<ApiKeyRecord[]> {
  return listApiKeys(db ?? (await getDatabase()));
}

/**
 * Validates `input` as a NewKey and creates the key and its audit entry in one
 * transaction. Returns the secret, which is stored only as a hash and cannot
 * be shown again. `db` defaults to the process-wide database.
 */
export async function createKey(
  actor: AuditActor,
  input: unknown,
  db?: Database,
): Promise<{ secret: string; record: ApiKeyRecord }> {
  const key = parseInput(newKeySchema, input);
  const database = db ?? (await getDatabase());
  const created = await database.transaction(async (tx) => {
    const result = await createApiKey(tx, {
      name: key.name,
      kind: key.kind,
      workflows: key.workflows ? [...new Set(key.workflows)] : null,
      createdBy: labelOfActor(actor),
    });
    await recordAudit(tx, actor, {
      action: "api_key.create",
      entityType: "api_key",
      entityId: result.record.id,
      before: null,
      after: result.record,
    });
    return result;
  });
  logger.info(
    { keyId: created.record.id, kind: created.record.kind, actorType: actor.type },
    "API key created",
  );
  return created;
}

/**
 * Revokes a key at once: the next request with it is rejected. Revoking a
 * revoked key returns it unchanged and writes no audit entry. Throws a 404
 * ApiError for an unknown id.
 */
export async function revokeKey(actor: AuditActor, id: string, db?: Database): Promise<ApiKeyRecord> {
  const database = db ?? (await getDatabase());
  const revoked = await database.transaction(async (tx) => {
    const after = await revokeActiveApiKeyById(tx, id);
    if (!after) return null;
    // The update changes revoked_at alone, so the row before it differs only there.
    await recordAudit(tx, actor, {
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: after.id,
      before: { ...after, revokedAt: null },
      after,
    });
    return after;
  });
  if (revoked) {
    logger.info({ keyId: revoked.id, actorType: actor.type }, "API key revoked");
    return revoked;
  }
  const existing = await findApiKeyById(database, id);
  if (!existing) throw notFound(`API key "${id}" not found`);
  return existing;
}

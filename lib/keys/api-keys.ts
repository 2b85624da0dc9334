import { createHash, randomBytes } from "node:crypto";

import type { Queryable } from "@/db/client";
import {
  findActiveApiKeyByHash,
  insertApiKey,
  touchApiKey,
  type ApiKeyKind,
  type ApiKeyRecord,
} from "@/db/queries/api-keys";

const KEY_PATTERN = /^il_(ingest|gateway)_[A-Za-z0-9_-]{43}$/;

/** SHA-256 of the secret: keys carry 256 bits of entropy, so a slow hash adds nothing. */
export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Creates a key and returns its secret, which is never stored and cannot be shown again. */
export async function createApiKey(
  db: Queryable,
  params: {
    name: string;
    kind: ApiKeyKind;
    /** Workflows a gateway key may read; null or absent means every workflow. */
    workflows?: string[] | null;
    /** Label of who created the key, such as an email. */
    createdBy?: string | null;
  },
): Promise<{ secret: string; record: ApiKeyRecord }> {
  const secret = `il_${params.kind}_${randomBytes(32).toString("base64url")}`;
  const prefix = secret.slice(0, `il_${params.kind}_`.length + 6);
  const record = await insertApiKey(db, {
    name: params.name,
    kind: params.kind,
    prefix,
    keyHash: hashApiKey(secret),
    workflows: params.workflows ?? null,
    createdBy: params.createdBy ?? null,
  });
  return { secret, record };
}

/** Reads the secret from an `Authorization: Bearer ...` header value. */
export function readBearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Returns the active key the secret belongs to, whatever its kind, or null. */
export async function verifyApiKeyOfKinds(db: Queryable, secret: string | null): Promise<ApiKeyRecord | null> {
  if (!secret || !KEY_PATTERN.test(secret)) return null;
  const record = await findActiveApiKeyByHash(db, hashApiKey(secret));
  if (record) await touchApiKey(db, record.id);
  return record;
}

/**
 * Returns the active key of the given kind that the secret belongs to, or null.
 * Lookup is by the secret's hash, so response time does not depend on how
 * much of a guessed secret is right.
 */
export async function verifyApiKey(
  db: Queryable,
  secret: string | null,
  kind: ApiKeyKind,
): Promise<ApiKeyRecord | null> {
  if (!secret || !KEY_PATTERN.test(secret)) return null;
  const hash = hashApiKey(secret);
  const record = await findActiveApiKeyByHash(db, hash);
  if (!record || record.kind !== kind) return null;
  await touchApiKey(db, record.id);
  return record;
}

import type { Queryable } from "@/db/client";

export type ApiKeyKind = "ingest" | "gateway";

export interface ApiKeyRecord {
  id: string;
  name: string;
  kind: ApiKeyKind;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Workflows a gateway key may read; null means all. */
  workflows: string[] | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  kind: ApiKeyKind;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  workflows: string[] | null;
}

const SELECT_KEY = `select id::text, name, kind, prefix, created_at::text, last_used_at::text,
                          revoked_at::text, workflows from api_keys`;

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    workflows: row.workflows,
  };
}

export async function insertApiKey(
  db: Queryable,
  params: {
    name: string;
    kind: ApiKeyKind;
    prefix: string;
    keyHash: string;
    workflows?: string[] | null;
    createdBy?: string | null;
  },
): Promise<ApiKeyRecord> {
  const rows = await db.query<ApiKeyRow>(
    `insert into api_keys (name, kind, prefix, key_hash, workflows, created_by)
     values ($1, $2, $3, $4, $5::text[], $6)
     returning id::text, name, kind, prefix, created_at::text, last_used_at::text,
               revoked_at::text, workflows`,
    [params.name, params.kind, params.prefix, params.keyHash, params.workflows ?? null, params.createdBy ?? null],
  );
  return toRecord(rows[0]!);
}

/** Finds a key that is not revoked by the hash of its secret. */
export async function findActiveApiKeyByHash(
  db: Queryable,
  keyHash: string,
): Promise<ApiKeyRecord | null> {
  const rows = await db.query<ApiKeyRow>(
    `${SELECT_KEY} where key_hash = $1 and revoked_at is null`,
    [keyHash],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Records a use of a key, at most once a minute so hot ingest does not rewrite the row. */
export async function touchApiKey(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update api_keys set last_used_at = now()
      where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [id],
  );
}

export async function findApiKeyById(db: Queryable, id: string): Promise<ApiKeyRecord | null> {
  const rows = await db.query<ApiKeyRow>(`${SELECT_KEY} where id::text = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Revokes one active key by id and returns it as revoked; returns null when
 * no active key has that id (unknown, or revoked before).
 */
export async function revokeActiveApiKeyById(db: Queryable, id: string): Promise<ApiKeyRecord | null> {
  const rows = await db.query<ApiKeyRow>(
    `update api_keys set revoked_at = now()
      where id::text = $1 and revoked_at is null
     returning id::text, name, kind, prefix, created_at::text, last_used_at::text,
               revoked_at::text, workflows`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyRecord[]> {
  const rows = await db.query<ApiKeyRow>(`${SELECT_KEY} order by created_at desc`);
  return rows.map(toRecord);
}

/** Revokes a key by id or by prefix; returns the number of keys revoked. */
export async function revokeApiKey(db: Queryable, idOrPrefix: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `update api_keys set revoked_at = now()
      where (id::text = $1 or prefix = $1) and revoked_at is null returning id::text`,
    [idOrPrefix],
  );
  return rows.length;
}

import type { Queryable } from "@/db/client";

export interface PolicyVersionRow {
  version: number;
  document: unknown;
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
  note: string | null;
  rolledBackFrom: number | null;
}

interface RawVersionRow {
  version: number;
  document: string;
  content_hash: string;
  published_at: string;
  published_by: string;
  note: string | null;
  rolled_back_from: number | null;
}

// jsonb is read as text and parsed here, so both drivers return the same shape.
const VERSION_COLUMNS = `version, document::text as document, content_hash,
  to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
  published_by, note, rolled_back_from`;

function toVersion(row: RawVersionRow): PolicyVersionRow {
  return {
    version: Number(row.version),
    document: JSON.parse(row.document),
    contentHash: row.content_hash,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    note: row.note,
    rolledBackFrom: row.rolled_back_from === null ? null : Number(row.rolled_back_from),
  };
}

/** Reads every workflow's draft policy and its last change (ISO instant), by workflow name. */
export async function loadDraftRows(
  db: Queryable,
): Promise<Array<{ workflow: string; policy: unknown; updatedAt: string }>> {
  const rows = await db.query<{ workflow: string; policy: string; updated_at: string }>(
    `select workflow, policy::text as policy,
            to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
       from policy_drafts order by workflow`,
  );
  return rows.map((row) => ({ workflow: row.workflow, policy: JSON.parse(row.policy), updatedAt: row.updated_at }));
}

/** Reads one workflow's draft policy and locks its row until the transaction ends. */
export async function findDraftForUpdate(db: Queryable, workflow: string): Promise<unknown | null> {
  const rows = await db.query<{ policy: string }>(
    `select policy::text as policy from policy_drafts where workflow = $1 for update`,
    [workflow],
  );
  return rows[0] ? JSON.parse(rows[0].policy) : null;
}

export async function upsertDraft(db: Queryable, workflow: string, policy: unknown): Promise<void> {
  await db.query(
    `insert into policy_drafts (workflow, policy) values ($1, $2::text::jsonb)
     on conflict (workflow) do update set policy = excluded.policy, updated_at = now()`,
    [workflow, JSON.stringify(policy)],
  );
}

export async function deleteDraft(db: Queryable, workflow: string): Promise<void> {
  await db.query(`delete from policy_drafts where workflow = $1`, [workflow]);
}

export async function deleteAllDrafts(db: Queryable): Promise<void> {
  await db.query(`delete from policy_drafts`);
}

/**
 * Takes a transaction-scoped lock that serializes publishes and rollbacks, so
 * two of them cannot pick the same version number or publish a half-read draft.
 */
export async function lockPolicyPublishing(db: Queryable): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(7340112002)`);
}

export async function findLatestVersion(db: Queryable): Promise<PolicyVersionRow | null> {
  const rows = await db.query<RawVersionRow>(
    `select ${VERSION_COLUMNS} from policy_versions order by version desc limit 1`,
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

export async function findVersion(db: Queryable, version: number): Promise<PolicyVersionRow | null> {
  const rows = await db.query<RawVersionRow>(
    `select ${VERSION_COLUMNS} from policy_versions where version = $1`,
    [version],
  );
  return rows[0] ? toVersion(rows[0]) : null;
}

/** Lists published versions, newest first. */
export async function listVersionRows(db: Queryable): Promise<PolicyVersionRow[]> {
  const rows = await db.query<RawVersionRow>(
    `select ${VERSION_COLUMNS} from policy_versions order by version desc`,
  );
  return rows.map(toVersion);
}

export async function insertVersion(
  db: Queryable,
  row: Omit<PolicyVersionRow, "publishedAt">,
): Promise<PolicyVersionRow> {
  const rows = await db.query<RawVersionRow>(
    `insert into policy_versions (version, document, content_hash, published_by, note, rolled_back_from)
     values ($1, $2::text::jsonb, $3, $4, $5, $6)
     returning ${VERSION_COLUMNS}`,
    [row.version, JSON.stringify(row.document), row.contentHash, row.publishedBy, row.note, row.rolledBackFrom],
  );
  return toVersion(rows[0]!);
}

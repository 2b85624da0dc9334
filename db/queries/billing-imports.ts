import type { Queryable } from "@/db/client";

export type BillingImportStatus = "pending" | "running" | "completed" | "failed";

export interface ImportActor {
  type: string;
  id: string;
  label: string;
}

export interface BillingImportCounts {
  bytesRead: number;
  rowsRead: number;
  rowsImported: number;
  rowsRestated: number;
  rowsDuplicate: number;
  rowsRejected: number;
}

export interface BillingImportRow extends BillingImportCounts {
  id: string;
  fileName: string;
  format: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  status: BillingImportStatus;
  error: string | null;
  createdByType: string;
  createdById: string;
  createdBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface ImportReject {
  line: number;
  column: string | null;
  reason: string;
}

interface Row {
  id: string;
  file_name: string;
  format: string | null;
  sha256: string | null;
  size_bytes: string | null;
  bytes_read: string;
  status: BillingImportStatus;
  rows_read: string;
  rows_imported: string;
  rows_restated: string;
  rows_duplicate: string;
  rows_rejected: string;
  error: string | null;
  created_by_type: string;
  created_by_id: string;
  created_by: string;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

const SELECT_COLUMNS = `
  id::text, file_name, format, sha256, size_bytes::text, bytes_read::text, status,
  rows_read::text, rows_imported::text, rows_restated::text, rows_duplicate::text,
  rows_rejected::text, error, created_by_type, created_by_id, created_by,
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as started_at,
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at,
  to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as finished_at`;

function toImportRow(row: Row): BillingImportRow {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    sha256: row.sha256,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    bytesRead: Number(row.bytes_read),
    status: row.status,
    rowsRead: Number(row.rows_read),
    rowsImported: Number(row.rows_imported),
    rowsRestated: Number(row.rows_restated),
    rowsDuplicate: Number(row.rows_duplicate),
    rowsRejected: Number(row.rows_rejected),
    error: row.error,
    createdByType: row.created_by_type,
    createdById: row.created_by_id,
    createdBy: row.created_by,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Inserts an import in status `running`. Returns false when an import with
 * the id exists already.
 */
export async function insertBillingImport(
  db: Queryable,
  params: {
    id: string;
    fileName: string;
    format: string | null;
    sizeBytes: number | null;
    actor: ImportActor;
  },
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `insert into billing_imports (id, file_name, format, size_bytes, status,
                                  created_by_type, created_by_id, created_by)
     values ($1::uuid, $2, $3, $4::int8, 'running', $5, $6, $7)
     on conflict (id) do nothing
     returning id::text`,
    [
      params.id,
      params.fileName,
      params.format,
      params.sizeBytes,
      params.actor.type,
      params.actor.id,
      params.actor.label,
    ],
  );
  return rows.length === 1;
}

/** Writes the progress of a running import and marks it alive. */
export async function updateImportProgress(
  db: Queryable,
  id: string,
  progress: { bytesRead: number; rowsRead: number; rowsRejected: number; format: string | null },
): Promise<void> {
  await db.query(
    `update billing_imports
        set bytes_read = $2::int8, rows_read = $3::int8, rows_rejected = $4::int8,
            format = coalesce(format, $5), updated_at = now()
      where id = $1::uuid and status = 'running'`,
    [id, progress.bytesRead, progress.rowsRead, progress.rowsRejected, progress.format],
  );
}

/** Finishes a running import with its final counts; `error` is set for a failed one. */
export async function finishBillingImport(
  db: Queryable,
  id: string,
  result: BillingImportCounts & {
    status: "completed" | "failed";
    format: string | null;
    sha256: string | null;
    error: string | null;
  },
): Promise<void> {
  await db.query(
    `update billing_imports
        set status = $2, format = coalesce(format, $3), sha256 = $4, error = $5,
            bytes_read = $6::int8, rows_read = $7::int8, rows_imported = $8::int8,
            rows_restated = $9::int8, rows_duplicate = $10::int8, rows_rejected = $11::int8,
            updated_at = now(), finished_at = now()
      where id = $1::uuid`,
    [
      id,
      result.status,
      result.format,
      result.sha256,
      result.error,
      result.bytesRead,
      result.rowsRead,
      result.rowsImported,
      result.rowsRestated,
      result.rowsDuplicate,
      result.rowsRejected,
    ],
  );
}

/**
 * Fails running imports that wrote no progress for `staleSeconds`, as left by
 * a server that stopped mid-import, and drops their staged lines. Returns
 * their ids.
 */
export async function failStaleImports(db: Queryable, staleSeconds: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `update billing_imports
        set status = 'failed', finished_at = now(), updated_at = now(),
            error = 'interrupted: the server stopped before the import finished; import the file again'
      where status = 'running' and updated_at < now() - make_interval(secs => $1::int)
      returning id::text`,
    [staleSeconds],
  );
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) {
    await db.query(`delete from billing_import_lines where import_id = any($1::uuid[])`, [ids]);
  }
  return ids;
}

/** Stores rejected rows of an import. */
export async function insertImportRejects(
  db: Queryable,
  importId: string,
  rejects: readonly ImportReject[],
): Promise<void> {
  if (rejects.length === 0) return;
  await db.query(
    `insert into billing_import_rejects (import_id, line, "column", reason)
     select $1::uuid, r.line, r.col, r.reason
       from unnest($2::int4[], $3::text[], $4::text[]) as r(line, col, reason)`,
    [
      importId,
      rejects.map((reject) => reject.line),
      rejects.map((reject) => reject.column),
      rejects.map((reject) => reject.reason),
    ],
  );
}

/** Loads one import, or null. `id` must be a UUID. */
export async function findBillingImport(
  db: Queryable,
  id: string,
): Promise<BillingImportRow | null> {
  const rows = await db.query<Row>(
    `select ${SELECT_COLUMNS} from billing_imports where id = $1::uuid`,
    [id],
  );
  return rows[0] ? toImportRow(rows[0]) : null;
}

/** Lists imports, newest first. */
export async function listBillingImports(
  db: Queryable,
  params: { limit: number },
): Promise<BillingImportRow[]> {
  const rows = await db.query<Row>(
    `select ${SELECT_COLUMNS} from billing_imports order by started_at desc, id limit $1::int`,
    [params.limit],
  );
  return rows.map(toImportRow);
}

/** Lists the first stored rejected rows of an import, by line. */
export async function listImportRejects(
  db: Queryable,
  importId: string,
  limit: number,
): Promise<ImportReject[]> {
  return db.query<ImportReject>(
    `select line, "column", reason from billing_import_rejects
      where import_id = $1::uuid order by line limit $2::int`,
    [importId, limit],
  );
}

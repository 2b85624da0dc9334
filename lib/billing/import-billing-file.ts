/**
 * Imports a billing file into `billing_lines`, all or nothing. Lines are
 * staged batch by batch in short statements, so other requests keep running
 * on the single-connection PGlite while a large file streams in, and are moved
 * into `billing_lines` in one transaction once the whole file was read. A
 * repeated charge key never counts twice.
 */
import { createHash, randomUUID } from "node:crypto";

import type { Database } from "@/db/client";
import {
  failStaleImports,
  finishBillingImport,
  insertBillingImport,
  insertImportRejects,
  updateImportProgress,
  type BillingImportCounts,
  type ImportActor,
  type ImportReject,
} from "@/db/queries/billing-imports";
import { deleteStagedLines, mergeStagedLines, stageBillingLines } from "@/db/queries/billing-lines";
import { logFor } from "@/lib/log";

import { checkStorableLine } from "./check-storable-line";
import { readBillingLines, type BillingReadOptions } from "./read-billing-file";
import type { BillingLine, BillingSourceFormat, RejectedBillingRow } from "./types";

const logger = logFor("billing");

export interface ImportProgress {
  /** Bytes received so far, as sent (compressed, for a gzip file). */
  bytesRead: number;
  /** Billing lines read plus rows rejected. */
  rowsRead: number;
  rowsRejected: number;
}

export interface BillingImportOptions {
  /** Id of the new import; a random UUID when not given. */
  id?: string;
  fileName: string;
  /** Format of the file; read from its content when not given. */
  format?: BillingSourceFormat;
  /** Size the client announced, so progress can be shown as a share. */
  sizeBytes?: number | null;
  actor: ImportActor;
  readOptions?: Omit<BillingReadOptions, "onFormatDetected">;
  /** Lines per staged statement. */
  batchSize?: number;
  /** Rejected rows stored per import; the rest are counted only. */
  maxStoredRejects?: number;
  /** Bytes after which reading stops and the import fails as too large. */
  maxBytes?: number;
  /** Called whenever progress is written, about every `progressIntervalMs`. */
  onProgress?: (progress: ImportProgress) => void;
  progressIntervalMs?: number;
}

/** Why an import failed: the file's content, its size, or anything else. */
export type ImportFailure = "invalid_file" | "too_large" | "error";

export interface BillingImportResult extends BillingImportCounts {
  id: string;
  status: "completed" | "failed";
  format: BillingSourceFormat | null;
  sha256: string | null;
  error: string | null;
  failure: ImportFailure | null;
}

/** An import with the requested id exists already. */
export class ImportIdConflictError extends Error {
  constructor(readonly id: string) {
    super(`a billing import with id ${id} exists already`);
    this.name = "ImportIdConflictError";
  }
}

class ImportFailedError extends Error {
  constructor(
    readonly failure: ImportFailure,
    message: string,
  ) {
    super(message);
    this.name = "ImportFailedError";
  }
}

const DEFAULT_BATCH_SIZE = 2_000;
const DEFAULT_MAX_STORED_REJECTS = 1_000;
const DEFAULT_PROGRESS_INTERVAL_MS = 500;
/** A running import writes progress at least this often, even while its upload stalls. */
const HEARTBEAT_MS = 30_000;
/** A running import without progress for this long is failed as interrupted. */
export const STALE_IMPORT_SECONDS = 600;

interface ImportState extends ImportProgress {
  format: BillingSourceFormat | null;
  linesRead: number;
  storedRejects: number;
}

async function* meterBytes(
  source: AsyncIterable<Uint8Array>,
  state: ImportState,
  hash: ReturnType<typeof createHash>,
  maxBytes: number | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    state.bytesRead += chunk.byteLength;
    if (maxBytes !== undefined && state.bytesRead > maxBytes) {
      throw new ImportFailedError("too_large", `file exceeds the limit of ${maxBytes} bytes`);
    }
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Imports one billing file and returns the finished import. A file-level
 * problem, a size over the limit, or a database error fails the import and
 * leaves no line of it stored. Rejected rows are reported and do not fail it.
 * Throws ImportIdConflictError before reading when the id is taken.
 */
export async function importBillingFile(
  db: Database,
  source: AsyncIterable<Uint8Array>,
  options: BillingImportOptions,
): Promise<BillingImportResult> {
  const id = options.id ?? randomUUID();
  const stale = await failStaleImports(db, STALE_IMPORT_SECONDS);
  if (stale.length > 0) logger.warn({ importIds: stale }, "failed interrupted billing imports");
  const inserted = await insertBillingImport(db, {
    id,
    fileName: options.fileName,
    format: options.format ?? null,
    sizeBytes: options.sizeBytes ?? null,
    actor: options.actor,
  });
  if (!inserted) throw new ImportIdConflictError(id);

  const state: ImportState = {
    bytesRead: 0,
    rowsRead: 0,
    rowsRejected: 0,
    linesRead: 0,
    storedRejects: 0,
    format: options.format ?? null,
  };
  const hash = createHash("sha256");
  const writeProgress = async () => {
    await updateImportProgress(db, id, { ...state });
    options.onProgress?.({ ...state });
  };
  const heartbeat = setInterval(() => {
    writeProgress().catch((error: unknown) => {
      logger.warn({ err: summarizeError(error), importId: id }, "writing billing import progress failed");
    });
  }, HEARTBEAT_MS);

  try {
    await stageFile(db, id, source, options, state, hash, writeProgress);
    const sha256 = hash.digest("hex");
    const counts = await db.transaction(async (tx) => {
      const merged = await mergeStagedLines(tx, id);
      await deleteStagedLines(tx, id);
      const result = {
        bytesRead: state.bytesRead,
        rowsRead: state.rowsRead,
        rowsImported: merged.imported,
        rowsRestated: merged.restated,
        rowsDuplicate: state.linesRead - merged.imported - merged.restated,
        rowsRejected: state.rowsRejected,
      };
      await finishBillingImport(tx, id, {
        ...result,
        status: "completed",
        format: state.format,
        sha256,
        error: null,
      });
      return result;
    });
    logger.info({ importId: id, format: state.format, ...counts }, "billing import completed");
    return { id, status: "completed", format: state.format, sha256, error: null, failure: null, ...counts };
  } catch (error) {
    return await failImport(db, id, state, error);
  } finally {
    clearInterval(heartbeat);
  }
}

async function stageFile(
  db: Database,
  id: string,
  source: AsyncIterable<Uint8Array>,
  options: BillingImportOptions,
  state: ImportState,
  hash: ReturnType<typeof createHash>,
  writeProgress: () => Promise<void>,
): Promise<void> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxStoredRejects = options.maxStoredRejects ?? DEFAULT_MAX_STORED_REJECTS;
  const progressIntervalMs = options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  let lastProgressAt = Date.now();
  let batch: BillingLine[] = [];
  let rejects: ImportReject[] = [];
  // The next batch is parsed while the previous one is written.
  let pending: Promise<void> = Promise.resolve();

  const flush = async () => {
    await pending;
    const lines = batch;
    const newRejects = rejects;
    batch = [];
    rejects = [];
    pending = (async () => {
      await stageBillingLines(db, id, lines);
      await insertImportRejects(db, id, newRejects);
    })();
    // Awaited at the next flush; the handler keeps an early failure from being unhandled.
    pending.catch(() => {});
    if (Date.now() - lastProgressAt >= progressIntervalMs) {
      lastProgressAt = Date.now();
      await writeProgress();
    }
  };
  const reject = (row: RejectedBillingRow) => {
    state.rowsRead += 1;
    state.rowsRejected += 1;
    if (state.storedRejects < maxStoredRejects) {
      state.storedRejects += 1;
      rejects.push({ line: row.line, column: row.column, reason: row.reason });
    }
  };

  const bytes = meterBytes(source, state, hash, options.maxBytes);
  const readOptions: BillingReadOptions = {
    ...options.readOptions,
    onFormatDetected: (format) => {
      state.format ??= format;
    },
  };
  try {
    for await (const item of readBillingLines(bytes, options.format, readOptions)) {
      if ("rejected" in item) {
        reject(item.rejected);
        if (item.rejected.fatal) {
          await flush();
          await pending;
          const { line, reason } = item.rejected;
          throw new ImportFailedError("invalid_file", `line ${line}: ${reason}`);
        }
      } else {
        const problem = checkStorableLine(item.line);
        if (problem) {
          reject({ line: item.line.sourceLine, ...problem });
        } else {
          state.rowsRead += 1;
          state.linesRead += 1;
          batch.push(item.line);
        }
      }
      if (batch.length >= batchSize || rejects.length >= batchSize) await flush();
    }
    await flush();
    await pending;
  } finally {
    // A batch still being written must land before a failed import drops the staged lines.
    await pending.catch(() => {});
  }
  if (state.bytesRead === 0) throw new ImportFailedError("invalid_file", "the file is empty");
  await writeProgress();
}

/**
 * Keeps the name, code and message of an error. Both database drivers attach
 * the statement's parameters, which for a failed batch are thousands of rows.
 */
function summarizeError(error: unknown): { type: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" ? { code } : {}),
  };
}

/** Drops the staged lines, records the failure outside any rolled-back transaction, and returns it. */
async function failImport(
  db: Database,
  id: string,
  state: ImportState,
  error: unknown,
): Promise<BillingImportResult> {
  const failure: ImportFailure = error instanceof ImportFailedError ? error.failure : "error";
  const message =
    error instanceof ImportFailedError
      ? error.message
      : `storing the file failed: ${error instanceof Error ? error.message : String(error)}`;
  if (failure === "error") {
    logger.error({ err: summarizeError(error), importId: id }, "billing import failed");
  }
  else logger.warn({ importId: id, reason: message }, "billing import rejected");
  const counts = {
    bytesRead: state.bytesRead,
    rowsRead: state.rowsRead,
    rowsImported: 0,
    rowsRestated: 0,
    rowsDuplicate: 0,
    rowsRejected: state.rowsRejected,
  };
  await deleteStagedLines(db, id);
  await finishBillingImport(db, id, {
    ...counts,
    status: "failed",
    format: state.format,
    sha256: null,
    error: message,
  });
  return { id, status: "failed", format: state.format, sha256: null, error: message, failure, ...counts };
}

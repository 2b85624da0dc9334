/**
 * The billing import API: an upload streams into the import as it arrives,
 * and the import's progress and result are read back by id.
 */
import { getDatabase } from "@/db/client";
import {
  findBillingImport,
  listBillingImports,
  listImportRejects,
  type BillingImportRow,
  type ImportReject,
} from "@/db/queries/billing-imports";
import { describeActor, type Principal } from "@/lib/auth/principal";
import { getEnv } from "@/lib/env";
import { ApiError, badRequest, notFound } from "@/lib/http/api-error";
import { jsonResponse } from "@/lib/http/handle-route";

import {
  importBillingFile,
  ImportIdConflictError,
  type BillingImportResult,
  type ImportFailure,
} from "./import-billing-file";
import type { BillingSourceFormat } from "./types";

export const BILLING_FORMATS: readonly BillingSourceFormat[] = [
  "focus",
  "openai_costs",
  "openai_usage",
  "openai_usage_csv",
  "anthropic_cost",
  "anthropic_usage",
  "aws_cur2",
];

/** Rejected rows returned with an import; the import page lists the same first rows. */
const REJECTS_SHOWN = 100;
const HISTORY_LIMIT = 200;
const MAX_FILE_NAME_CHARS = 255;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An import as the API returns it. */
export interface BillingImportView {
  id: string;
  fileName: string;
  format: string | null;
  status: BillingImportRow["status"];
  sha256: string | null;
  sizeBytes: number | null;
  bytesRead: number;
  rowsRead: number;
  rowsImported: number;
  rowsRestated: number;
  rowsDuplicate: number;
  rowsRejected: number;
  error: string | null;
  createdBy: string;
  startedAt: string;
  finishedAt: string | null;
}

function toView(row: BillingImportRow): BillingImportView {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    bytesRead: row.bytesRead,
    rowsRead: row.rowsRead,
    rowsImported: row.rowsImported,
    rowsRestated: row.rowsRestated,
    rowsDuplicate: row.rowsDuplicate,
    rowsRejected: row.rowsRejected,
    error: row.error,
    createdBy: row.createdBy,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

interface UploadParams {
  id: string | undefined;
  fileName: string;
  format: BillingSourceFormat | undefined;
  defaultCurrency: string | undefined;
}

function readUploadParams(url: URL): UploadParams {
  const id = url.searchParams.get("id") ?? undefined;
  if (id !== undefined && !UUID_PATTERN.test(id)) {
    throw badRequest(`invalid id "${id.slice(0, 60)}": expected a UUID`);
  }
  const formatText = url.searchParams.get("format") ?? undefined;
  if (formatText !== undefined && !(BILLING_FORMATS as readonly string[]).includes(formatText)) {
    throw badRequest(
      `invalid format "${formatText.slice(0, 60)}": expected one of ${BILLING_FORMATS.join(", ")}`,
    );
  }
  const currency = url.searchParams.get("currency")?.toUpperCase() ?? undefined;
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw badRequest(`invalid currency "${currency.slice(0, 60)}": expected an ISO 4217 code`);
  }
  const fileName = (url.searchParams.get("filename") ?? "").trim() || "upload";
  return {
    id: id?.toLowerCase(),
    fileName: fileName.slice(0, MAX_FILE_NAME_CHARS),
    format: formatText as BillingSourceFormat | undefined,
    defaultCurrency: currency,
  };
}

async function* readBodyChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stops the upload when the import ends early (a fatal row, the size limit).
    await reader.cancel().catch(() => {});
  }
}

const FAILURE_STATUS: Record<ImportFailure, number> = {
  invalid_file: 422,
  too_large: 413,
  error: 500,
};

async function respondWithImport(result: BillingImportResult): Promise<Response> {
  const db = await getDatabase();
  const row = await findBillingImport(db, result.id);
  if (!row) throw new Error(`billing import ${result.id} vanished after it finished`);
  const rejects = await listImportRejects(db, result.id, REJECTS_SHOWN);
  const body = { import: toView(row), rejects };
  if (result.status === "completed") return jsonResponse(body, 201);
  const failure = result.failure ?? "error";
  const message =
    failure === "error" ? "the import failed while storing the file; see the server log" : result.error;
  return jsonResponse({ ...body, error: { code: "import_failed", message } }, FAILURE_STATUS[failure]);
}

/**
 * Imports the request body as one billing file. The body is read as it
 * arrives and may be any format the importers read, plain or gzip. Responds
 * 201 when completed, 422 for a file that cannot be read, 413 over the size
 * limit, and 409 when the client-chosen id is taken.
 */
export async function receiveBillingUpload(request: Request, principal: Principal): Promise<Response> {
  const params = readUploadParams(new URL(request.url));
  const limit = getEnv().BILLING_MAX_UPLOAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    throw new ApiError(413, "payload_too_large", `file exceeds the limit of ${limit} bytes`);
  }
  if (!request.body) throw badRequest("missing request body: send the billing file as the body");

  const actor = describeActor(principal);
  try {
    const result = await importBillingFile(await getDatabase(), readBodyChunks(request.body), {
      id: params.id,
      fileName: params.fileName,
      format: params.format,
      sizeBytes: Number.isFinite(declared) ? declared : null,
      actor: { type: actor.actorType, id: actor.actorId, label: actor.actorLabel },
      readOptions: { defaultCurrency: params.defaultCurrency },
      maxBytes: limit,
    });
    return await respondWithImport(result);
  } catch (error) {
    if (error instanceof ImportIdConflictError) throw new ApiError(409, "conflict", error.message);
    throw error;
  }
}

function isOwnImport(row: BillingImportRow, principal: Principal): boolean {
  if (principal.type === "user") return true;
  return row.createdByType === "api_key" && row.createdById === principal.keyId;
}

/**
 * Returns one import with its first rejected rows. An API key reads only the
 * imports it sent, and any other id is not found for it.
 */
export async function getBillingImport(
  id: string,
  principal: Principal,
): Promise<{ import: BillingImportView; rejects: ImportReject[] }> {
  const missing = () => notFound(`billing import "${id.slice(0, 60)}" not found`);
  if (!UUID_PATTERN.test(id)) throw missing();
  const db = await getDatabase();
  const row = await findBillingImport(db, id);
  if (!row || !isOwnImport(row, principal)) throw missing();
  return { import: toView(row), rejects: await listImportRejects(db, id, REJECTS_SHOWN) };
}

/** Returns the latest imports, newest first. */
export async function listImportHistory(): Promise<{ imports: BillingImportView[] }> {
  const rows = await listBillingImports(await getDatabase(), { limit: HISTORY_LIMIT });
  return { imports: rows.map(toView) };
}

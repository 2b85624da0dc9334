/**
 * Browser upload of a billing file to POST /api/v1/billing/imports. It uses
 * XMLHttpRequest because fetch reports no upload progress. The server imports
 * the body while it arrives, so the caller polls the import by the id chosen
 * here for rows read.
 */

import { ApiRequestError, toApiRequestError } from "./fetch-api";
import { importDetailSchema, type ImportDetail } from "./billing-schemas";

/** Returns a random UUID (version 4), also on plain-HTTP pages where crypto.randomUUID is missing. */
export function generateImportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function buildUploadUrl(params: { id: string; fileName: string; format: string | null }): string {
  const query = new URLSearchParams({ id: params.id, filename: params.fileName });
  if (params.format) query.set("format", params.format);
  return `/api/v1/billing/imports?${query.toString()}`;
}

/**
 * Sends the file as the request body and resolves with the finished import,
 * completed or failed. A failed import (422, 413, 500 with an import in the
 * body) resolves too; other errors reject with ApiRequestError.
 */
export function uploadBillingFile(
  file: File,
  params: { id: string; format: string | null },
  onUploaded: (bytesSent: number) => void,
): Promise<ImportDetail> {
  const url = buildUploadUrl({ id: params.id, fileName: file.name, format: params.format });
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("accept", "application/json");
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (event) => onUploaded(event.loaded);
    request.onerror = () =>
      reject(new ApiRequestError(0, "network_error", "the upload failed: the server did not respond"));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      const detail = importDetailSchema.safeParse(body);
      if (detail.success) resolve(detail.data);
      else reject(toApiRequestError(url, request.status, body));
    };
    request.send(file);
  });
}

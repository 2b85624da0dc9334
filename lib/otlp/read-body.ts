import { gunzip } from "node:zlib";
import { promisify } from "node:util";

import { ApiError } from "@/lib/http/api-error";

const gunzipAsync = promisify(gunzip);

export interface BodyLimits {
  /** Largest body accepted on the wire, in bytes. */
  maxRequestBytes: number;
  /** Largest body after decompression, in bytes. */
  maxDecodedBytes: number;
}

const tooLarge = (what: string, limit: number) =>
  new ApiError(
    413,
    "payload_too_large",
    `${what} exceeds the limit of ${limit} bytes; send smaller batches`,
  );

/** Reads a request body, stopping as soon as it passes `limit` bytes. */
async function readLimited(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge("request body", limit);
  if (!request.body) return Buffer.alloc(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge("request body", limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads and, for `Content-Encoding: gzip`, inflates a request body. Inflation
 * stops at the decoded limit, so a small compressed body cannot expand past it
 * in memory.
 */
export async function readRequestBody(
  request: Request,
  encoding: "identity" | "gzip",
  limits: BodyLimits,
): Promise<Buffer> {
  const raw = await readLimited(request, limits.maxRequestBytes);
  if (encoding === "identity") {
    if (raw.byteLength > limits.maxDecodedBytes) {
      throw tooLarge("request body", limits.maxDecodedBytes);
    }
    return raw;
  }
  try {
    return await gunzipAsync(raw, { maxOutputLength: limits.maxDecodedBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw tooLarge("decompressed request body", limits.maxDecodedBytes);
    }
    throw new ApiError(
      400,
      "invalid_encoding",
      `request body could not be decompressed as gzip: ${(error as Error).message}`,
    );
  }
}

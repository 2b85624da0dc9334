import { getDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { readBearerToken, verifyApiKeyOfKinds } from "@/lib/keys/api-keys";
import { logFor } from "@/lib/log";
import { loadPriceBook } from "@/lib/pricing/load-price-book";

import { decodeJsonRequest, parseOtlpJson } from "./decode-json";
import { decodeProtobufRequest, encodeExportTraceServiceResponse } from "./decode-protobuf";
import { readRequestBody } from "./read-body";
import { OtlpDecodeError, type DecodedRequest } from "./types";
import { encodeStatus } from "./encode-status";

const logger = logFor("otlp");

type Encoding = "json" | "protobuf";

/** gRPC status codes used in the OTLP error body (google.rpc.Status). */
const GRPC_CODE: Record<number, number> = {
  400: 3,
  401: 16,
  403: 7,
  413: 8,
  415: 3,
  500: 13,
  503: 14,
};

function mediaTypeOf(request: Request): Encoding | null {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return "json";
  if (type === "application/x-protobuf") return "protobuf";
  return null;
}

function contentEncodingOf(request: Request): "identity" | "gzip" | null {
  const value = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (value === "" || value === "identity") return "identity";
  if (value === "gzip") return "gzip";
  return null;
}

function respond(
  encoding: Encoding,
  status: number,
  body: Uint8Array | object,
  headers: Record<string, string> = {},
): Response {
  if (encoding === "protobuf") {
    return new Response(body as Uint8Array<ArrayBuffer>, {
      status,
      headers: { "content-type": "application/x-protobuf", ...headers },
    });
  }
  return Response.json(body, { status, headers });
}

function respondError(encoding: Encoding, error: ApiError): Response {
  const code = GRPC_CODE[error.status] ?? 2;
  const body =
    encoding === "protobuf"
      ? encodeStatus(code, error.message)
      : { code, message: error.message, error: error.code };
  return respond(encoding, error.status, body, error.headers);
}

function decode(encoding: Encoding, body: Buffer): DecodedRequest {
  try {
    if (encoding === "json") return decodeJsonRequest(parseOtlpJson(body.toString("utf8")));
    return decodeProtobufRequest(body);
  } catch (error) {
    if (error instanceof OtlpDecodeError) {
      throw new ApiError(400, "invalid_otlp", `invalid OTLP request: ${error.message}`);
    }
    throw error;
  }
}

function unavailable(retryAfterSeconds: number): ApiError {
  return new ApiError(
    503,
    "database_unavailable",
    "the database is unavailable; retry later",
    { "retry-after": String(retryAfterSeconds) },
  );
}

/**
 * Handles `POST /v1/traces` as the OTLP/HTTP specification describes: JSON or
 * protobuf, optionally gzip-compressed, answered in the request's encoding,
 * with rejected spans reported as a partial success.
 */
export async function receiveTraces(request: Request): Promise<Response> {
  const encoding = mediaTypeOf(request);
  if (!encoding) {
    const type = request.headers.get("content-type") ?? "(none)";
    return respondError(
      "json",
      new ApiError(
        415,
        "unsupported_media_type",
        `unsupported Content-Type "${type}": use application/json or application/x-protobuf`,
      ),
    );
  }
  const contentEncoding = contentEncodingOf(request);
  if (!contentEncoding) {
    const value = request.headers.get("content-encoding");
    return respondError(
      encoding,
      new ApiError(
        415,
        "unsupported_encoding",
        `unsupported Content-Encoding "${value}": use gzip or send the body uncompressed`,
      ),
    );
  }

  const env = getEnv();
  try {
    const db = await getDatabase().catch((error: unknown) => {
      throw isDatabaseUnavailable(error) ? unavailable(env.OTLP_RETRY_AFTER_SECONDS) : error;
    });
    const key = await verifyApiKeyOfKinds(db, readBearerToken(request.headers.get("authorization")));
    if (!key) {
      throw new ApiError(401, "unauthorized", "missing or invalid ingest key: send Authorization: Bearer <key>");
    }
    if (key.kind !== "ingest") {
      throw new ApiError(403, "forbidden", `a ${key.kind} key may not send spans; use an ingest key`);
    }

    const body = await readRequestBody(request, contentEncoding, {
      maxRequestBytes: env.OTLP_MAX_REQUEST_BYTES,
      maxDecodedBytes: env.OTLP_MAX_DECODED_BYTES,
    });
    const decoded = decode(encoding, body);
    const result = await ingestSpans(db, decoded.spans, {
      timeZone: env.ORG_TIME_ZONE,
      priceBook: await loadPriceBook(db),
    });
    logger.debug(
      { keyId: key.id, received: decoded.spans.length, rejected: decoded.rejected.length, ...result },
      "ingest batch",
    );

    const partial =
      decoded.rejected.length > 0
        ? {
            rejectedSpans: decoded.rejected.length,
            errorMessage: decoded.rejected
              .slice(0, 5)
              .map((span) => `${span.path}: ${span.reason}`)
              .join("; "),
          }
        : null;
    if (encoding === "protobuf") return respond(encoding, 200, encodeExportTraceServiceResponse(partial));
    return respond(
      encoding,
      200,
      partial
        ? { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } }
        : {},
    );
  } catch (error) {
    if (error instanceof ApiError) {
      // Auth failures are routine, bad input is the sender's bug, 5xx is ours.
      let level: "info" | "warn" | "error" = "warn";
      if (error.status === 401) level = "info";
      if (error.status >= 500) level = "error";
      logger[level]({ status: error.status, code: error.code, detail: error.message }, "ingest request rejected");
      return respondError(encoding, error);
    }
    if (isDatabaseUnavailable(error)) {
      logger.error({ err: error }, "database unavailable during ingest");
      return respondError(encoding, unavailable(env.OTLP_RETRY_AFTER_SECONDS));
    }
    logger.error({ err: error }, "ingest failed");
    return respondError(encoding, new ApiError(500, "internal_error", "ingest failed; see the server log"));
  }
}

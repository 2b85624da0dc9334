/**
 * Decodes an OTLP/JSON ExportTraceServiceRequest into DecodedSpans.
 *
 * OTLP/JSON differs from the generic proto3 JSON mapping: trace and span ids
 * are hex, not base64, and enums are integers. Unknown fields are ignored, as
 * the OTLP specification requires of receivers.
 */
import {
  decodeEnum,
  decodeJsonAttributes,
  decodeUint64,
  describeJson,
  expectArray,
  expectObject,
  expectString,
  readField,
  type JsonObject,
} from "./decode-json-values";
import { describeUnusableSpan, isZeroId } from "./span-ids";
import {
  OtlpDecodeError,
  type Attributes,
  type DecodedRequest,
  type DecodedScope,
  type DecodedSpan,
} from "./types";

export { parseOtlpJson } from "./parse-json-text";

const HEX_ID = /^[0-9a-fA-F]*$/;

const SPAN_KIND_NAMES: Readonly<Record<string, number>> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

const STATUS_CODE_NAMES: Readonly<Record<string, number>> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};

/**
 * Decodes a parsed OTLP/JSON body. Parse the text with `parseOtlpJson` so that
 * int64 values written as bare JSON numbers above 2^53 stay exact.
 *
 * Throws OtlpDecodeError naming the offending field for a malformed request.
 * A span with a missing or all-zero trace or span id is listed in `rejected`
 * and the rest of the request is kept.
 */
export function decodeJsonRequest(body: unknown): DecodedRequest {
  const request = expectObject(body, "body");
  if (request === undefined) throw new OtlpDecodeError("body", "expected a JSON object, got null");
  const result: DecodedRequest = { spans: [], rejected: [] };
  const resourceSpansList = expectArray(
    readField(request, "resourceSpans", "resource_spans"),
    "resourceSpans",
  );
  for (let r = 0; r < resourceSpansList.length; r++) {
    const path = `resourceSpans[${r}]`;
    const resourceSpans = expectObject(resourceSpansList[r], path);
    if (resourceSpans !== undefined) decodeResourceSpans(resourceSpans, path, result);
  }
  return result;
}

function decodeResourceSpans(message: JsonObject, path: string, result: DecodedRequest): void {
  const resource = expectObject(message.resource, `${path}.resource`);
  const resourceAttributes =
    resource === undefined
      ? {}
      : decodeJsonAttributes(resource.attributes, `${path}.resource.attributes`);
  const scopeSpansList = expectArray(
    readField(message, "scopeSpans", "scope_spans"),
    `${path}.scopeSpans`,
  );
  for (let s = 0; s < scopeSpansList.length; s++) {
    const scopePath = `${path}.scopeSpans[${s}]`;
    const scopeSpans = expectObject(scopeSpansList[s], scopePath);
    if (scopeSpans === undefined) continue;
    const scope = decodeScope(scopeSpans.scope, `${scopePath}.scope`);
    const spans = expectArray(scopeSpans.spans, `${scopePath}.spans`);
    for (let i = 0; i < spans.length; i++) {
      const spanPath = `${scopePath}.spans[${i}]`;
      const span = expectObject(spans[i], spanPath);
      if (span === undefined) continue;
      const decoded = decodeSpan(span, spanPath, resourceAttributes, scope);
      const unusable = describeUnusableSpan(decoded);
      if (unusable === null) result.spans.push(decoded);
      else result.rejected.push({ path: spanPath, reason: unusable });
    }
  }
}

function decodeScope(value: unknown, path: string): DecodedScope {
  const scope = expectObject(value, path);
  if (scope === undefined) return { name: "", version: "" };
  return {
    name: expectString(readField(scope, "name"), `${path}.name`),
    version: expectString(readField(scope, "version"), `${path}.version`),
  };
}

function decodeSpan(
  span: JsonObject,
  path: string,
  resource: Attributes,
  scope: DecodedScope,
): DecodedSpan {
  const status = expectObject(span.status, `${path}.status`);
  const parentSpanId = decodeHexId(
    readField(span, "parentSpanId", "parent_span_id"),
    8,
    `${path}.parentSpanId`,
  );
  return {
    path,
    resource,
    scope,
    traceId: decodeHexId(readField(span, "traceId", "trace_id"), 16, `${path}.traceId`),
    spanId: decodeHexId(readField(span, "spanId", "span_id"), 8, `${path}.spanId`),
    // An empty or all-zero parent id both mean a root span.
    parentSpanId: parentSpanId === "" || isZeroId(parentSpanId) ? null : parentSpanId,
    name: expectString(readField(span, "name"), `${path}.name`),
    kind: decodeEnum(readField(span, "kind"), SPAN_KIND_NAMES, `${path}.kind`),
    startTimeUnixNano: decodeUint64(
      readField(span, "startTimeUnixNano", "start_time_unix_nano"),
      `${path}.startTimeUnixNano`,
    ),
    endTimeUnixNano: decodeUint64(
      readField(span, "endTimeUnixNano", "end_time_unix_nano"),
      `${path}.endTimeUnixNano`,
    ),
    attributes: decodeJsonAttributes(span.attributes, `${path}.attributes`),
    statusCode:
      status === undefined
        ? 0
        : decodeEnum(readField(status, "code"), STATUS_CODE_NAMES, `${path}.status.code`),
    statusMessage:
      status === undefined
        ? ""
        : expectString(readField(status, "message"), `${path}.status.message`),
  };
}

/** Decodes a hex id of `byteLength` bytes to lower case, or returns "" for an absent id. */
function decodeHexId(value: unknown, byteLength: number, path: string): string {
  if (value === undefined || value === "") return "";
  const digits = byteLength * 2;
  if (typeof value !== "string" || value.length !== digits || !HEX_ID.test(value)) {
    throw new OtlpDecodeError(
      path,
      `invalid id ${describeJson(value)}: expected ${digits} hex digits ` +
        "(OTLP/JSON carries ids as hex, not base64)",
    );
  }
  return value.toLowerCase();
}

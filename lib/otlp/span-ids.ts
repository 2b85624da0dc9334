/**
 * Trace and span id helpers shared by the JSON and protobuf decoders.
 */

const ZERO_TRACE_ID = "0".repeat(32);
const ZERO_SPAN_ID = "0".repeat(16);

/** Returns true for the all-zero ids, which OTLP defines as invalid. */
export function isZeroId(hex: string): boolean {
  return hex === ZERO_TRACE_ID || hex === ZERO_SPAN_ID;
}

/**
 * Describes why a span is rejected (OTLP partial success) instead of failing
 * the whole request: a missing or all-zero trace or span id. Returns null when
 * both ids are usable.
 */
export function describeUnusableIds(traceId: string, spanId: string): string | null {
  if (traceId === "") return "missing trace id";
  if (spanId === "") return "missing span id";
  if (traceId === ZERO_TRACE_ID) return "invalid trace id: all zeros";
  if (spanId === ZERO_SPAN_ID) return "invalid span id: all zeros";
  return null;
}

/**
 * Describes why a decoded span cannot be stored: unusable ids, or times that
 * would date the span (and its whole run) to 1970 or give it a negative
 * duration. Returns null for a usable span.
 */
export function describeUnusableSpan(span: {
  traceId: string;
  spanId: string;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
}): string | null {
  const ids = describeUnusableIds(span.traceId, span.spanId);
  if (ids) return ids;
  if (span.startTimeUnixNano === 0n) return "missing startTimeUnixNano";
  if (span.endTimeUnixNano === 0n) return "missing endTimeUnixNano";
  if (span.endTimeUnixNano < span.startTimeUnixNano) {
    return `endTimeUnixNano ${span.endTimeUnixNano} is before startTimeUnixNano ${span.startTimeUnixNano}`;
  }
  return null;
}

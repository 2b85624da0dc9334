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

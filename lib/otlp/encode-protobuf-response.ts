/**
 * Encodes the protobuf ExportTraceServiceResponse of
 * opentelemetry.proto.collector.trace.v1:
 * `partial_success = 1 { int64 rejected_spans = 1; string error_message = 2; }`.
 */

const utf8 = new TextEncoder();

/**
 * Encodes the response. `null` (full success) gives the empty message. A partial
 * success writes only its non-default fields, as proto3 does.
 */
export function encodeExportTraceServiceResponse(
  partial: { rejectedSpans: number; errorMessage: string } | null,
): Uint8Array {
  if (partial === null) return new Uint8Array(0);
  const { rejectedSpans, errorMessage } = partial;
  if (!Number.isSafeInteger(rejectedSpans) || rejectedSpans < 0) {
    throw new RangeError(`rejectedSpans must be a non-negative integer, got ${rejectedSpans}`);
  }
  const inner: number[] = [];
  if (rejectedSpans > 0) {
    inner.push((1 << 3) | 0);
    pushVarint(inner, rejectedSpans);
  }
  if (errorMessage !== "") {
    const message = utf8.encode(errorMessage);
    inner.push((2 << 3) | 2);
    pushVarint(inner, message.length);
    for (const byte of message) inner.push(byte);
  }
  const outer: number[] = [(1 << 3) | 2];
  pushVarint(outer, inner.length);
  return Uint8Array.from([...outer, ...inner]);
}

function pushVarint(target: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    target.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  target.push(rest);
}

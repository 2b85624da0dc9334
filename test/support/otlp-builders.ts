/** Builders for OTLP/JSON trace requests used by the integration tests. */

export type JsonAttribute =
  | { key: string; value: { stringValue: string } }
  | { key: string; value: { intValue: string | number } }
  | { key: string; value: { doubleValue: number } }
  | { key: string; value: { boolValue: boolean } };

/** Turns a plain object into OTLP attributes: integers become intValue, other numbers doubleValue. */
export function attributes(values: Record<string, string | number | boolean>): JsonAttribute[] {
  return Object.entries(values).map(([key, value]) => {
    if (typeof value === "string") return { key, value: { stringValue: value } };
    if (typeof value === "boolean") return { key, value: { boolValue: value } };
    if (Number.isInteger(value)) return { key, value: { intValue: String(value) } };
    return { key, value: { doubleValue: value } };
  });
}

export interface JsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: JsonAttribute[];
  status?: { code?: number; message?: string };
}

export interface SpanSpec {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name?: string;
  /** Start as an ISO instant; the span lasts `durationMs`. */
  start: string;
  durationMs?: number;
  attributes?: Record<string, string | number | boolean>;
  statusCode?: number;
}

/** Converts an ISO instant to Unix nanoseconds as a decimal string, exactly. */
export function isoToNanos(iso: string): string {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`invalid instant ${iso}`);
  return (BigInt(millis) * 1_000_000n).toString();
}

export function jsonSpan(spec: SpanSpec): JsonSpan {
  const start = BigInt(isoToNanos(spec.start));
  const end = start + BigInt(spec.durationMs ?? 1000) * 1_000_000n;
  return {
    traceId: spec.traceId,
    spanId: spec.spanId,
    ...(spec.parentSpanId ? { parentSpanId: spec.parentSpanId } : {}),
    name: spec.name ?? "span",
    kind: 1,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    attributes: attributes(spec.attributes ?? {}),
    ...(spec.statusCode ? { status: { code: spec.statusCode } } : {}),
  };
}

/** Wraps spans into one ExportTraceServiceRequest with one resource and one scope. */
export function traceRequest(
  spans: JsonSpan[],
  options: { serviceName?: string; scopeName?: string; scopeVersion?: string } = {},
): object {
  return {
    resourceSpans: [
      {
        resource: { attributes: attributes({ "service.name": options.serviceName ?? "test-service" }) },
        scopeSpans: [
          {
            scope: { name: options.scopeName ?? "test-instrumentation", version: options.scopeVersion ?? "1.0.0" },
            spans,
          },
        ],
      },
    ],
  };
}

let counter = 0;

/** Returns a fresh random-looking trace id (32 hex digits). */
export function newTraceId(): string {
  counter += 1;
  return (Date.now().toString(16) + counter.toString(16).padStart(8, "0") + Math.random().toString(16).slice(2))
    .padEnd(32, "0")
    .slice(0, 32);
}

/** Returns a span id (16 hex digits) derived from a number, such as 1 → 0000000000000001. */
export function spanIdOf(index: number): string {
  return index.toString(16).padStart(16, "0");
}

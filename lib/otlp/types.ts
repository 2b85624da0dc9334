/**
 * Spans decoded from an OTLP ExportTraceServiceRequest, in a form that is the
 * same for the JSON and the protobuf encoding.
 */

/** int64 values are BigInt and doubles are numbers; bytes values stay bytes. */
export type AttributeValue =
  | string
  | boolean
  | bigint
  | number
  | Uint8Array
  | null
  | AttributeValue[]
  | { [key: string]: AttributeValue };

export type Attributes = Record<string, AttributeValue>;

export interface DecodedScope {
  name: string;
  version: string;
}

export interface DecodedSpan {
  /** Location in the request, such as `resourceSpans[0].scopeSpans[1].spans[4]`. */
  path: string;
  resource: Attributes;
  scope: DecodedScope;
  /** 32 lower-case hex digits. */
  traceId: string;
  /** 16 lower-case hex digits. */
  spanId: string;
  parentSpanId: string | null;
  name: string;
  /** SpanKind as in the proto enum: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  /** Status code as in the proto enum: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage: string;
}

/** A span the receiver rejects while accepting the rest of the request (OTLP partial success). */
export interface RejectedSpan {
  path: string;
  reason: string;
}

export interface DecodedRequest {
  spans: DecodedSpan[];
  rejected: RejectedSpan[];
}

/** A malformed request, answered 400; `field` is the path of the offending value. */
export class OtlpDecodeError extends Error {
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
    this.name = "OtlpDecodeError";
  }
}

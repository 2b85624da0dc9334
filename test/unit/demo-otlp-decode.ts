/**
 * Minimal decoder of OTLP ExportTraceServiceRequest protobuf bodies for the
 * demo traffic tests, written from the field numbers in opentelemetry-proto's
 * trace/v1/trace.proto and common/v1/common.proto. It reads only what the
 * tests check and is independent of the app's own decoder.
 */

export type DecodedValue = string | boolean | bigint | number | Uint8Array | DecodedValue[] | null;

export interface CapturedSpan {
  resource: Record<string, DecodedValue>;
  scopeName: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Record<string, DecodedValue>;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
}

interface Field {
  number: number;
  varint: bigint;
  bytes: Uint8Array;
}

function* readFields(buffer: Uint8Array): Generator<Field> {
  let offset = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buffer[offset];
      if (byte === undefined) throw new Error("truncated varint");
      offset += 1;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (offset < buffer.length) {
    const tag = Number(readVarint());
    const wireType = tag & 7;
    const number = tag >>> 3;
    if (wireType === 0) {
      yield { number, varint: readVarint(), bytes: new Uint8Array() };
    } else if (wireType === 1 || wireType === 5) {
      const size = wireType === 1 ? 8 : 4;
      yield { number, varint: 0n, bytes: buffer.subarray(offset, offset + size) };
      offset += size;
    } else if (wireType === 2) {
      const length = Number(readVarint());
      yield { number, varint: 0n, bytes: buffer.subarray(offset, offset + length) };
      offset += length;
    } else {
      throw new Error(`unsupported wire type ${wireType} for field ${number}`);
    }
  }
}

const text = new TextDecoder();

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

function readFixed64(bytes: Uint8Array): bigint {
  return Buffer.from(bytes).readBigUInt64LE(0);
}

function decodeAnyValue(buffer: Uint8Array): DecodedValue {
  for (const field of readFields(buffer)) {
    switch (field.number) {
      case 1:
        return text.decode(field.bytes);
      case 2:
        return field.varint !== 0n;
      case 3:
        return BigInt.asIntN(64, field.varint);
      case 4:
        return Buffer.from(field.bytes).readDoubleLE(0);
      case 5:
        return [...readFields(field.bytes)].map((item) => decodeAnyValue(item.bytes));
      case 7:
        return field.bytes;
    }
  }
  return null;
}

function decodeKeyValue(buffer: Uint8Array): [string, DecodedValue] {
  let key = "";
  let value: DecodedValue = null;
  for (const field of readFields(buffer)) {
    if (field.number === 1) key = text.decode(field.bytes);
    if (field.number === 2) value = decodeAnyValue(field.bytes);
  }
  return [key, value];
}

function decodeSpan(buffer: Uint8Array, resource: CapturedSpan["resource"], scopeName: string) {
  const span: CapturedSpan = {
    resource,
    scopeName,
    traceId: "",
    spanId: "",
    parentSpanId: "",
    name: "",
    kind: 0,
    startTimeUnixNano: 0n,
    endTimeUnixNano: 0n,
    attributes: {},
    statusCode: 0,
  };
  for (const field of readFields(buffer)) {
    if (field.number === 1) span.traceId = toHex(field.bytes);
    if (field.number === 2) span.spanId = toHex(field.bytes);
    if (field.number === 4) span.parentSpanId = toHex(field.bytes);
    if (field.number === 5) span.name = text.decode(field.bytes);
    if (field.number === 6) span.kind = Number(field.varint);
    if (field.number === 7) span.startTimeUnixNano = readFixed64(field.bytes);
    if (field.number === 8) span.endTimeUnixNano = readFixed64(field.bytes);
    if (field.number === 9) {
      const [key, value] = decodeKeyValue(field.bytes);
      span.attributes[key] = value;
    }
    if (field.number === 15) {
      for (const statusField of readFields(field.bytes)) {
        if (statusField.number === 3) span.statusCode = Number(statusField.varint);
      }
    }
  }
  return span;
}

/** Decodes every span of a protobuf ExportTraceServiceRequest. */
export function decodeTraceRequest(body: Uint8Array): CapturedSpan[] {
  const spans: CapturedSpan[] = [];
  for (const resourceSpans of readFields(body)) {
    if (resourceSpans.number !== 1) continue;
    const resource: CapturedSpan["resource"] = {};
    const scopeSpansList: Uint8Array[] = [];
    for (const field of readFields(resourceSpans.bytes)) {
      if (field.number === 1) {
        for (const attribute of readFields(field.bytes)) {
          if (attribute.number !== 1) continue;
          const [key, value] = decodeKeyValue(attribute.bytes);
          resource[key] = value;
        }
      }
      if (field.number === 2) scopeSpansList.push(field.bytes);
    }
    for (const scopeSpans of scopeSpansList) {
      let scopeName = "";
      for (const field of readFields(scopeSpans)) {
        if (field.number === 1) {
          for (const scopeField of readFields(field.bytes)) {
            if (scopeField.number === 1) scopeName = text.decode(scopeField.bytes);
          }
        }
        if (field.number === 2) spans.push(decodeSpan(field.bytes, resource, scopeName));
      }
    }
  }
  return spans;
}

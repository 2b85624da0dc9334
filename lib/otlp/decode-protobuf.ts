/**
 * Decodes a binary protobuf ExportTraceServiceRequest
 * (opentelemetry.proto.collector.trace.v1) into DecodedSpans.
 *
 * Field numbers follow opentelemetry-proto trace.proto and common.proto.
 * Unknown fields are skipped by wire type. A known field with the wrong wire
 * type, a truncated message or an id of the wrong length fails the request.
 */
import { decodeKeyValue, prefixErrorPath } from "./decode-protobuf-values";
import {
  ProtobufReader,
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
} from "./protobuf-reader";
import { describeUnusableSpan, isZeroId } from "./span-ids";
import {
  type Attributes,
  type DecodedRequest,
  type DecodedScope,
  type DecodedSpan,
} from "./types";

export { encodeExportTraceServiceResponse } from "./encode-protobuf-response";

const EMPTY_SCOPE: DecodedScope = { name: "", version: "" };

/**
 * Decodes the request bytes. Throws OtlpDecodeError naming the field path of
 * a malformed value. A span with a missing or all-zero trace or span id is
 * listed in `rejected` and the rest of the request is kept.
 */
export function decodeProtobufRequest(bytes: Uint8Array): DecodedRequest {
  const reader = new ProtobufReader(bytes);
  const result: DecodedRequest = { spans: [], rejected: [] };
  const end = bytes.length;
  let resourceIndex = 0;
  while (reader.pos < end) {
    const tag = reader.readVarint(end, "body");
    if (tag >>> 3 !== 1) {
      reader.skipField(tag & 7, end, "body");
      continue;
    }
    const path = `resourceSpans[${resourceIndex++}]`;
    let messageEnd: number;
    try {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, "");
      messageEnd = reader.readLengthDelimitedEnd(end, "");
    } catch (error) {
      throw prefixErrorPath(error, path);
    }
    decodeResourceSpans(reader, messageEnd, path, result);
  }
  return result;
}

function decodeResourceSpans(
  reader: ProtobufReader,
  end: number,
  path: string,
  result: DecodedRequest,
): void {
  let resource: Attributes = {};
  // Fields may arrive in any order, so the resource is read before any span is decoded.
  const scopeSpansRanges: number[] = [];
  try {
    while (reader.pos < end) {
      const tag = reader.readVarint(end, "");
      const field = tag >>> 3;
      if (field === 1) {
        reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".resource");
        const resourceEnd = reader.readLengthDelimitedEnd(end, ".resource");
        resource = { ...resource, ...decodeResource(reader, resourceEnd) };
      } else if (field === 2) {
        reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".scopeSpans");
        const scopeEnd = reader.readLengthDelimitedEnd(end, ".scopeSpans");
        scopeSpansRanges.push(reader.pos, scopeEnd);
        reader.pos = scopeEnd;
      } else {
        reader.skipField(tag & 7, end, "");
      }
    }
  } catch (error) {
    throw prefixErrorPath(error, path);
  }
  for (let i = 0; i < scopeSpansRanges.length; i += 2) {
    reader.pos = scopeSpansRanges[i] as number;
    const scopePath = `${path}.scopeSpans[${i / 2}]`;
    decodeScopeSpans(reader, scopeSpansRanges[i + 1] as number, scopePath, resource, result);
  }
  reader.pos = end;
}

function decodeResource(reader: ProtobufReader, end: number): Attributes {
  const attributes: Attributes = {};
  let index = 0;
  while (reader.pos < end) {
    const tag = reader.readVarint(end, ".resource");
    if (tag >>> 3 !== 1) {
      reader.skipField(tag & 7, end, ".resource");
      continue;
    }
    try {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, "");
      decodeKeyValue(reader, end, attributes);
    } catch (error) {
      throw prefixErrorPath(error, `.resource.attributes[${index}]`);
    }
    index++;
  }
  return attributes;
}

function decodeScopeSpans(
  reader: ProtobufReader,
  end: number,
  path: string,
  resource: Attributes,
  result: DecodedRequest,
): void {
  let scope = EMPTY_SCOPE;
  const spanRanges: number[] = [];
  try {
    while (reader.pos < end) {
      const tag = reader.readVarint(end, "");
      const field = tag >>> 3;
      if (field === 1) {
        reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".scope");
        scope = decodeScope(reader, reader.readLengthDelimitedEnd(end, ".scope"));
      } else if (field === 2) {
        reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".spans");
        const spanEnd = reader.readLengthDelimitedEnd(end, ".spans");
        spanRanges.push(reader.pos, spanEnd);
        reader.pos = spanEnd;
      } else {
        reader.skipField(tag & 7, end, "");
      }
    }
  } catch (error) {
    throw prefixErrorPath(error, path);
  }
  for (let i = 0; i < spanRanges.length; i += 2) {
    reader.pos = spanRanges[i] as number;
    const spanPath = `${path}.spans[${i / 2}]`;
    let span: DecodedSpan;
    try {
      span = decodeSpan(reader, spanRanges[i + 1] as number, spanPath, resource, scope);
    } catch (error) {
      throw prefixErrorPath(error, spanPath);
    }
    const unusable = describeUnusableSpan(span);
    if (unusable === null) result.spans.push(span);
    else result.rejected.push({ path: spanPath, reason: unusable });
  }
  reader.pos = end;
}

function decodeScope(reader: ProtobufReader, end: number): DecodedScope {
  let name = "";
  let version = "";
  while (reader.pos < end) {
    const tag = reader.readVarint(end, ".scope");
    const field = tag >>> 3;
    if (field === 1) {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".scope.name");
      name = reader.readString(end, ".scope.name");
    } else if (field === 2) {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".scope.version");
      version = reader.readString(end, ".scope.version");
    } else {
      reader.skipField(tag & 7, end, ".scope");
    }
  }
  return { name, version };
}

/** Decodes one Span. Its errors carry field paths relative to the span. */
function decodeSpan(
  reader: ProtobufReader,
  end: number,
  path: string,
  resource: Attributes,
  scope: DecodedScope,
): DecodedSpan {
  let traceId = "";
  let spanId = "";
  let parentSpanId: string | null = null;
  let name = "";
  let kind = 0;
  let startTimeUnixNano = 0n;
  let endTimeUnixNano = 0n;
  const attributes: Attributes = {};
  let attributeIndex = 0;
  let statusCode = 0;
  let statusMessage = "";

  while (reader.pos < end) {
    const tag = reader.readVarint(end, "");
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        traceId = reader.readId(wireType, end, 16, ".traceId");
        break;
      case 2:
        spanId = reader.readId(wireType, end, 8, ".spanId");
        break;
      case 4: {
        const parent = reader.readId(wireType, end, 8, ".parentSpanId");
        // An empty or all-zero parent id both mean a root span.
        parentSpanId = parent === "" || isZeroId(parent) ? null : parent;
        break;
      }
      case 5:
        reader.expectWireType(wireType, WIRE_LENGTH_DELIMITED, ".name");
        name = reader.readString(end, ".name");
        break;
      case 6:
        reader.expectWireType(wireType, WIRE_VARINT, ".kind");
        kind = reader.readVarint(end, ".kind");
        break;
      case 7:
        reader.expectWireType(wireType, WIRE_FIXED64, ".startTimeUnixNano");
        startTimeUnixNano = reader.readFixed64(end, ".startTimeUnixNano");
        break;
      case 8:
        reader.expectWireType(wireType, WIRE_FIXED64, ".endTimeUnixNano");
        endTimeUnixNano = reader.readFixed64(end, ".endTimeUnixNano");
        break;
      case 9:
        try {
          reader.expectWireType(wireType, WIRE_LENGTH_DELIMITED, "");
          decodeKeyValue(reader, end, attributes);
        } catch (error) {
          throw prefixErrorPath(error, `.attributes[${attributeIndex}]`);
        }
        attributeIndex++;
        break;
      case 15: {
        reader.expectWireType(wireType, WIRE_LENGTH_DELIMITED, ".status");
        const status = decodeStatus(reader, reader.readLengthDelimitedEnd(end, ".status"));
        statusCode = status.code;
        statusMessage = status.message;
        break;
      }
      case 16:
        reader.expectWireType(wireType, WIRE_FIXED32, ".flags");
        reader.skipField(wireType, end, ".flags");
        break;
      default:
        reader.skipField(wireType, end, "");
    }
  }

  return {
    path,
    resource,
    scope,
    traceId,
    spanId,
    parentSpanId,
    name,
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    attributes,
    statusCode,
    statusMessage,
  };
}

function decodeStatus(reader: ProtobufReader, end: number): { code: number; message: string } {
  let code = 0;
  let message = "";
  while (reader.pos < end) {
    const tag = reader.readVarint(end, ".status");
    const field = tag >>> 3;
    if (field === 2) {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".status.message");
      message = reader.readString(end, ".status.message");
    } else if (field === 3) {
      reader.expectWireType(tag & 7, WIRE_VARINT, ".status.code");
      code = reader.readVarint(end, ".status.code");
    } else {
      reader.skipField(tag & 7, end, ".status");
    }
  }
  return { code, message };
}

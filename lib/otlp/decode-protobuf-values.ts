/**
 * KeyValue and AnyValue decoding for the protobuf wire format
 * (opentelemetry.proto.common.v1).
 */
import {
  ProtobufReader,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
} from "./protobuf-reader";
import { setAttribute } from "./set-attribute";
import { OtlpDecodeError, type AttributeValue, type Attributes } from "./types";

/** Prefixes the field path of an OtlpDecodeError and returns other errors unchanged. */
export function prefixErrorPath(error: unknown, prefix: string): unknown {
  if (!(error instanceof OtlpDecodeError)) return error;
  return new OtlpDecodeError(prefix + error.field, error.detail);
}

/**
 * Reads one length-delimited KeyValue at the reader's position and stores it
 * in `target`, where a repeated key keeps its last value. Error paths are relative
 * to the KeyValue, so callers prefix them.
 */
export function decodeKeyValue(reader: ProtobufReader, end: number, target: Attributes): void {
  const messageEnd = reader.readLengthDelimitedEnd(end, "");
  let key = "";
  let value: AttributeValue = null;
  while (reader.pos < messageEnd) {
    const tag = reader.readVarint(messageEnd, "");
    const field = tag >>> 3;
    if (field === 1) {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".key");
      key = reader.readKey(messageEnd, ".key");
    } else if (field === 2) {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, ".value");
      const valueEnd = reader.readLengthDelimitedEnd(messageEnd, ".value");
      try {
        value = decodeAnyValue(reader, valueEnd);
      } catch (error) {
        throw prefixErrorPath(error, ".value");
      }
    } else {
      reader.skipField(tag & 7, messageEnd, "");
    }
  }
  setAttribute(target, key, value);
}

/** Decodes the AnyValue in `[reader.pos, end)`, or returns null for an empty one. */
function decodeAnyValue(reader: ProtobufReader, end: number): AttributeValue {
  let value: AttributeValue = null;
  while (reader.pos < end) {
    const tag = reader.readVarint(end, "");
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        reader.expectWireType(wireType, WIRE_LENGTH_DELIMITED, ".stringValue");
        value = reader.readString(end, ".stringValue");
        break;
      case 2:
        reader.expectWireType(wireType, WIRE_VARINT, ".boolValue");
        value = reader.readVarint(end, ".boolValue") !== 0;
        break;
      case 3:
        reader.expectWireType(wireType, WIRE_VARINT, ".intValue");
        value = reader.readInt64(end, ".intValue");
        break;
      case 4:
        reader.expectWireType(wireType, WIRE_FIXED64, ".doubleValue");
        value = reader.readDouble(end, ".doubleValue");
        break;
      case 5:
        reader.expectWireType(wireType, WIRE_LENGTH_DELIMITED, ".arrayValue");
        value = decodeArrayValue(reader, reader.readLengthDelimitedEnd(end, ".arrayValue"));
        break;
      case 6:
        reader.expectWireType(wireType, WIRE_LENGTH_DELIMITED, ".kvlistValue");
        value = decodeKeyValueList(reader, reader.readLengthDelimitedEnd(end, ".kvlistValue"));
        break;
      case 7:
        reader.expectWireType(wireType, WIRE_LENGTH_DELIMITED, ".bytesValue");
        value = reader.readBytes(end, ".bytesValue");
        break;
      default:
        reader.skipField(wireType, end, "");
    }
  }
  return value;
}

function decodeArrayValue(reader: ProtobufReader, end: number): AttributeValue[] {
  const values: AttributeValue[] = [];
  while (reader.pos < end) {
    const tag = reader.readVarint(end, ".arrayValue");
    if (tag >>> 3 !== 1) {
      reader.skipField(tag & 7, end, ".arrayValue");
      continue;
    }
    try {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, "");
      const itemEnd = reader.readLengthDelimitedEnd(end, "");
      values.push(decodeAnyValue(reader, itemEnd));
    } catch (error) {
      throw prefixErrorPath(error, `.arrayValue.values[${values.length}]`);
    }
  }
  return values;
}

function decodeKeyValueList(reader: ProtobufReader, end: number): Attributes {
  const values: Attributes = {};
  let index = 0;
  while (reader.pos < end) {
    const tag = reader.readVarint(end, ".kvlistValue");
    if (tag >>> 3 !== 1) {
      reader.skipField(tag & 7, end, ".kvlistValue");
      continue;
    }
    try {
      reader.expectWireType(tag & 7, WIRE_LENGTH_DELIMITED, "");
      decodeKeyValue(reader, end, values);
    } catch (error) {
      throw prefixErrorPath(error, `.kvlistValue.values[${index}]`);
    }
    index++;
  }
  return values;
}

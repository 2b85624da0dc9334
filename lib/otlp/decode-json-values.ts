/**
 * Scalar, AnyValue and attribute decoding for OTLP/JSON, following the proto3
 * JSON mapping as OTLP restricts it: int64 as a JSON number or decimal string,
 * bytes as base64, and both lowerCamelCase and original proto field names.
 */
import { setAttribute } from "./set-attribute";
import { OtlpDecodeError, type AttributeValue, type Attributes } from "./types";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const INTEGER_TEXT = /^-?\d+$/;
const DOUBLE_TEXT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BASE64_TEXT = /^[A-Za-z0-9+/_-]*={0,2}$/;

export type JsonObject = Record<string, unknown>;

/** Reads a field by its lowerCamelCase name, else by its proto name. A null counts as absent. */
export function readField(object: JsonObject, camelName: string, protoName?: string): unknown {
  const value = object[camelName];
  if (value !== undefined && value !== null) return value;
  if (protoName === undefined) return undefined;
  const fallback = object[protoName];
  return fallback === null ? undefined : fallback;
}

export function expectObject(value: unknown, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new OtlpDecodeError(path, `expected a JSON object, got ${describeJson(value)}`);
  }
  return value as JsonObject;
}

export function expectArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new OtlpDecodeError(path, `expected a JSON array, got ${describeJson(value)}`);
  }
  return value;
}

export function expectString(value: unknown, path: string): string {
  if (value === undefined) return "";
  if (typeof value !== "string") {
    throw new OtlpDecodeError(path, `expected a string, got ${describeJson(value)}`);
  }
  return value;
}

/** Decodes an int64 sent as a JSON integer or a decimal string. */
export function decodeInt64(value: unknown, path: string): bigint {
  const parsed = parseIntegerValue(value);
  if (parsed === null || parsed < INT64_MIN || parsed > INT64_MAX) {
    throw new OtlpDecodeError(
      path,
      `invalid int64 ${describeJson(value)}: ` +
        "expected an integer as a JSON number or decimal string",
    );
  }
  return parsed;
}

/** Decodes a fixed64 nanosecond time, which is 0 when absent. */
export function decodeUint64(value: unknown, path: string): bigint {
  if (value === undefined) return 0n;
  const parsed = parseIntegerValue(value);
  if (parsed === null || parsed < 0n || parsed > UINT64_MAX) {
    throw new OtlpDecodeError(
      path,
      `invalid uint64 ${describeJson(value)}: ` +
        "expected a non-negative integer as a JSON number or decimal string",
    );
  }
  return parsed;
}

/** Decodes an enum sent as its integer value or, as proto3 JSON allows, its name. */
export function decodeEnum(
  value: unknown,
  names: Readonly<Record<string, number>>,
  path: string,
): number {
  if (value === undefined) return 0;
  if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 2 ** 31) {
    return value;
  }
  if (typeof value === "string" && names[value] !== undefined) return names[value];
  throw new OtlpDecodeError(path, `invalid enum value ${describeJson(value)}: expected an integer`);
}

/** Decodes a list of KeyValue messages into attributes. A repeated key keeps its last value. */
export function decodeJsonAttributes(list: unknown, path: string): Attributes {
  const attributes: Attributes = {};
  const items = expectArray(list, path);
  for (let i = 0; i < items.length; i++) {
    const itemPath = `${path}[${i}]`;
    const item = expectObject(items[i], itemPath);
    if (item === undefined) continue;
    const key = item.key;
    if (typeof key !== "string") {
      throw new OtlpDecodeError(`${itemPath}.key`, `expected a string, got ${describeJson(key)}`);
    }
    setAttribute(attributes, key, decodeJsonAnyValue(item.value, `${itemPath}.value`));
  }
  return attributes;
}

/** Decodes an AnyValue, or returns null for an empty one. */
export function decodeJsonAnyValue(value: unknown, path: string): AttributeValue {
  const object = expectObject(value, path);
  if (object === undefined) return null;

  const stringValue = readField(object, "stringValue", "string_value");
  if (stringValue !== undefined) return expectString(stringValue, `${path}.stringValue`);

  const boolValue = readField(object, "boolValue", "bool_value");
  if (boolValue !== undefined) {
    if (typeof boolValue !== "boolean") {
      throw new OtlpDecodeError(
        `${path}.boolValue`,
        `expected true or false, got ${describeJson(boolValue)}`,
      );
    }
    return boolValue;
  }

  const intValue = readField(object, "intValue", "int_value");
  if (intValue !== undefined) return decodeInt64(intValue, `${path}.intValue`);

  const doubleValue = readField(object, "doubleValue", "double_value");
  if (doubleValue !== undefined) return decodeDouble(doubleValue, `${path}.doubleValue`);

  const arrayValue = readField(object, "arrayValue", "array_value");
  if (arrayValue !== undefined) {
    const arrayPath = `${path}.arrayValue`;
    const values = expectArray(expectObject(arrayValue, arrayPath)?.values, `${arrayPath}.values`);
    return values.map((item, i) => decodeJsonAnyValue(item, `${arrayPath}.values[${i}]`));
  }

  const kvlistValue = readField(object, "kvlistValue", "kvlist_value");
  if (kvlistValue !== undefined) {
    const listPath = `${path}.kvlistValue`;
    return decodeJsonAttributes(expectObject(kvlistValue, listPath)?.values, `${listPath}.values`);
  }

  const bytesValue = readField(object, "bytesValue", "bytes_value");
  if (bytesValue !== undefined) return decodeBase64(bytesValue, `${path}.bytesValue`);

  return null;
}

function decodeDouble(value: unknown, path: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    if (value === "NaN") return Number.NaN;
    if (value === "Infinity") return Number.POSITIVE_INFINITY;
    if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
    if (DOUBLE_TEXT.test(value)) return Number(value);
  }
  throw new OtlpDecodeError(path, `invalid double ${describeJson(value)}: expected a JSON number`);
}

function decodeBase64(value: unknown, path: string): Uint8Array {
  if (typeof value !== "string" || !BASE64_TEXT.test(value)) {
    throw new OtlpDecodeError(path, `invalid bytes ${describeJson(value)}: expected base64 text`);
  }
  return Uint8Array.from(Buffer.from(value, "base64"));
}

/** Parses an integer from a JSON number, BigInt literal or decimal string, else returns null. */
function parseIntegerValue(value: unknown): bigint | null {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") {
    // A double beyond 2^53 has already lost precision in JSON.parse, unlike parseOtlpJson output.
    return Number.isInteger(value) ? BigInt(value) : null;
  }
  if (typeof value === "string" && INTEGER_TEXT.test(value)) return BigInt(value);
  return null;
}

/** Describes a JSON value for an error message, cut to 60 characters. */
export function describeJson(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return value.toString();
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // JSON.stringify throws on a BigInt nested inside an object or array.
    text = Array.isArray(value) ? "an array" : "an object";
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Writes span attributes as JSON text. int64 values (BigInt) become exact
 * integer literals, so 9007199254740993 survives a round trip through a
 * parser that keeps big integers. Bytes become base64 strings.
 */
import type { AttributeValue, Attributes } from "@/lib/otlp/types";

/** NUL and unpaired UTF-16 surrogates, which PostgreSQL jsonb rejects. */
const JSONB_UNSAFE = new RegExp(
  "\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]",
  "g",
);

/** Formats `attributes` as a JSON object, leaving out the keys `exclude` matches. */
export function formatAttributesJson(
  attributes: Attributes,
  exclude: (key: string) => boolean,
): string {
  const members: string[] = [];
  for (const key of Object.keys(attributes)) {
    if (exclude(key)) continue;
    members.push(`${formatString(key)}:${formatValue(attributes[key] ?? null)}`);
  }
  return `{${members.join(",")}}`;
}

function formatValue(value: AttributeValue): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return formatString(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "number":
      // JSON has no NaN or Infinity, so they are written as strings, as proto3 JSON does.
      return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  }
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return JSON.stringify(bytes.toString("base64"));
  }
  if (Array.isArray(value)) return `[${value.map(formatValue).join(",")}]`;
  return formatAttributesJson(value, () => false);
}

/** Quotes a string, replacing characters that jsonb cannot store with U+FFFD. */
function formatString(value: string): string {
  return JSON.stringify(value.replace(JSONB_UNSAFE, "\ufffd"));
}

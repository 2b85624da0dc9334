/**
 * Typed reads of span attributes, which arrive with whatever value type the
 * emitter chose (an int, a double, a numeric string or a JSON string).
 */
import type { Attributes } from "@/lib/otlp/types";

/** Reads a string attribute, trimmed. Returns null when it is absent, empty or not a string. */
export function readString(attributes: Attributes, key: string): string | null {
  const value = attributes[key];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Returns the first non-empty string among `keys`, with the key it came from. */
export function readFirstString(
  attributes: Attributes,
  keys: readonly string[],
): { key: string; value: string } | null {
  for (const key of keys) {
    const value = readString(attributes, key);
    if (value !== null) return { key, value };
  }
  return null;
}

export function readBoolean(attributes: Attributes, key: string): boolean {
  const value = attributes[key];
  return value === true || value === "true";
}

/**
 * Reads a count (tokens, decisions): a non-negative integer no larger than
 * Number.MAX_SAFE_INTEGER, from an int, a whole double or a decimal string.
 * Returns null for anything else, so an invalid value stays only in the
 * stored attributes.
 */
export function toCount(value: unknown): number | null {
  if (typeof value === "bigint") {
    return value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
  }
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value >= 0 ? value : null;
  }
  if (typeof value === "string" && /^\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}

/** Returns the first valid count among `keys`. An invalid value falls through to the next key. */
export function readFirstCount(attributes: Attributes, keys: readonly string[]): number | null {
  for (const key of keys) {
    const count = toCount(attributes[key]);
    if (count !== null) return count;
  }
  return null;
}

/**
 * Reads an attribute that carries a JSON object, either as JSON text (Langfuse,
 * Vercel provider metadata) or as a kvlist value. Returns null when it is
 * absent or not an object.
 */
export function readJsonObject(
  attributes: Attributes,
  key: string,
): Record<string, unknown> | null {
  const value = attributes[key];
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      return isPlainObject(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isPlainObject(value) ? value : null;
}

/** Follows `path` through nested objects. Returns undefined when any step is missing. */
export function readPath(root: Record<string, unknown> | null, path: readonly string[]): unknown {
  let current: unknown = root;
  for (const step of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[step];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

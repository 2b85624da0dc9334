import { createHash } from "node:crypto";

/**
 * Serializes a JSON value with object keys sorted at every level, so equal
 * documents give the same text whatever order their keys were written in.
 */
export function toCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => toCanonicalJson(item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => compareKeys(a, b));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toCanonicalJson(item)}`).join(",")}}`;
}

/** Returns the SHA-256 hex digest of a document's canonical JSON. */
export function hashPolicyDocument(document: unknown): string {
  return createHash("sha256").update(toCanonicalJson(document)).digest("hex");
}

/** Orders object keys by UTF-16 code units, as `<` does, so the hash is stable across engines. */
function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

import type { z } from "zod";

import { ApiError } from "@/lib/http/api-error";

/** Reads the value at a zod issue path, for showing it next to the message. */
function readPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Validates input with a schema and throws a 400 ApiError naming the first
 * invalid field and its value, in the same words as a rejected request body.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || "(input)";
  const value = readPath(input, issue.path);
  // A rejected password is still a password: name the field, never echo it.
  const secret = /password|secret/i.test(String(issue.path.at(-1) ?? ""));
  let valueText = "missing";
  if (value !== undefined) valueText = secret ? "value not shown" : (JSON.stringify(value)?.slice(0, 100) ?? "");
  throw new ApiError(400, "invalid_request", `invalid ${field} (${valueText}): ${issue.message}`);
}

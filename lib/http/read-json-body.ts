import type { z } from "zod";

import { getEnv } from "@/lib/env";

import { ApiError } from "./api-error";

/**
 * Reads a JSON request body of at most API_MAX_BODY_BYTES and validates it.
 * Errors name the field and the rejected value, so a client can fix the call.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const limit = getEnv().API_MAX_BODY_BYTES;
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError(415, "unsupported_media_type", `unsupported Content-Type "${type || "(none)"}": send application/json`);
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    throw new ApiError(413, "payload_too_large", `request body exceeds the limit of ${limit} bytes`);
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw new ApiError(413, "payload_too_large", `request body exceeds the limit of ${limit} bytes`);
      }
      chunks.push(value);
    }
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks, total).toString("utf8"));
  } catch (error) {
    throw new ApiError(400, "invalid_json", `request body is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join(".") || "(body)";
    const value = issue.path.reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined),
      parsed,
    );
    // Values of secret fields are never echoed back, where a proxy might log them.
    const secret = /password|secret|token|key/i.test(field);
    let valueText = "missing";
    if (value !== undefined) valueText = secret ? "value hidden" : (JSON.stringify(value)?.slice(0, 100) ?? "");
    throw new ApiError(400, "invalid_request", `invalid ${field} (${valueText}): ${issue.message}`);
  }
  return result.data;
}

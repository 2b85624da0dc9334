/**
 * Browser calls that change data through the JSON API. The body goes as
 * application/json; the browser adds the Origin header the server's CSRF check
 * needs. Error responses become ApiRequestError, as for reads.
 */

import type { z } from "zod";

import { ApiRequestError, toApiRequestError } from "./fetch-api";

export type WriteMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/** Sends `body` (if any) with `method` and parses the JSON response with `schema`. */
export async function sendApiJson<T>(
  method: WriteMethod,
  url: string,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiRequestError(url, response.status, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown";
    const message = `${method} ${url} returned an unexpected body (${where})`;
    throw new ApiRequestError(response.status, "invalid_response", message);
  }
  return parsed.data;
}

/** Returns the message to show for a failed request: the server's message when it sent one. */
export function describeRequestError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return "Your session has ended. Sign in again.";
    if (error.status === 403) return `Not allowed: ${error.message}.`;
    return error.message;
  }
  return "The request failed: the server or the network did not respond. Try again.";
}

/** Maps validation problems to form fields, so each message shows next to its input. */

import type { z } from "zod";

import { ApiRequestError } from "./fetch-api";
import { describeRequestError } from "./send-api-json";

export type FieldErrors = Partial<Record<string, string>>;

/** Collects the first message per top-level field of a failed zod parse. */
export function collectFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Places a 400 response next to the field it names: the API words these as
 * "invalid <field> (<value>): <reason>". Other errors go to `form`.
 */
export function fieldErrorsOfResponse(error: unknown, fields: readonly string[]): FieldErrors {
  if (error instanceof ApiRequestError && error.status === 400) {
    const field = /^invalid ([\w.]+)/.exec(error.message)?.[1]?.split(".")[0];
    if (field && fields.includes(field)) return { [field]: error.message };
  }
  return { form: describeRequestError(error) };
}

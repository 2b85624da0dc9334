/**
 * The budget request body and its rules. Shared by the API, which enforces it,
 * and the budgets page, which shows the same messages next to each field.
 */

import { z } from "zod";

export const BUDGET_PERIODS = ["day", "week", "month", "quarter"] as const;

export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** Longest workflow name a budget accepts; ingest itself does not cap names. */
export const MAX_WORKFLOW_LENGTH = 500;

/**
 * Up to 18 whole digits and 12 decimals, the range of the numeric(30, 12)
 * column, so a valid amount never overflows in the database.
 */
const AMOUNT_PATTERN = /^\d{1,18}(\.\d{1,12})?$/;

/**
 * Tells whether a value names an IANA time zone such as Europe/Berlin or UTC.
 * Numeric offsets such as +01:00 are rejected: a budget period follows the
 * zone's daylight saving rules, which an offset lacks.
 */
export function isIanaTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const budgetAmountSchema = z
  .string()
  .trim()
  .regex(AMOUNT_PATTERN, "must be a decimal string such as 1500 or 1500.25, with at most 12 decimals")
  .refine((value) => /[1-9]/.test(value), "must be greater than 0");

export const budgetInputSchema = z.object({
  amountUsd: budgetAmountSchema,
  period: z.enum(BUDGET_PERIODS, "must be day, week, month or quarter"),
  timeZone: z
    .string()
    .trim()
    .refine(isIanaTimeZone, "must be an IANA time zone such as Europe/Berlin")
    // Zone names match case-insensitively; store the canonical spelling.
    .transform((value) => new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone),
});

export type BudgetInput = z.infer<typeof budgetInputSchema>;

export const workflowNameSchema = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_WORKFLOW_LENGTH, `must be at most ${MAX_WORKFLOW_LENGTH} characters`);

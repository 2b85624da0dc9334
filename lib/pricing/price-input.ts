/**
 * The custom price request body and its rules. Shared by the API, which
 * enforces them, and the pricing page, which shows the same messages next to
 * each field. Free of server imports so the browser bundle can use it.
 */
import { z } from "zod";

import { SERVICE_TIERS } from "./types";

/** Non-negative, up to 18 whole digits and 12 decimals: the precision of stored costs. */
const PRICE_PATTERN = /^\d{1,18}(\.\d{1,12})?$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const PRICE_MESSAGE = "must be a decimal string such as 3 or 0.075, with at most 12 decimals";

function isCalendarDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const daySchema = z.string().trim().refine(isCalendarDay, "must be a calendar day as YYYY-MM-DD");

/** Empty strings from a form mean "no value", like null. */
const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

const priceSchema = z.string().trim().regex(PRICE_PATTERN, PRICE_MESSAGE);
const optionalPriceSchema = z.preprocess(emptyToNull, priceSchema.nullable());

export const PRICE_FIELDS = [
  "inputPerMTok",
  "cacheReadPerMTok",
  "cacheWrite5mPerMTok",
  "cacheWrite1hPerMTok",
  "outputPerMTok",
  "longInputPerMTok",
  "longCacheReadPerMTok",
  "longCacheWrite5mPerMTok",
  "longCacheWrite1hPerMTok",
  "longOutputPerMTok",
] as const;

export const priceInputSchema = z
  .object({
    provider: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "must not be empty")
      .max(100, "must be at most 100 characters"),
    model: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "must not be empty")
      .max(300, "must be at most 300 characters"),
    serviceTier: z
      .enum(SERVICE_TIERS, "must be standard, batch, flex or priority")
      .default("standard"),
    region: z.preprocess(emptyToNull, z.enum(["global", "regional"]).nullable()).default(null),
    effectiveFrom: daySchema,
    effectiveTo: z.preprocess(emptyToNull, daySchema.nullable()).default(null),
    inputPerMTok: priceSchema,
    outputPerMTok: priceSchema,
    cacheReadPerMTok: optionalPriceSchema.default(null),
    cacheWrite5mPerMTok: optionalPriceSchema.default(null),
    cacheWrite1hPerMTok: optionalPriceSchema.default(null),
    longContextThresholdTokens: z
      .preprocess(
        (value) =>
          typeof value === "string" && value.trim() !== "" ? Number(value) : emptyToNull(value),
        z.number().int("must be a whole number of tokens").positive("must be above 0").nullable(),
      )
      .default(null),
    longInputPerMTok: optionalPriceSchema.default(null),
    longOutputPerMTok: optionalPriceSchema.default(null),
    longCacheReadPerMTok: optionalPriceSchema.default(null),
    longCacheWrite5mPerMTok: optionalPriceSchema.default(null),
    longCacheWrite1hPerMTok: optionalPriceSchema.default(null),
    regionalProfileMultiplier: optionalPriceSchema.default(null),
    source: z
      .string()
      .trim()
      .regex(/^https:\/\/\S+$/, "must be an https:// URL of the price page or contract")
      .max(2000, "must be at most 2000 characters"),
    /** Day the source was read; defaults to today (UTC) on the server. */
    sourceCheckedOn: z.preprocess(emptyToNull, daySchema.nullable()).default(null),
    verified: z.boolean().default(false),
    note: z
      .preprocess(emptyToNull, z.string().max(2000, "must be at most 2000 characters").nullable())
      .default(null),
  })
  .superRefine((input, context) => {
    if (input.effectiveTo !== null && input.effectiveTo <= input.effectiveFrom) {
      context.addIssue({
        code: "custom",
        path: ["effectiveTo"],
        message: `must be after effectiveFrom ${input.effectiveFrom}; it is exclusive`,
      });
    }
    const hasThreshold = input.longContextThresholdTokens !== null;
    for (const field of ["longInputPerMTok", "longOutputPerMTok"] as const) {
      if (hasThreshold && input[field] === null) {
        context.addIssue({
          code: "custom",
          path: [field],
          message: "is required with a long-context threshold",
        });
      }
    }
    if (!hasThreshold && (input.longInputPerMTok !== null || input.longOutputPerMTok !== null)) {
      context.addIssue({
        code: "custom",
        path: ["longContextThresholdTokens"],
        message: "is required with long-context prices",
      });
    }
  });

export type PriceInput = z.infer<typeof priceInputSchema>;

/** Reprice request: days in the organization's time zone, `to` exclusive. */
export const repriceInputSchema = z.object({
  from: daySchema,
  to: daySchema,
  provider: z.preprocess(emptyToNull, z.string().trim().min(1).nullable()).default(null),
  model: z.preprocess(emptyToNull, z.string().trim().min(1).nullable()).default(null),
});

export type RepriceInput = z.infer<typeof repriceInputSchema>;

/** Schemas of the prices API responses, checked in the browser like the other API responses. */
import { z } from "zod";

import { SERVICE_TIERS } from "@/lib/pricing/types";
import { decimalStringSchema } from "@/lib/ui/kpi-schemas";

export const pricingQueryKeys = {
  prices: ["prices"] as const,
  unpriced: ["prices", "unpriced"] as const,
};

const nullablePrice = decimalStringSchema.nullable();

export const priceListingSchema = z.object({
  id: z.string(),
  provider: z.string(),
  model: z.string(),
  serviceTier: z.enum(SERVICE_TIERS),
  region: z.enum(["global", "regional"]).optional(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  inputPerMTok: decimalStringSchema,
  outputPerMTok: decimalStringSchema,
  cacheReadPerMTok: nullablePrice,
  cacheWrite5mPerMTok: nullablePrice,
  cacheWrite1hPerMTok: nullablePrice,
  longContextThresholdTokens: z.number().nullable(),
  longInputPerMTok: nullablePrice,
  longOutputPerMTok: nullablePrice,
  longCacheReadPerMTok: nullablePrice,
  longCacheWrite5mPerMTok: nullablePrice,
  longCacheWrite1hPerMTok: nullablePrice,
  regionalProfileMultiplier: nullablePrice,
  source: z.string(),
  sourceCheckedOn: z.string(),
  verified: z.boolean(),
  note: z.string().nullable(),
  origin: z.enum(["builtin", "custom"]),
  overridesBuiltin: z.boolean(),
  state: z.enum(["in_force", "scheduled", "historical", "overridden"]),
});

export type PriceListingItem = z.infer<typeof priceListingSchema>;

export const priceListSchema = z.object({ prices: z.array(priceListingSchema) });
export const priceResponseSchema = z.object({ price: priceListingSchema.partial({
  origin: true,
  overridesBuiltin: true,
  state: true,
}) });

export const unpricedUsageSchema = z.object({
  provider: z.string().nullable(),
  model: z.string().nullable(),
  calls: z.number(),
  callsWithoutUsage: z.number(),
  inputTokens: z.string(),
  outputTokens: z.string(),
  firstSeenNs: z.string(),
  lastSeenNs: z.string(),
});

export type UnpricedUsageItem = z.infer<typeof unpricedUsageSchema>;

export const unpricedListSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  unpriced: z.array(unpricedUsageSchema),
});

export const repriceResponseSchema = z.object({
  reprice: z.object({
    from: z.string(),
    to: z.string(),
    spansExamined: z.number(),
    spansChanged: z.number(),
    newlyPriced: z.number(),
    newlyUnpriced: z.number(),
    runsRecomputed: z.number(),
    batches: z.number(),
  }),
});

export type RepriceSummary = z.infer<typeof repriceResponseSchema>["reprice"];

/** Values that prefill the price form: an unpriced model, or a row to edit. */
export interface PriceDraft {
  provider: string;
  model: string;
  row: PriceListingItem | null;
}

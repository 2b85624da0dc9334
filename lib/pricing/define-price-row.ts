/**
 * Builds complete price rows from the fields that differ between them.
 */
import type { PriceRow, RegionScope, ServiceTier } from "./types";

export interface PriceRowInput {
  provider: string;
  model: string;
  serviceTier?: ServiceTier;
  region?: RegionScope;
  effectiveFrom: string;
  effectiveTo?: string | null;
  inputPerMTok: string;
  outputPerMTok: string;
  cacheReadPerMTok?: string | null;
  cacheWrite5mPerMTok?: string | null;
  cacheWrite1hPerMTok?: string | null;
  longContextThresholdTokens?: number | null;
  longInputPerMTok?: string | null;
  longOutputPerMTok?: string | null;
  longCacheReadPerMTok?: string | null;
  longCacheWrite5mPerMTok?: string | null;
  longCacheWrite1hPerMTok?: string | null;
  regionalProfileMultiplier?: string | null;
  source: string;
  sourceCheckedOn: string;
  verified: boolean;
  note?: string | null;
}

/** Returns the row with absent optional prices set to null and its id derived from its key. */
export function definePriceRow(input: PriceRowInput): PriceRow {
  const serviceTier = input.serviceTier ?? "standard";
  const key = [input.provider, input.model, serviceTier, input.effectiveFrom];
  if (input.region) key.push(input.region);

  const row: PriceRow = {
    id: key.join(":"),
    provider: input.provider,
    model: input.model,
    serviceTier,
    effectiveFrom: input.effectiveFrom,
    effectiveTo: input.effectiveTo ?? null,
    currency: "USD",
    inputPerMTok: input.inputPerMTok,
    outputPerMTok: input.outputPerMTok,
    cacheReadPerMTok: input.cacheReadPerMTok ?? null,
    cacheWrite5mPerMTok: input.cacheWrite5mPerMTok ?? null,
    cacheWrite1hPerMTok: input.cacheWrite1hPerMTok ?? null,
    longContextThresholdTokens: input.longContextThresholdTokens ?? null,
    longInputPerMTok: input.longInputPerMTok ?? null,
    longOutputPerMTok: input.longOutputPerMTok ?? null,
    longCacheReadPerMTok: input.longCacheReadPerMTok ?? null,
    longCacheWrite5mPerMTok: input.longCacheWrite5mPerMTok ?? null,
    longCacheWrite1hPerMTok: input.longCacheWrite1hPerMTok ?? null,
    regionalProfileMultiplier: input.regionalProfileMultiplier ?? null,
    source: input.source,
    sourceCheckedOn: input.sourceCheckedOn,
    verified: input.verified,
    note: input.note ?? null,
  };
  if (input.region) row.region = input.region;
  return row;
}

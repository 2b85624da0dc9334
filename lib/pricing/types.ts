/**
 * Price book rows and the cost of one LLM call.
 *
 * Prices are decimal strings in USD per million tokens, so a row serializes to
 * JSON and to a database row without losing precision.
 */

export type ServiceTier = "standard" | "batch" | "flex" | "priority";

export const SERVICE_TIERS: readonly ServiceTier[] = ["standard", "batch", "flex", "priority"];

/** Kind of Bedrock cross-region inference profile: `global.` or a geography (`us.`, `eu.`). */
export type RegionScope = "global" | "regional";

/**
 * One dated price of one model from one provider at one service tier.
 * Flat on purpose: every field maps to one column of the price table.
 */
export interface PriceRow {
  /** `provider:model:tier:effectiveFrom`, plus `:region` when `region` is set. */
  id: string;
  /** OTel `gen_ai.provider.name` of the publisher of this price (`openai`, `aws.bedrock`). */
  provider: string;
  /** Lower-case model id without host prefixes, such as `claude-sonnet-4-5`. */
  model: string;
  serviceTier: ServiceTier;
  /** Set only when the price is specific to one kind of cross-region profile. */
  region?: RegionScope;
  /** First UTC day the price applies, `YYYY-MM-DD`, inclusive. */
  effectiveFrom: string;
  /** First UTC day the price no longer applies, exclusive; null while in force. */
  effectiveTo: string | null;
  currency: "USD";
  inputPerMTok: string;
  outputPerMTok: string;
  /** Null when the provider gives no cache-read discount: reads then cost the input price. */
  cacheReadPerMTok: string | null;
  cacheWrite5mPerMTok: string | null;
  cacheWrite1hPerMTok: string | null;
  /** Prompt size (uncached + cache read + cache write) above which long-context prices apply. */
  longContextThresholdTokens: number | null;
  longInputPerMTok: string | null;
  longOutputPerMTok: string | null;
  longCacheReadPerMTok: string | null;
  longCacheWrite5mPerMTok: string | null;
  longCacheWrite1hPerMTok: string | null;
  /**
   * Factor on every price when a call used a regional (not `global.`) Bedrock
   * cross-region profile, such as "1.1" for Claude 4.5-generation models.
   */
  regionalProfileMultiplier: string | null;
  /** URL of the provider's price page. */
  source: string;
  /** Day the source was last consulted, `YYYY-MM-DD`. */
  sourceCheckedOn: string;
  /** True only when every number in the row was read on the source page that day. */
  verified: boolean;
  /** Explanation of what was not confirmed, or why a date or price is uncertain. */
  note: string | null;
}

export type PriceBook = readonly PriceRow[];

export interface PriceQuery {
  /** OTel `gen_ai.provider.name` of the call; null when the span has none. */
  provider: string | null;
  model: string;
  /** Tier as reported (`default`, `standard`, `batch`, `flex`, `priority`); null means standard. */
  serviceTier: string | null;
  /** Start time of the call. */
  at: Date | string;
}

/** A matched row and the factor priceCall applies on top of its prices. */
export interface PriceMatch {
  row: PriceRow;
  /** Decimal string, "1" unless a regional cross-region profile raises the price. */
  multiplier: string;
  /** The candidate model id that matched, after prefixes and suffixes were removed. */
  matchedModel: string;
  regionScope: RegionScope | null;
}

export type UnpricedCode =
  | "model_missing"
  | "usage_missing"
  | "invalid_usage"
  | "negative_bucket"
  | "no_price"
  | "no_cache_write_1h_price";

export type CallCost =
  | {
      status: "priced";
      costUsd: string;
      currency: "USD";
      priceId: string;
      /** Factor applied to the row's prices, "1" unless a regional profile was used. */
      priceMultiplier: string;
    }
  | {
      status: "unpriced";
      costUsd: null;
      currency: "USD";
      priceId: null;
      code: UnpricedCode;
      reason: string;
    };

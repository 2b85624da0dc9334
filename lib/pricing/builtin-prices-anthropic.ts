/**
 * Anthropic list prices (Claude API). Bedrock and Vertex AI sell Claude at the
 * same list prices, so calls from those hosts match these rows too.
 */
import { definePriceRow, type PriceRowInput } from "./define-price-row";
import type { PriceRow } from "./types";

const PRICING_PAGE = "https://platform.claude.com/docs/en/docs/about-claude/pricing";
const BATCH_PAGE = "https://docs.anthropic.com/de/docs/build-with-claude/batch-processing";
const CHECKED_ON = "2026-12-04";

const REGIONAL_NOTE =
  "The Bedrock guide (stored copy) says regional and global endpoints exist from Sonnet 4.5 " +
  "on, but its sentence on the price difference was cut off; the 10 % regional premium " +
  "is not confirmed there.";
const BATCH_CACHE_NOTE =
  "Batch input and output confirmed on the batch page; batch cache rates are derived " +
  "(5m write 1.25x, 1h write 2x, read 0.1x the batch input), which assumes the discounts stack.";
const LONG_CONTEXT_NOTE =
  "Rates up to 200k prompt tokens confirmed on the pricing page; the long-context rates " +
  "(2x input, 1.5x output for the 1M-token context beta) are not in the stored copy.";

function anthropic(input: Omit<PriceRowInput, "provider" | "sourceCheckedOn">): PriceRow {
  return definePriceRow({ provider: "anthropic", sourceCheckedOn: CHECKED_ON, ...input });
}

const LONG_CONTEXT_SONNET = {
  longContextThresholdTokens: 200_000,
  longInputPerMTok: "6",
  longCacheWrite5mPerMTok: "7.5",
  longCacheWrite1hPerMTok: "12",
  longCacheReadPerMTok: "0.6",
  longOutputPerMTok: "22.5",
} as const;

/** Half of the standard long-context rates, as batch is half of standard. */
const LONG_CONTEXT_SONNET_BATCH = {
  longContextThresholdTokens: 200_000,
  longInputPerMTok: "3",
  longCacheWrite5mPerMTok: "3.75",
  longCacheWrite1hPerMTok: "6",
  longCacheReadPerMTok: "0.3",
  longOutputPerMTok: "11.25",
} as const;

export const ANTHROPIC_PRICES: PriceRow[] = [
  anthropic({
    model: "claude-opus-4-5",
    effectiveFrom: "2025-11-24",
    inputPerMTok: "5",
    cacheWrite5mPerMTok: "6.25",
    cacheWrite1hPerMTok: "10",
    cacheReadPerMTok: "0.5",
    outputPerMTok: "25",
    regionalProfileMultiplier: "1.1",
    source: PRICING_PAGE,
    verified: false,
    note: `Prices confirmed on the pricing page. ${REGIONAL_NOTE}`,
  }),
  anthropic({
    model: "claude-opus-4-1",
    effectiveFrom: "2025-08-05",
    inputPerMTok: "15",
    cacheWrite5mPerMTok: "18.75",
    cacheWrite1hPerMTok: "30",
    cacheReadPerMTok: "1.5",
    outputPerMTok: "75",
    source: PRICING_PAGE,
    verified: true,
  }),
  anthropic({
    model: "claude-opus-4-1",
    serviceTier: "batch",
    effectiveFrom: "2025-08-05",
    inputPerMTok: "7.5",
    cacheWrite5mPerMTok: "9.375",
    cacheWrite1hPerMTok: "15",
    cacheReadPerMTok: "0.75",
    outputPerMTok: "37.5",
    source: BATCH_PAGE,
    verified: false,
    note: BATCH_CACHE_NOTE,
  }),
  anthropic({
    model: "claude-sonnet-4-5",
    effectiveFrom: "2025-09-29",
    inputPerMTok: "3",
    cacheWrite5mPerMTok: "3.75",
    cacheWrite1hPerMTok: "6",
    cacheReadPerMTok: "0.3",
    outputPerMTok: "15",
    ...LONG_CONTEXT_SONNET,
    regionalProfileMultiplier: "1.1",
    source: PRICING_PAGE,
    verified: false,
    note: `${LONG_CONTEXT_NOTE} ${REGIONAL_NOTE}`,
  }),
  anthropic({
    model: "claude-sonnet-4-5",
    serviceTier: "batch",
    effectiveFrom: "2025-09-29",
    inputPerMTok: "1.5",
    cacheWrite5mPerMTok: "1.875",
    cacheWrite1hPerMTok: "3",
    cacheReadPerMTok: "0.15",
    outputPerMTok: "7.5",
    ...LONG_CONTEXT_SONNET_BATCH,
    regionalProfileMultiplier: "1.1",
    source: BATCH_PAGE,
    verified: false,
    note: `The stored batch page predates Sonnet 4.5, so rates are 50 % of standard. ${
      BATCH_CACHE_NOTE
    }`,
  }),
  anthropic({
    model: "claude-sonnet-4",
    effectiveFrom: "2025-05-22",
    inputPerMTok: "3",
    cacheWrite5mPerMTok: "3.75",
    cacheWrite1hPerMTok: "6",
    cacheReadPerMTok: "0.3",
    outputPerMTok: "15",
    ...LONG_CONTEXT_SONNET,
    source: PRICING_PAGE,
    verified: false,
    note: LONG_CONTEXT_NOTE,
  }),
  anthropic({
    model: "claude-haiku-4-5",
    effectiveFrom: "2025-10-15",
    inputPerMTok: "1",
    cacheWrite5mPerMTok: "1.25",
    cacheWrite1hPerMTok: "2",
    cacheReadPerMTok: "0.1",
    outputPerMTok: "5",
    regionalProfileMultiplier: "1.1",
    source: PRICING_PAGE,
    verified: false,
    note: `Prices confirmed on the pricing page. ${REGIONAL_NOTE}`,
  }),
  anthropic({
    model: "claude-haiku-4-5",
    serviceTier: "batch",
    effectiveFrom: "2025-10-15",
    inputPerMTok: "0.5",
    cacheWrite5mPerMTok: "0.625",
    cacheWrite1hPerMTok: "1",
    cacheReadPerMTok: "0.05",
    outputPerMTok: "2.5",
    regionalProfileMultiplier: "1.1",
    source: BATCH_PAGE,
    verified: false,
    note: `The stored batch page predates Haiku 4.5, so rates are 50 % of standard. ${
      BATCH_CACHE_NOTE
    }`,
  }),
  anthropic({
    model: "claude-3-5-haiku",
    effectiveFrom: "2024-11-04",
    inputPerMTok: "0.8",
    cacheWrite5mPerMTok: "1",
    cacheWrite1hPerMTok: "1.6",
    cacheReadPerMTok: "0.08",
    outputPerMTok: "4",
    source: PRICING_PAGE,
    verified: true,
    note: "effectiveFrom is the release day; a different launch price before it is not ruled out.",
  }),
  anthropic({
    model: "claude-3-5-haiku",
    serviceTier: "batch",
    effectiveFrom: "2024-11-04",
    inputPerMTok: "0.4",
    cacheWrite5mPerMTok: "0.5",
    cacheWrite1hPerMTok: "0.8",
    cacheReadPerMTok: "0.04",
    outputPerMTok: "2",
    source: BATCH_PAGE,
    verified: false,
    note: BATCH_CACHE_NOTE,
  }),
  // The alias row also prices the October 2024 snapshot (-20241022), sold at the same rates.
  anthropic({
    model: "claude-3-5-sonnet",
    effectiveFrom: "2024-06-20",
    inputPerMTok: "3",
    cacheWrite5mPerMTok: "3.75",
    cacheWrite1hPerMTok: "6",
    cacheReadPerMTok: "0.3",
    outputPerMTok: "15",
    source: PRICING_PAGE,
    verified: false,
    note: "Retired model, no longer on the stored pricing page; rates as Sonnet 4.",
  }),
  anthropic({
    model: "claude-3-5-sonnet-20240620",
    effectiveFrom: "2024-06-20",
    inputPerMTok: "3",
    cacheWrite5mPerMTok: "3.75",
    cacheWrite1hPerMTok: "6",
    cacheReadPerMTok: "0.3",
    outputPerMTok: "15",
    source: PRICING_PAGE,
    verified: false,
    note: "Retired model, no longer on the stored pricing page; rates as Sonnet 4.",
  }),
  anthropic({
    model: "claude-3-5-sonnet-20240620",
    serviceTier: "batch",
    effectiveFrom: "2024-06-20",
    inputPerMTok: "1.5",
    cacheWrite5mPerMTok: "1.875",
    cacheWrite1hPerMTok: "3",
    cacheReadPerMTok: "0.15",
    outputPerMTok: "7.5",
    source: BATCH_PAGE,
    verified: false,
    note: BATCH_CACHE_NOTE,
  }),
];

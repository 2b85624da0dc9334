/**
 * Gemini API (paid tier) list prices for text, image and video input. Vertex
 * AI lists the same prices for these models and matches through the
 * `gcp.gemini` / `gcp.vertex_ai` alias. Audio input costs more and is not
 * modelled.
 */
import { definePriceRow, type PriceRowInput } from "./define-price-row";
import type { PriceRow } from "./types";

const PRICING_PAGE = "https://ai.google.dev/gemini-api/docs/pricing";
const CHECKED_ON = "2026-12-04";
const BATCH_NOTE =
  "Batch is 50 % of standard, and cached reads are assumed not to be discounted further.";
const UNCONFIRMED =
  "No stored copy of the provider's page showed these numbers; list price as of late 2025. " +
  "Cache reads are at the 90 % implicit-caching discount; context-cache storage per hour " +
  "is not a token price and is not modelled.";

type GeminiRowInput = Omit<PriceRowInput, "provider" | "sourceCheckedOn" | "source" | "verified">;

function gemini(input: GeminiRowInput): PriceRow {
  return definePriceRow({
    provider: "gcp.gemini",
    sourceCheckedOn: CHECKED_ON,
    source: PRICING_PAGE,
    verified: false,
    note: UNCONFIRMED,
    ...input,
  });
}

export const GOOGLE_PRICES: PriceRow[] = [
  // Prompts above 200k tokens cost more for every token of the request.
  gemini({
    model: "gemini-2.5-pro",
    effectiveFrom: "2025-06-17",
    inputPerMTok: "1.25",
    cacheReadPerMTok: "0.125",
    outputPerMTok: "10",
    longContextThresholdTokens: 200_000,
    longInputPerMTok: "2.5",
    longCacheReadPerMTok: "0.25",
    longOutputPerMTok: "15",
  }),
  gemini({
    model: "gemini-2.5-pro",
    serviceTier: "batch",
    effectiveFrom: "2025-06-17",
    inputPerMTok: "0.625",
    cacheReadPerMTok: "0.125",
    outputPerMTok: "5",
    longContextThresholdTokens: 200_000,
    longInputPerMTok: "1.25",
    longCacheReadPerMTok: "0.25",
    longOutputPerMTok: "7.5",
    note: `${BATCH_NOTE} ${UNCONFIRMED}`,
  }),
  gemini({
    model: "gemini-2.5-flash",
    effectiveFrom: "2025-06-17",
    inputPerMTok: "0.3",
    cacheReadPerMTok: "0.03",
    outputPerMTok: "2.5",
  }),
  gemini({
    model: "gemini-2.5-flash",
    serviceTier: "batch",
    effectiveFrom: "2025-06-17",
    inputPerMTok: "0.15",
    cacheReadPerMTok: "0.03",
    outputPerMTok: "1.25",
    note: `${BATCH_NOTE} ${UNCONFIRMED}`,
  }),
  gemini({
    model: "gemini-2.5-flash-lite",
    effectiveFrom: "2025-07-22",
    inputPerMTok: "0.1",
    cacheReadPerMTok: "0.01",
    outputPerMTok: "0.4",
  }),
];

/**
 * OpenAI list prices. Azure OpenAI global deployments match these rows through
 * the reselling-host rule; Azure data-zone deployments cost more and need rows
 * of their own.
 */
import { definePriceRow, type PriceRowInput } from "./define-price-row";
import type { PriceRow, ServiceTier } from "./types";

const PRICING_PAGE = "https://developers.openai.com/api/docs/pricing";
const PRIORITY_PAGE = "https://openai.com/api-priority-processing/";
const MODEL_PAGE = "https://developers.openai.com/api/docs/models/";
const CHECKED_ON = "2026-12-04";

const UNCONFIRMED =
  "No stored copy of the provider's page showed these numbers; list price as of late 2025.";
const NO_BATCH_CACHE =
  "Batch cached-input rate unknown: cache reads are priced at the batch input rate. " +
  UNCONFIRMED;
const PRIORITY_NOTE =
  "Prices confirmed on the priority-processing page; effectiveFrom is the model's release day.";

type OpenAiRowInput = Omit<
  PriceRowInput,
  "provider" | "sourceCheckedOn" | "source" | "verified"
> & {
  source?: string;
  verified?: boolean;
};

function openai(input: OpenAiRowInput): PriceRow {
  return definePriceRow({
    provider: "openai",
    sourceCheckedOn: CHECKED_ON,
    source: PRICING_PAGE,
    verified: false,
    note: UNCONFIRMED,
    ...input,
  });
}

/** Standard, batch and flex rows of a GPT-5 model; batch and flex are half of standard. */
function gpt5Family(
  model: string,
  standard: [input: string, cached: string, output: string],
  halved: [input: string, cached: string, output: string],
  standardSource: { source: string; verified: boolean; note: string | null },
): PriceRow[] {
  const tiers: [ServiceTier, [string, string, string]][] = [
    ["batch", halved],
    ["flex", halved],
  ];
  return [
    openai({
      model,
      effectiveFrom: "2025-08-07",
      inputPerMTok: standard[0],
      cacheReadPerMTok: standard[1],
      outputPerMTok: standard[2],
      ...standardSource,
    }),
    ...tiers.map(([serviceTier, [input, cached, output]]) =>
      openai({
        model,
        serviceTier,
        effectiveFrom: "2025-08-07",
        inputPerMTok: input,
        cacheReadPerMTok: cached,
        outputPerMTok: output,
      }),
    ),
  ];
}

export const OPENAI_PRICES: PriceRow[] = [
  ...gpt5Family("gpt-5", ["1.25", "0.125", "10"], ["0.625", "0.0625", "5"], {
    source: PRICING_PAGE,
    verified: false,
    note: "Only the $1.25 input appeared (in comparison tables of the stored model pages).",
  }),
  ...gpt5Family("gpt-5-mini", ["0.25", "0.025", "2"], ["0.125", "0.0125", "1"], {
    source: "https://developers.openai.com/ko-KR/api/docs/models/gpt-5-mini",
    verified: true,
    note: null,
  }),
  ...gpt5Family("gpt-5-nano", ["0.05", "0.005", "0.4"], ["0.025", "0.0025", "0.2"], {
    source: `${MODEL_PAGE}gpt-5-nano`,
    verified: true,
    note: null,
  }),
  openai({
    model: "gpt-5",
    serviceTier: "priority",
    effectiveFrom: "2025-08-07",
    inputPerMTok: "2.5",
    cacheReadPerMTok: "0.25",
    outputPerMTok: "20",
    source: PRIORITY_PAGE,
    verified: true,
    note: PRIORITY_NOTE,
  }),
  openai({
    model: "gpt-5-mini",
    serviceTier: "priority",
    effectiveFrom: "2025-08-07",
    inputPerMTok: "0.45",
    cacheReadPerMTok: "0.045",
    outputPerMTok: "3.6",
    source: PRIORITY_PAGE,
    verified: true,
    note: PRIORITY_NOTE,
  }),
  openai({
    model: "gpt-4.1",
    effectiveFrom: "2025-04-14",
    inputPerMTok: "2",
    cacheReadPerMTok: "0.5",
    outputPerMTok: "8",
  }),
  openai({
    model: "gpt-4.1",
    serviceTier: "batch",
    effectiveFrom: "2025-04-14",
    inputPerMTok: "1",
    outputPerMTok: "4",
    note: NO_BATCH_CACHE,
  }),
  openai({
    model: "gpt-4.1",
    serviceTier: "priority",
    effectiveFrom: "2025-04-14",
    inputPerMTok: "3.5",
    cacheReadPerMTok: "0.875",
    outputPerMTok: "14",
    source: PRIORITY_PAGE,
    verified: true,
    note: PRIORITY_NOTE,
  }),
  openai({
    model: "gpt-4.1-mini",
    effectiveFrom: "2025-04-14",
    inputPerMTok: "0.4",
    cacheReadPerMTok: "0.1",
    outputPerMTok: "1.6",
  }),
  openai({
    model: "gpt-4.1-mini",
    serviceTier: "batch",
    effectiveFrom: "2025-04-14",
    inputPerMTok: "0.2",
    outputPerMTok: "0.8",
    note: NO_BATCH_CACHE,
  }),
  // The gpt-4o alias served gpt-4o-2024-05-13 until it moved to the cheaper
  // gpt-4o-2024-08-06 on 2024-10-02, the day after prompt caching launched.
  openai({
    model: "gpt-4o",
    effectiveFrom: "2024-05-13",
    effectiveTo: "2024-10-02",
    inputPerMTok: "5",
    outputPerMTok: "15",
  }),
  openai({
    model: "gpt-4o",
    effectiveFrom: "2024-10-02",
    inputPerMTok: "2.5",
    cacheReadPerMTok: "1.25",
    outputPerMTok: "10",
  }),
  openai({
    model: "gpt-4o",
    serviceTier: "batch",
    effectiveFrom: "2024-10-02",
    inputPerMTok: "1.25",
    outputPerMTok: "5",
    note: NO_BATCH_CACHE,
  }),
  openai({
    model: "gpt-4o-2024-05-13",
    effectiveFrom: "2024-05-13",
    inputPerMTok: "5",
    outputPerMTok: "15",
    note: `No caching discount for this snapshot. ${UNCONFIRMED}`,
  }),
  openai({
    model: "gpt-4o-2024-05-13",
    serviceTier: "batch",
    effectiveFrom: "2024-05-13",
    inputPerMTok: "2.5",
    outputPerMTok: "7.5",
  }),
  openai({
    model: "gpt-4o-mini",
    effectiveFrom: "2024-07-18",
    inputPerMTok: "0.15",
    cacheReadPerMTok: "0.075",
    outputPerMTok: "0.6",
  }),
  openai({
    model: "gpt-4o-mini",
    serviceTier: "batch",
    effectiveFrom: "2024-07-18",
    inputPerMTok: "0.075",
    outputPerMTok: "0.3",
    note: NO_BATCH_CACHE,
  }),
  // o3 launched at $10 / $40 and was cut by 80 % on 2025-06-10.
  openai({
    model: "o3",
    effectiveFrom: "2025-04-16",
    effectiveTo: "2025-06-10",
    inputPerMTok: "10",
    cacheReadPerMTok: "2.5",
    outputPerMTok: "40",
  }),
  openai({
    model: "o3",
    effectiveFrom: "2025-06-10",
    inputPerMTok: "2",
    cacheReadPerMTok: "0.5",
    outputPerMTok: "8",
  }),
  openai({
    model: "o3",
    serviceTier: "batch",
    effectiveFrom: "2025-06-10",
    inputPerMTok: "1",
    outputPerMTok: "4",
    note: NO_BATCH_CACHE,
  }),
  openai({
    model: "o3",
    serviceTier: "flex",
    effectiveFrom: "2025-06-10",
    inputPerMTok: "1",
    cacheReadPerMTok: "0.25",
    outputPerMTok: "4",
  }),
  openai({
    model: "o4-mini",
    effectiveFrom: "2025-04-16",
    inputPerMTok: "1.1",
    cacheReadPerMTok: "0.275",
    outputPerMTok: "4.4",
  }),
  openai({
    model: "o4-mini",
    serviceTier: "batch",
    effectiveFrom: "2025-04-16",
    inputPerMTok: "0.55",
    outputPerMTok: "2.2",
    note: NO_BATCH_CACHE,
  }),
  openai({
    model: "o4-mini",
    serviceTier: "flex",
    effectiveFrom: "2025-04-16",
    inputPerMTok: "0.55",
    cacheReadPerMTok: "0.1375",
    outputPerMTok: "2.2",
  }),
  openai({
    model: "text-embedding-3-small",
    effectiveFrom: "2024-01-25",
    inputPerMTok: "0.02",
    outputPerMTok: "0",
  }),
  openai({
    model: "text-embedding-3-small",
    serviceTier: "batch",
    effectiveFrom: "2024-01-25",
    inputPerMTok: "0.01",
    outputPerMTok: "0",
  }),
  openai({
    model: "text-embedding-3-large",
    effectiveFrom: "2024-01-25",
    inputPerMTok: "0.13",
    outputPerMTok: "0",
    source: `${MODEL_PAGE}text-embedding-3-large`,
    verified: true,
    note: "Embeddings have no output tokens.",
  }),
  openai({
    model: "text-embedding-3-large",
    serviceTier: "batch",
    effectiveFrom: "2024-01-25",
    inputPerMTok: "0.065",
    outputPerMTok: "0",
  }),
];

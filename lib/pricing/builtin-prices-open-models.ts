/**
 * Mistral's own API, and Meta Llama and Microsoft Phi models at the list
 * prices of the hosts that serve them: Amazon Bedrock (us-east-1, on demand),
 * Groq, and Azure AI Foundry (serverless, global).
 */
import { definePriceRow, type PriceRowInput } from "./define-price-row";
import type { PriceRow } from "./types";

const CHECKED_ON = "2026-12-04";
const UNCONFIRMED =
  "No stored copy of the provider's page showed these numbers; list price as of late 2025.";

type RowInput = Omit<PriceRowInput, "sourceCheckedOn" | "verified">;

function unconfirmed(input: RowInput): PriceRow {
  return definePriceRow({
    sourceCheckedOn: CHECKED_ON,
    verified: false,
    note: UNCONFIRMED,
    ...input,
  });
}

const MISTRAL_PAGE = "https://mistral.ai/pricing";

/** Mistral lists `-latest` aliases; look-up strips `-latest`, so rows use the bare name. */
const MISTRAL_PRICES: PriceRow[] = [
  unconfirmed({
    provider: "mistral_ai",
    model: "mistral-large",
    effectiveFrom: "2024-11-18",
    inputPerMTok: "2",
    outputPerMTok: "6",
    source: MISTRAL_PAGE,
    note: `Mistral Large 24.11. ${UNCONFIRMED}`,
  }),
  unconfirmed({
    provider: "mistral_ai",
    model: "mistral-medium",
    effectiveFrom: "2025-05-07",
    inputPerMTok: "0.4",
    outputPerMTok: "2",
    source: MISTRAL_PAGE,
    note: `Mistral Medium 3. ${UNCONFIRMED}`,
  }),
  unconfirmed({
    provider: "mistral_ai",
    model: "mistral-small",
    effectiveFrom: "2025-06-20",
    inputPerMTok: "0.1",
    outputPerMTok: "0.3",
    source: MISTRAL_PAGE,
    note: `Mistral Small 3.2. ${UNCONFIRMED}`,
  }),
  unconfirmed({
    provider: "mistral_ai",
    model: "codestral",
    effectiveFrom: "2025-01-13",
    inputPerMTok: "0.3",
    outputPerMTok: "0.9",
    source: MISTRAL_PAGE,
  }),
];

const BEDROCK_PAGE = "https://aws.amazon.com/bedrock/pricing/";
const GROQ_PAGE = "https://groq.com/pricing";

/** Bedrock ids such as `us.meta.llama3-3-70b-instruct-v1:0` reduce to these names. */
const LLAMA_PRICES: PriceRow[] = [
  unconfirmed({
    provider: "aws.bedrock",
    model: "llama3-3-70b-instruct",
    effectiveFrom: "2024-12-19",
    inputPerMTok: "0.72",
    outputPerMTok: "0.72",
    source: BEDROCK_PAGE,
  }),
  unconfirmed({
    provider: "aws.bedrock",
    model: "llama3-1-8b-instruct",
    effectiveFrom: "2024-07-23",
    inputPerMTok: "0.22",
    outputPerMTok: "0.22",
    source: BEDROCK_PAGE,
  }),
  unconfirmed({
    provider: "aws.bedrock",
    model: "llama4-maverick-17b-instruct",
    effectiveFrom: "2025-04-28",
    inputPerMTok: "0.24",
    outputPerMTok: "0.97",
    source: BEDROCK_PAGE,
  }),
  unconfirmed({
    provider: "groq",
    model: "llama-3.3-70b-versatile",
    effectiveFrom: "2024-12-06",
    inputPerMTok: "0.59",
    outputPerMTok: "0.79",
    source: GROQ_PAGE,
  }),
  unconfirmed({
    provider: "groq",
    model: "llama-3.1-8b-instant",
    effectiveFrom: "2024-07-23",
    inputPerMTok: "0.05",
    outputPerMTok: "0.08",
    source: GROQ_PAGE,
  }),
];

const AZURE_PHI_PAGE = "https://azure.microsoft.com/en-us/pricing/details/phi-3/";

const PHI_PRICES: PriceRow[] = [
  unconfirmed({
    provider: "azure.ai.inference",
    model: "phi-4",
    effectiveFrom: "2025-01-08",
    inputPerMTok: "0.125",
    outputPerMTok: "0.5",
    source: AZURE_PHI_PAGE,
    note: `Page URL and prices from memory, not opened. ${UNCONFIRMED}`,
  }),
  unconfirmed({
    provider: "azure.ai.inference",
    model: "phi-4-mini-instruct",
    effectiveFrom: "2025-02-26",
    inputPerMTok: "0.075",
    outputPerMTok: "0.3",
    source: AZURE_PHI_PAGE,
    note: `Page URL and prices from memory, not opened. ${UNCONFIRMED}`,
  }),
];

export const OPEN_MODEL_PRICES: PriceRow[] = [...MISTRAL_PRICES, ...LLAMA_PRICES, ...PHI_PRICES];

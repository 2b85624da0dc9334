/**
 * Eligibility and preference order of price rows for a call's provider.
 */

/**
 * Cloud hosts that resell other vendors' models at (by default) the vendor's
 * list price: Claude on Bedrock and Vertex AI, OpenAI models on Azure.
 */
const RESELLING_HOSTS = new Set([
  "aws.bedrock",
  "azure.ai.inference",
  "azure.ai.openai",
  "gcp.vertex_ai",
]);

/** Provider names that publish the same prices under two OTel names. */
const ALIASES: Record<string, readonly string[]> = {
  "gcp.gemini": ["gcp.vertex_ai"],
  "gcp.vertex_ai": ["gcp.gemini"],
  "azure.ai.openai": ["azure.ai.inference"],
  "azure.ai.inference": ["azure.ai.openai"],
};

/**
 * Model makers with no price list of their own in the book. A span that names
 * them identifies who trained the model, not who served it.
 */
const MAKERS_WITHOUT_PRICES = new Set(["meta", "microsoft"]);

/**
 * Ranks a row's provider for a call's provider; lower is better, null means
 * the row must not be used.
 *
 * 0: same provider. 1: an alias (`gcp.gemini` and `gcp.vertex_ai`, the two
 * Azure names). 2: any provider, when the call's provider is unknown, a model
 * maker without prices, or a reselling host, whose own rows rank 0 when present.
 * A call from a vendor such as `openai` never uses another vendor's rows.
 */
export function rankProvider(queryProvider: string | null, rowProvider: string): number | null {
  const query = queryProvider?.trim().toLowerCase() || null;
  if (query === rowProvider) return 0;
  if (query && ALIASES[query]?.includes(rowProvider)) return 1;
  if (query === null || MAKERS_WITHOUT_PRICES.has(query) || RESELLING_HOSTS.has(query)) return 2;
  return null;
}

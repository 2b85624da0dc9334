/**
 * Matching spans' providers and models to bills'. Spans name the model as the
 * API reports it (`gpt-4o-mini-2024-07-18`,
 * `anthropic.claude-3-5-sonnet-20240620-v1:0`); bills name it their own way
 * (`gpt-4o-mini-2024-07-18, input`, the Bedrock usage type label
 * `claude3.5sonnet`, the Azure meter `gpt-4o-mini-0718`).
 */
import { listModelCandidates } from "@/lib/pricing/model-candidates";

/**
 * Model providers grouped by who sells the model: both Azure names are one
 * Azure AI bill, and Google's three names are one Google Cloud bill.
 */
const PROVIDER_GROUPS: Readonly<Record<string, string>> = {
  "azure.ai.openai": "azure.ai",
  "azure.ai.inference": "azure.ai",
  "gcp.gemini": "gcp.gen_ai",
  "gcp.vertex_ai": "gcp.gen_ai",
  "gcp.gen_ai": "gcp.gen_ai",
};

/** Group of a span's provider or a bill line's model provider; `unknown` for none. */
export function groupProvider(provider: string | null): string {
  const name = provider?.trim().toLowerCase() ?? "";
  if (name === "") return "unknown";
  return PROVIDER_GROUPS[name] ?? name;
}

/** Azure meters end a model name in the snapshot's month and day, as in `gpt-4o-mini-0718`. */
const MONTH_DAY_SUFFIX = /-(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/**
 * Reduces a model id to the key cells are grouped by: lower case, without
 * host prefixes, vendor prefixes, version and date suffixes (the last of
 * listModelCandidates), and without an Azure month-day suffix. Null for none.
 */
export function toModelKey(model: string | null): string | null {
  if (model === null || model.trim() === "") return null;
  const { candidates } = listModelCandidates(model);
  const key = candidates[candidates.length - 1] ?? model.trim().toLowerCase();
  return key.replace(MONTH_DAY_SUFFIX, "");
}

function compact(key: string): string {
  return key.replace(/[^a-z0-9]/g, "");
}

function sortedTokens(key: string): string {
  return (key.match(/[a-z]+|\d+/g) ?? []).sort().join(" ");
}

/**
 * Finds the bill's model key for a span's model key among the keys billed
 * for the same provider group: the same key; else the only key equal once
 * punctuation is dropped (`claude-3-5-sonnet` and `claude3.5sonnet`); else
 * the only key with the same words and numbers in another order
 * (`claude-sonnet-4` and `claude4sonnet`). Returns null when none or several fit.
 */
export function matchBilledModel(spanKey: string, billedKeys: ReadonlySet<string>): string | null {
  if (billedKeys.has(spanKey)) return spanKey;
  const rules = [compact, sortedTokens];
  for (const rule of rules) {
    const target = rule(spanKey);
    const found = [...billedKeys].filter((key) => rule(key) === target);
    if (found.length === 1) return found[0]!;
  }
  return null;
}

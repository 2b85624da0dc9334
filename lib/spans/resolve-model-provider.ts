/**
 * Model id and provider of a span, read by attribute precedence across the
 * GenAI dialects, with the provider normalized to OTel `gen_ai.provider.name`
 * values (`openai`, `anthropic`, `gcp.gemini`, `aws.bedrock`, ...).
 */
import type { Attributes } from "@/lib/otlp/types";

import { readFirstString, readString } from "./read-attributes";

const MODEL_KEYS = [
  "gen_ai.response.model",
  "llm.response.model_name",
  "llm.model_name",
  "ai.response.model",
  "gen_ai.request.model",
  "llm.request.model_name",
  "ai.model.id",
  "embedding.model_name",
  "langfuse.observation.model.name",
  "llm.request.model",
] as const;

const PROVIDER_KEYS = [
  "gen_ai.provider.name",
  "gen_ai.system",
  "llm.provider",
  "llm.system",
  "ai.model.provider",
  "llm.vendor",
] as const;

/** OTel provider values that contain a dot and are kept whole. */
const DOTTED_PROVIDERS = new Set([
  "azure.ai.openai",
  "azure.ai.inference",
  "gcp.gemini",
  "gcp.vertex_ai",
  "gcp.gen_ai",
  "aws.bedrock",
]);

/**
 * Older or vendor-specific provider names mapped to OTel values: the legacy
 * semconv names, OpenInference's `llm.provider`/`llm.system` values and the
 * Vercel AI SDK provider ids (`google.generative-ai`, `amazon-bedrock`).
 */
const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  "az.ai.openai": "azure.ai.openai",
  "az.ai.inference": "azure.ai.inference",
  vertex_ai: "gcp.vertex_ai",
  vertexai: "gcp.vertex_ai",
  "google.vertex": "gcp.vertex_ai",
  gemini: "gcp.gemini",
  google: "gcp.gemini",
  "google.generative-ai": "gcp.gemini",
  xai: "x_ai",
  mistral: "mistral_ai",
  mistralai: "mistral_ai",
  "amazon-bedrock": "aws.bedrock",
  bedrock: "aws.bedrock",
  aws: "aws.bedrock",
  azure: "azure.ai.openai",
};

const HOST_PROVIDERS: ReadonlyArray<[RegExp, string]> = [
  [/^api\.openai\.com$/, "openai"],
  [/(^|\.)anthropic\.com$/, "anthropic"],
  [/^generativelanguage\.googleapis\.com$/, "gcp.gemini"],
  [/(^|\.)aiplatform\.googleapis\.com$/, "gcp.vertex_ai"],
  [/\.openai\.azure\.com$/, "azure.ai.openai"],
  [/^bedrock-runtime\./, "aws.bedrock"],
  [/^api\.mistral\.ai$/, "mistral_ai"],
  [/^api\.x\.ai$/, "x_ai"],
  [/^api\.deepseek\.com$/, "deepseek"],
  [/^api\.groq\.com$/, "groq"],
];

const MODEL_PREFIX_PROVIDERS: ReadonlyArray<[RegExp, string]> = [
  [/^(gpt-|chatgpt-|o1($|-)|o3($|-)|o4($|-)|text-embedding)/, "openai"],
  [/^claude/, "anthropic"],
  [/^gemini/, "gcp.gemini"],
  [/^(mistral|codestral|ministral)/, "mistral_ai"],
  [/^llama/, "meta"],
  [/^phi/, "microsoft"],
];

export function resolveModel(attributes: Attributes): string | null {
  return readFirstString(attributes, MODEL_KEYS)?.value ?? null;
}

/**
 * The provider from the provider attributes, else from `server.address`, else
 * from the model id prefix (Langfuse spans carry no provider).
 */
export function resolveProvider(attributes: Attributes, model: string | null): string | null {
  const declared = readFirstString(attributes, PROVIDER_KEYS);
  if (declared !== null) return normalizeProviderName(declared.value);
  const host = readString(attributes, "server.address")?.toLowerCase();
  if (host !== undefined) {
    for (const [pattern, provider] of HOST_PROVIDERS) if (pattern.test(host)) return provider;
  }
  return model === null ? null : providerFromModel(model);
}

/**
 * Lower-cases a provider value and maps aliases. A dotted value that is not an
 * OTel name keeps the part before the first dot, because the Vercel AI SDK
 * sends `openai.chat` or `anthropic.messages`, even in `gen_ai.system`.
 */
export function normalizeProviderName(value: string): string {
  const name = value.trim().toLowerCase();
  const alias = PROVIDER_ALIASES[name];
  if (alias !== undefined) return alias;
  if (DOTTED_PROVIDERS.has(name)) return name;
  if (name.startsWith("google.vertex")) return "gcp.vertex_ai";
  const dot = name.indexOf(".");
  if (dot <= 0) return name;
  const head = name.slice(0, dot);
  return PROVIDER_ALIASES[head] ?? head;
}

function providerFromModel(model: string): string | null {
  // Ids such as `models/gemini-2.5-flash` or `openai/gpt-4o` name the model last.
  const id = model.toLowerCase().split("/").pop() ?? "";
  for (const [pattern, provider] of MODEL_PREFIX_PROVIDERS) if (pattern.test(id)) return provider;
  return null;
}

/**
 * Recognizers for AI model charges in cloud bills: Amazon Bedrock usage types,
 * Azure OpenAI and Foundry meter names, and Vertex AI SKU descriptions. Each
 * is a table of patterns, so a new naming form is one more row.
 *
 * Model labels are the bill's own (`claude3.5sonnet`, `gpt-4o-mini-0718`,
 * `gemini-2.5-flash`), lower-cased with spaces turned into hyphens. Mapping
 * them to API model ids is left to the pricing layer.
 */
import type { TokenDirection } from "./types";

export interface AiRecognition {
  modelProvider: string;
  model: string | null;
  tokenDirection: TokenDirection | null;
  serviceTier: string | null;
  inferenceRoute: string | null;
}

type BaseDirection = "input" | "output" | "cache_read" | "cache_write" | "other";

/** Turns input and output into their batch directions; cache and other stay as they are. */
export function applyBatchTier(direction: BaseDirection, batch: boolean): TokenDirection {
  if (!batch) return direction;
  if (direction === "input") return "batch_input";
  if (direction === "output") return "batch_output";
  return direction;
}

function toModelLabel(text: string): string {
  return text.trim().replace(/\s+/g, "-").toLowerCase();
}

// Amazon Bedrock ------------------------------------------------------------

/**
 * Token types in Bedrock usage types, as the Bedrock user guide page
 * "Understanding your Amazon Bedrock Cost and Usage Report data" lists them.
 * Cache patterns come first because they also contain "input-token".
 */
const BEDROCK_TOKEN_TYPES: Array<{ pattern: RegExp; direction: BaseDirection }> = [
  { pattern: /-cache-read-input-token-count/i, direction: "cache_read" },
  { pattern: /-cache-write-input-token-count/i, direction: "cache_write" },
  { pattern: /-(?:mantle-)?input-tokens?/i, direction: "input" },
  { pattern: /-(?:mantle-)?output-tokens?/i, direction: "output" },
];
/** Region prefix of a usage type: `USE1-`, `USW2-`, `EUC1-`, `APN1-`, `EU-`. */
const BEDROCK_REGION_PREFIX = /^[A-Z]{2,4}\d{0,2}-/;
const BEDROCK_QUALIFIERS: Array<{ pattern: RegExp; tier?: string; route?: string }> = [
  { pattern: /(?:^|-)batch(?:-|$)/i, tier: "batch" },
  { pattern: /(?:^|-)flex(?:-|$)/i, tier: "flex" },
  { pattern: /(?:^|-)priority(?:-|$)/i, tier: "priority" },
  { pattern: /(?:^|-)reserved(?:-|$)/i, tier: "reserved" },
  { pattern: /(?:^|-)cross-region-global(?:-|$)/i, route: "cross-region-global" },
  { pattern: /(?:^|-)cross-region(?:-|$)/i, route: "cross-region" },
];
const BEDROCK_QUALIFIER_SUFFIX =
  /-(?:batch|flex|priority|reserved|cross-region(?:-global)?|global)$/i;

/**
 * Recognizes a Bedrock usage type such as `USE1-Claude3.5Sonnet-input-tokens`,
 * `USW2-NovaPro-output-tokens`, `USE1-Claude4Sonnet-input-tokens-cross-region-global`
 * or `USE1-Nova2.0Lite-cache-read-input-token-count`.
 */
export function recognizeBedrockUsageType(usageType: string): AiRecognition | null {
  const text = usageType.trim();
  if (!BEDROCK_REGION_PREFIX.test(text)) return null;
  const body = text.replace(BEDROCK_REGION_PREFIX, "");
  for (const { pattern, direction } of BEDROCK_TOKEN_TYPES) {
    const match = pattern.exec(body);
    if (!match) continue;
    let modelPart = body.slice(0, match.index);
    const qualifierText = `${modelPart}-${body.slice(match.index + match[0].length)}`;
    while (BEDROCK_QUALIFIER_SUFFIX.test(modelPart)) {
      modelPart = modelPart.replace(BEDROCK_QUALIFIER_SUFFIX, "");
    }
    if (modelPart === "") return null;
    let serviceTier: string | null = null;
    let inferenceRoute: string | null = null;
    for (const qualifier of BEDROCK_QUALIFIERS) {
      if (!qualifier.pattern.test(qualifierText)) continue;
      serviceTier ??= qualifier.tier ?? null;
      inferenceRoute ??= qualifier.route ?? null;
    }
    return {
      modelProvider: "aws.bedrock",
      model: toModelLabel(modelPart),
      tokenDirection: applyBatchTier(direction, serviceTier === "batch"),
      serviceTier,
      inferenceRoute,
    };
  }
  return null;
}

// Azure OpenAI and Foundry Models -------------------------------------------

/**
 * Meter names: `<model> [Batch] [cached] <Inp|Outp> [glbl|DZone|regnl] [1M] Tokens`,
 * as in "gpt-4o-mini-0718 Inp glbl Tokens", "gpt 4o 1120 cached Inp glbl Tokens",
 * "GPT 5 outpt Glbl 1M Tokens" and "Phi-4-Input Tokens".
 */
const AZURE_METER_PATTERN = new RegExp(
  [
    "^(.+?)[\\s-]+",
    "(?:(batch|btch)\\s+)?",
    "(?:(cached|cchd|cache)\\s+)?",
    "(inp|inpt|input|outp|outpt|output|opt)\\s*",
    "(glbl|global|gl|dzone|dz|data\\s*zone|regnl|rgnl|regional)?\\s*",
    "(?:1[KM]\\s+)?tokens?$",
  ].join(""),
  "i",
);
const AZURE_ROUTES: Record<string, string> = {
  glbl: "global",
  global: "global",
  gl: "global",
  dzone: "data-zone",
  dz: "data-zone",
  datazone: "data-zone",
  regnl: "regional",
  rgnl: "regional",
  regional: "regional",
};
/** Model families that OpenAI makes; Foundry also sells Grok, Phi and DeepSeek models. */
export const OPENAI_MODEL_PREFIX = new RegExp(
  "^(?:gpt|o\\d|chatgpt|text-embedding|dall-e|whisper|tts|davinci|babbage|codex|" +
    "computer-use|sora|omni-moderation)",
  "i",
);

/** Recognizes an Azure OpenAI or Foundry Models token meter name. */
export function recognizeAzureMeter(meterName: string): AiRecognition | null {
  const match = AZURE_METER_PATTERN.exec(meterName.trim());
  if (!match) return null;
  const [, rawModel = "", batchWord, cachedWord, directionWord = "", routeWord] = match;
  let modelText = rawModel;
  let batch = batchWord !== undefined;
  if (/[\s-]batch$/i.test(modelText)) {
    modelText = modelText.replace(/[\s-]batch$/i, "");
    batch = true;
  }
  let direction: BaseDirection = /^o/i.test(directionWord) ? "output" : "input";
  if (cachedWord) direction = "cache_read";
  const model = toModelLabel(modelText);
  return {
    modelProvider: OPENAI_MODEL_PREFIX.test(model) ? "azure.ai.openai" : "azure.ai.inference",
    model,
    tokenDirection: applyBatchTier(direction, batch),
    serviceTier: batch ? "batch" : null,
    inferenceRoute: routeWord ? (AZURE_ROUTES[routeKey(routeWord)] ?? null) : null,
  };
}

function routeKey(word: string): string {
  return word.replace(/\s+/g, "").toLowerCase();
}

// Vertex AI -------------------------------------------------------------------

const VERTEX_MODEL_FAMILY =
  /\b(gemini|claude|llama|mistral|codestral|jamba|gemma|deepseek|qwen)\b/i;
/** The model name ends at the first of these words. */
const VERTEX_MODEL_END_WORDS = [
  "input",
  "output",
  "text",
  "image",
  "audio",
  "video",
  "tokens?",
  "characters?",
  "cached",
  "caching",
  "cache",
  "context",
  "thinking",
  "reasoning",
  "batch",
  "predictions?",
  "long",
  "short",
  "ga",
  "online",
  "for",
];
const VERTEX_MODEL_END = new RegExp(
  `\\s+(?:(?:${VERTEX_MODEL_END_WORDS.join("|")})\\b|-\\s|\\()`,
  "i",
);
const VERTEX_DIRECTIONS: Array<{ pattern: RegExp; direction: BaseDirection }> = [
  { pattern: /\bcach(?:e|ed|ing)\b.*\b(?:storage|write)\b/i, direction: "other" },
  { pattern: /\bcached\b|\bcach(?:e|ing)\b.*\b(?:read|input|hit)\b/i, direction: "cache_read" },
  { pattern: /\binput\b/i, direction: "input" },
  { pattern: /\b(?:output|thinking|reasoning)\b/i, direction: "output" },
];

/**
 * Recognizes a Vertex AI SKU description that names a model and a token type,
 * such as "Gemini 2.5 Flash Input Tokens" or "Gemini 2.5 Pro Thinking Text Output".
 */
export function recognizeVertexSku(description: string): AiRecognition | null {
  const text = description.trim();
  const family = VERTEX_MODEL_FAMILY.exec(text);
  if (!family) return null;
  const fromFamily = text.slice(family.index);
  const end = VERTEX_MODEL_END.exec(fromFamily);
  const model = toModelLabel(end ? fromFamily.slice(0, end.index) : fromFamily);
  const found = VERTEX_DIRECTIONS.find(({ pattern }) => pattern.test(text));
  const batch = /\bbatch\b/i.test(text);
  return {
    modelProvider: "gcp.vertex_ai",
    model,
    tokenDirection: found ? applyBatchTier(found.direction, batch) : null,
    serviceTier: batch ? "batch" : null,
    inferenceRoute: null,
  };
}

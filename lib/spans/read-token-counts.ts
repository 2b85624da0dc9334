/**
 * Raw token counts of a span as the emitter wrote them, by attribute
 * precedence across the GenAI dialects. Nothing is added or subtracted here,
 * because token-accounting.ts applies the emitter's semantics.
 */
import type { Attributes } from "@/lib/otlp/types";

import { readFirstCount, readJsonObject, readPath, toCount } from "./read-attributes";

export interface RawTokenCounts {
  input: number | null;
  /** True when `input` is Langfuse's `usage_details.input`, which excludes cache and audio. */
  inputFromLangfuse: boolean;
  /** Langfuse input audio tokens, counted outside `input`. */
  langfuseInputAudio: number;
  output: number | null;
  /** True when `output` is Langfuse's `usage_details.output`, without reasoning and audio. */
  outputFromLangfuse: boolean;
  /** Langfuse output audio tokens, counted outside `output`. */
  langfuseOutputAudio: number;
  cacheRead: number | null;
  cacheWrite: number | null;
  cacheWrite5m: number | null;
  cacheWrite1h: number | null;
  reasoning: number | null;
}

const INPUT_KEYS = [
  "gen_ai.usage.input_tokens",
  "gen_ai.usage.prompt_tokens",
  "llm.token_count.prompt",
  "ai.usage.inputTokens",
  "ai.usage.promptTokens",
  "ai.usage.tokens",
] as const;
/** Read after Langfuse `usage_details.input`, as the precedence table orders them. */
const LEGACY_INPUT_KEYS = ["llm.usage.prompt_tokens"] as const;

const OUTPUT_KEYS = [
  "gen_ai.usage.output_tokens",
  "gen_ai.usage.completion_tokens",
  "llm.token_count.completion",
  "ai.usage.outputTokens",
  "ai.usage.completionTokens",
] as const;
const LEGACY_OUTPUT_KEYS = ["llm.usage.completion_tokens"] as const;

const CACHE_READ_KEYS = [
  "gen_ai.usage.cache_read.input_tokens",
  "gen_ai.usage.cache_read_input_tokens",
  "llm.token_count.prompt_details.cache_read",
  "ai.usage.inputTokenDetails.cacheReadTokens",
  "ai.usage.cachedInputTokens",
] as const;

const CACHE_WRITE_KEYS = [
  "gen_ai.usage.cache_creation.input_tokens",
  "gen_ai.usage.cache_write.input_tokens",
  "gen_ai.usage.cache_creation_input_tokens",
  "llm.token_count.prompt_details.cache_write",
  "ai.usage.inputTokenDetails.cacheWriteTokens",
] as const;

const CACHE_WRITE_5M_KEY = "anthropic.usage.cache_creation.ephemeral_5m_input_tokens";
const CACHE_WRITE_1H_KEY = "anthropic.usage.cache_creation.ephemeral_1h_input_tokens";

const REASONING_KEYS = [
  "gen_ai.usage.reasoning.output_tokens",
  "llm.token_count.completion_details.reasoning",
  "ai.usage.outputTokenDetails.reasoningTokens",
  "ai.usage.reasoningTokens",
  "gen_ai.usage.reasoning_tokens",
] as const;

// NOTE: the cache aliases after `input_cached_tokens` are guesses at the names
// Langfuse uses for Anthropic usage. No captured @langfuse/otel span confirmed them.
const LANGFUSE_CACHE_READ_KEYS = [
  "input_cached_tokens",
  "input_cache_read",
  "cache_read_input_tokens",
];
const LANGFUSE_CACHE_WRITE_KEYS = ["input_cache_creation", "cache_creation_input_tokens"];

export function readTokenCounts(attributes: Attributes): RawTokenCounts {
  const langfuse = readJsonObject(attributes, "langfuse.observation.usage_details");
  // The Vercel AI SDK puts Anthropic's raw usage, with the cache-write lifetimes, in this JSON.
  const providerMetadata = readJsonObject(attributes, "ai.response.providerMetadata");

  let input = readFirstCount(attributes, INPUT_KEYS);
  let inputFromLangfuse = false;
  if (input === null && langfuse !== null) {
    input = toCount(langfuse.input);
    inputFromLangfuse = input !== null;
  }
  if (input === null) input = readFirstCount(attributes, LEGACY_INPUT_KEYS);

  let output = readFirstCount(attributes, OUTPUT_KEYS);
  let outputFromLangfuse = false;
  if (output === null && langfuse !== null) {
    output = toCount(langfuse.output);
    outputFromLangfuse = output !== null;
  }
  if (output === null) output = readFirstCount(attributes, LEGACY_OUTPUT_KEYS);

  const anthropicUsage = ["anthropic", "usage", "cache_creation"];
  return {
    input,
    inputFromLangfuse,
    langfuseInputAudio: inputFromLangfuse ? (toCount(langfuse?.input_audio_tokens) ?? 0) : 0,
    output,
    outputFromLangfuse,
    langfuseOutputAudio: outputFromLangfuse
      ? (toCount(langfuse?.output_audio_tokens) ?? 0)
      : 0,
    cacheRead:
      readFirstCount(attributes, CACHE_READ_KEYS) ??
      (inputFromLangfuse ? firstCount(langfuse, LANGFUSE_CACHE_READ_KEYS) : null),
    cacheWrite:
      readFirstCount(attributes, CACHE_WRITE_KEYS) ??
      toCount(readPath(providerMetadata, ["anthropic", "cacheCreationInputTokens"])) ??
      (inputFromLangfuse ? firstCount(langfuse, LANGFUSE_CACHE_WRITE_KEYS) : null),
    cacheWrite5m:
      toCount(attributes[CACHE_WRITE_5M_KEY]) ??
      toCount(readPath(providerMetadata, [...anthropicUsage, "ephemeral_5m_input_tokens"])),
    cacheWrite1h:
      toCount(attributes[CACHE_WRITE_1H_KEY]) ??
      toCount(readPath(providerMetadata, [...anthropicUsage, "ephemeral_1h_input_tokens"])),
    reasoning:
      readFirstCount(attributes, REASONING_KEYS) ??
      (outputFromLangfuse ? toCount(langfuse?.output_reasoning_tokens) : null),
  };
}

function firstCount(
  object: Record<string, unknown> | null,
  keys: readonly string[],
): number | null {
  if (object === null) return null;
  for (const key of keys) {
    const count = toCount(object[key]);
    if (count !== null) return count;
  }
  return null;
}

const ALL_TOKEN_KEYS: readonly string[] = [
  ...INPUT_KEYS,
  ...LEGACY_INPUT_KEYS,
  ...OUTPUT_KEYS,
  ...LEGACY_OUTPUT_KEYS,
  ...CACHE_READ_KEYS,
  ...CACHE_WRITE_KEYS,
  CACHE_WRITE_5M_KEY,
  CACHE_WRITE_1H_KEY,
  ...REASONING_KEYS,
];

/**
 * Lists token attributes that are present but not a valid count (negative,
 * fractional, too large, not a number), as `key=value` for the flag's detail.
 */
export function findInvalidTokenAttributes(attributes: Attributes): string[] {
  const invalid: string[] = [];
  for (const key of ALL_TOKEN_KEYS) {
    const value = attributes[key];
    if (value === undefined || value === null) continue;
    if (toCount(value) === null) invalid.push(`${key}=${String(value)}`);
  }
  return invalid;
}

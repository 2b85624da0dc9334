/**
 * Turns an emitter's raw token counts into TokenUsage, where `input` includes
 * cache reads and writes and `output` includes reasoning, and marks the known
 * gaps of each emitter with data-quality flags.
 */
import type { DecodedSpan } from "@/lib/otlp/types";

import type { SpanClassification } from "./classify-span";
import { readTokenCounts, type RawTokenCounts } from "./read-token-counts";
import { readBoolean } from "./read-attributes";
import type { SpanFlag, TokenUsage } from "./types";

export interface TokenAccounting {
  usage: TokenUsage | null;
  flags: SpanFlag[];
}

type CacheSemantics = "includes_cache" | "excludes_cache" | "unknown";

const OTEL_OPENAI_SCOPE = "@opentelemetry/instrumentation-openai";
const OPENLLMETRY_OPENAI_SCOPE = "@traceloop/instrumentation-openai";
const OPENLLMETRY_ANTHROPIC_SCOPE = "@traceloop/instrumentation-anthropic";
const GOOGLE_PROVIDERS = new Set(["gcp.gemini", "gcp.vertex_ai", "gcp.gen_ai"]);
// NOTE: OpenLLMetry's Python packages set `llm.is_streaming`. Whether the JS
// 0.27 OpenAI instrumentation sets any of these keys is not verified.
const STREAMING_KEYS = ["llm.is_streaming", "gen_ai.request.stream", "gen_ai.is_streaming"];

/** Accounts the tokens of an LLM call. Other roles get no usage and no token flags. */
export function accountTokens(
  span: DecodedSpan,
  classification: SpanClassification,
  provider: string | null,
): TokenAccounting {
  if (classification.role !== "llm") return { usage: null, flags: [] };
  const raw = readTokenCounts(span.attributes);
  const flags: SpanFlag[] = [];
  const isEmbedding = classification.operation === "embeddings";

  if (isOpenAiWithoutCacheDetail(span, raw, isEmbedding)) flags.push("cache_detail_unknown");
  if (span.scope.name === OPENLLMETRY_OPENAI_SCOPE && isStreaming(span)) {
    flags.push("tokens_estimated");
  }
  if (raw.input === null && raw.output === null) {
    flags.push("tokens_missing");
    return { usage: null, flags };
  }
  // Embeddings have no output tokens, but any other call without them is missing data.
  if (raw.input === null || (raw.output === null && !isEmbedding)) flags.push("tokens_missing");

  const cacheRead = raw.cacheRead ?? 0;
  const cacheWrite = resolveCacheWrite(raw, flags);
  const semantics = decideCacheSemantics(span, classification, raw);
  let input: number;
  let uncachedInput: number;
  if (raw.input === null) {
    uncachedInput = 0;
    input = cacheRead + cacheWrite;
  } else if (
    semantics === "excludes_cache" ||
    (semantics === "unknown" && raw.input < cacheRead + cacheWrite)
  ) {
    uncachedInput = raw.input + raw.langfuseInputAudio;
    input = uncachedInput + cacheRead + cacheWrite;
  } else {
    input = raw.input;
    uncachedInput = input - cacheRead - cacheWrite;
  }
  // Kept negative on purpose, because the flag marks misread semantics for reconciliation.
  if (uncachedInput < 0) pushOnce(flags, "negative_bucket");

  const reasoning = raw.reasoning ?? 0;
  const rawOutput = (raw.output ?? 0) + raw.langfuseOutputAudio;
  let output = rawOutput;
  if (addsReasoningToOutput(classification, raw, provider)) output += reasoning;
  else if (reasoning > rawOutput && raw.output !== null) pushOnce(flags, "negative_bucket");

  return {
    usage: {
      input,
      uncachedInput,
      cacheRead,
      cacheWrite,
      cacheWrite5m: raw.cacheWrite5m,
      cacheWrite1h: raw.cacheWrite1h,
      output,
      reasoning,
    },
    flags,
  };
}

/**
 * Decides whether input tokens include cache reads and writes, decided by the emitter
 * (instrumentation scope and dialect), never by the numbers. Langfuse
 * `usage_details.input`, OpenLLMetry's Anthropic spans (raw Anthropic
 * `input_tokens`) exclude them. OTel contrib, OpenLLMetry's OpenAI spans
 * (OpenAI `prompt_tokens`), Anthropic SDK native spans, the Vercel AI SDK and
 * OpenInference include them.
 */
function decideCacheSemantics(
  span: DecodedSpan,
  classification: SpanClassification,
  raw: RawTokenCounts,
): CacheSemantics {
  const scope = span.scope.name;
  if (raw.inputFromLangfuse) return "excludes_cache";
  if (scope === OPENLLMETRY_ANTHROPIC_SCOPE) return "excludes_cache";
  if (scope === OTEL_OPENAI_SCOPE || scope === OPENLLMETRY_OPENAI_SCOPE) return "includes_cache";
  if (classification.dialect === "vercel" || classification.dialect === "openinference") {
    return "includes_cache";
  }
  if (isAnthropicSdkSpan(span, classification)) return "includes_cache";
  return "unknown";
}

/**
 * Spans that @anthropic-ai/sdk emits itself: GenAI keys under an Anthropic
 * scope that is not another vendor's instrumentation, or the SDK's own
 * `gen_ai.usage.cache_write.input_tokens` key.
 */
function isAnthropicSdkSpan(span: DecodedSpan, classification: SpanClassification): boolean {
  if (span.attributes["gen_ai.usage.cache_write.input_tokens"] !== undefined) return true;
  const scope = span.scope.name.toLowerCase();
  return (
    classification.dialect === "otel" &&
    scope.includes("anthropic") &&
    !scope.startsWith("@traceloop/") &&
    !scope.startsWith("@arizeai/")
  );
}

/**
 * Decides whether reasoning tokens come on top of `output` instead of inside it.
 * Langfuse `usage_details.output` excludes reasoning. Gemini's usage metadata
 * counts `thoughtsTokenCount` outside `candidatesTokenCount`, and GenAI spans
 * for Google providers copy `candidatesTokenCount` into output tokens, so for
 * `gcp.*` providers reasoning is added, except in Vercel AI SDK spans, whose
 * Google provider already folds thoughts into `outputTokens`.
 */
function addsReasoningToOutput(
  classification: SpanClassification,
  raw: RawTokenCounts,
  provider: string | null,
): boolean {
  if (raw.outputFromLangfuse) return true;
  return (
    provider !== null && GOOGLE_PROVIDERS.has(provider) && classification.dialect !== "vercel"
  );
}

/** Returns total cache writes, summing the 5-minute and 1-hour parts when no total is given. */
function resolveCacheWrite(raw: RawTokenCounts, flags: SpanFlag[]): number {
  const hasSplit = raw.cacheWrite5m !== null || raw.cacheWrite1h !== null;
  const splitTotal = (raw.cacheWrite5m ?? 0) + (raw.cacheWrite1h ?? 0);
  if (raw.cacheWrite === null) return hasSplit ? splitTotal : 0;
  if (splitTotal > raw.cacheWrite) pushOnce(flags, "negative_bucket");
  return raw.cacheWrite;
}

/** OTel contrib 0.21 and OpenLLMetry 0.27 record no cached tokens for OpenAI chat calls. */
function isOpenAiWithoutCacheDetail(
  span: DecodedSpan,
  raw: RawTokenCounts,
  isEmbedding: boolean,
): boolean {
  const scope = span.scope.name;
  const isOpenAiScope = scope === OTEL_OPENAI_SCOPE || scope === OPENLLMETRY_OPENAI_SCOPE;
  return isOpenAiScope && !isEmbedding && raw.cacheRead === null;
}

function isStreaming(span: DecodedSpan): boolean {
  return STREAMING_KEYS.some((key) => readBoolean(span.attributes, key));
}

function pushOnce(flags: SpanFlag[], flag: SpanFlag): void {
  if (!flags.includes(flag)) flags.push(flag);
}

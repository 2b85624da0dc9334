import { describe, expect, it } from "vitest";

import type { Attributes } from "@/lib/otlp/types";

import { normalize, storedAttributes } from "./normalize-fixtures";

const TRACELOOP_ANTHROPIC = "@traceloop/instrumentation-anthropic";
const ANTHROPIC_SDK = "@anthropic-ai/sdk";

function traceloopAnthropic(cache: Attributes) {
  return normalize({
    scopeName: TRACELOOP_ANTHROPIC,
    scopeVersion: "0.27.0",
    name: "anthropic.chat",
    attributes: {
      "llm.request.type": "chat",
      "gen_ai.system": "Anthropic",
      "gen_ai.request.model": "claude-3-5-sonnet-20240620",
      "gen_ai.usage.input_tokens": 100n,
      "gen_ai.usage.output_tokens": 200n,
      ...cache,
    },
  });
}

function anthropicSdk(cache: Attributes) {
  return normalize({
    scopeName: ANTHROPIC_SDK,
    scopeVersion: "0.137.0",
    name: "anthropic.messages.create",
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-3-5-sonnet-20240620",
      "gen_ai.usage.input_tokens": 5100n,
      "gen_ai.usage.output_tokens": 200n,
      ...cache,
    },
  });
}

describe("token accounting Anthropic cache", () => {
  it("adds cache reads to OpenLLMetry input", () => {
    const span = traceloopAnthropic({ "gen_ai.usage.cache_read_input_tokens": 5000n });
    expect(span.provider).toBe("anthropic");
    expect(span.usage?.input).toBe(5100);
    expect(span.usage?.uncachedInput).toBe(100);
    expect(span.usage?.cacheRead).toBe(5000);
    expect(span.usage?.cacheWrite).toBe(0);
    expect(span.usage?.output).toBe(200);
    expect(span.flags).toEqual([]);
  });

  it("adds cache writes to OpenLLMetry input once", () => {
    const span = traceloopAnthropic({ "gen_ai.usage.cache_creation_input_tokens": 5000n });
    expect(span.usage?.input).toBe(5100);
    expect(span.usage?.uncachedInput).toBe(100);
    expect(span.usage?.cacheRead).toBe(0);
    expect(span.usage?.cacheWrite).toBe(5000);
  });

  it("keeps Anthropic SDK input as the total", () => {
    const span = anthropicSdk({
      "gen_ai.usage.cache_read.input_tokens": 5000n,
      "gen_ai.usage.cache_write.input_tokens": 0n,
    });
    expect(span.dialect).toBe("otel");
    expect(span.usage?.input).toBe(5100);
    expect(span.usage?.uncachedInput).toBe(100);
    expect(span.usage?.cacheRead).toBe(5000);
    expect(span.flags).toEqual([]);
  });

  it("splits Anthropic SDK cache writes by lifetime", () => {
    const span = anthropicSdk({
      "gen_ai.usage.cache_write.input_tokens": 5000n,
      "anthropic.usage.cache_creation.ephemeral_5m_input_tokens": 4000n,
      "anthropic.usage.cache_creation.ephemeral_1h_input_tokens": 1000n,
    });
    expect(span.usage?.input).toBe(5100);
    expect(span.usage?.uncachedInput).toBe(100);
    expect(span.usage?.cacheWrite).toBe(5000);
    expect(span.usage?.cacheWrite5m).toBe(4000);
    expect(span.usage?.cacheWrite1h).toBe(1000);
  });

  it("sums the lifetimes when no total is given", () => {
    const span = anthropicSdk({
      "anthropic.usage.cache_creation.ephemeral_5m_input_tokens": 4000n,
      "anthropic.usage.cache_creation.ephemeral_1h_input_tokens": 1000n,
    });
    expect(span.usage?.cacheWrite).toBe(5000);
    expect(span.usage?.uncachedInput).toBe(100);
  });

  it("flags lifetimes above the total", () => {
    const span = anthropicSdk({
      "gen_ai.usage.cache_write.input_tokens": 100n,
      "anthropic.usage.cache_creation.ephemeral_5m_input_tokens": 4000n,
    });
    expect(span.flags).toContain("negative_bucket");
  });
});

describe("token accounting OpenAI cache", () => {
  it("does not add cached tokens twice", () => {
    const span = normalize({
      scopeName: "acme-tracer",
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.usage.input_tokens": 2000n,
        "gen_ai.usage.cache_read.input_tokens": 1800n,
        "gen_ai.usage.output_tokens": 100n,
      },
    });
    expect(span.usage?.input).toBe(2000);
    expect(span.usage?.uncachedInput).toBe(200);
    expect(span.usage?.cacheRead).toBe(1800);
    expect(span.usage?.output).toBe(100);
    expect(span.flags).toEqual([]);
  });
});

describe("token accounting unknown emitter", () => {
  const haiku = normalize({
    scopeName: "acme-tracer",
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-3-5-haiku-20241022",
      "gen_ai.usage.input_tokens": 100n,
      "gen_ai.usage.cache_read_input_tokens": 1000n,
      "gen_ai.usage.output_tokens": 50n,
    },
  });

  it("treats input below the cache as uncached", () => {
    expect(haiku.usage?.input).toBe(1100);
    expect(haiku.usage?.uncachedInput).toBe(100);
    expect(haiku.usage?.cacheRead).toBe(1000);
    expect(haiku.usage?.output).toBe(50);
  });

  it("never derives a negative bucket", () => {
    expect(haiku.usage?.uncachedInput).toBeGreaterThanOrEqual(0);
    expect(haiku.flags).not.toContain("negative_bucket");
  });
});

describe("token accounting reasoning", () => {
  it("adds Gemini thoughts to output", () => {
    const span = normalize({
      scopeName: "acme-genai",
      attributes: {
        "gen_ai.operation.name": "generate_content",
        "gen_ai.provider.name": "gcp.gemini",
        "gen_ai.request.model": "gemini-2.5-flash",
        "gen_ai.usage.input_tokens": 1000n,
        "gen_ai.usage.output_tokens": 200n,
        "gen_ai.usage.reasoning.output_tokens": 800n,
      },
    });
    expect(span.usage?.input).toBe(1000);
    expect(span.usage?.output).toBe(1000);
    expect(span.usage?.reasoning).toBe(800);
    expect(span.flags).toEqual([]);
  });

  it("keeps Vercel Gemini output as the total", () => {
    const span = normalize({
      scopeName: "ai",
      attributes: {
        "ai.operationId": "ai.generateText.doGenerate",
        "ai.model.provider": "google.generative-ai",
        "ai.model.id": "gemini-2.5-flash",
        "ai.usage.inputTokens": 1000n,
        "ai.usage.outputTokens": 1000n,
        "ai.usage.reasoningTokens": 800n,
      },
    });
    expect(span.provider).toBe("gcp.gemini");
    expect(span.usage?.output).toBe(1000);
    expect(span.usage?.reasoning).toBe(800);
  });

  it("keeps OpenAI reasoning inside output", () => {
    const span = normalize({
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.usage.input_tokens": 10n,
        "gen_ai.usage.output_tokens": 500n,
        "gen_ai.usage.reasoning.output_tokens": 400n,
      },
    });
    expect(span.usage?.output).toBe(500);
    expect(span.usage?.reasoning).toBe(400);
  });

  it("flags reasoning above output", () => {
    const span = normalize({
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.usage.input_tokens": 10n,
        "gen_ai.usage.output_tokens": 100n,
        "gen_ai.usage.reasoning.output_tokens": 400n,
      },
    });
    expect(span.usage?.output).toBe(100);
    expect(span.flags).toEqual(["negative_bucket"]);
  });
});

describe("token accounting data errors", () => {
  it("flags a negative uncached bucket and keeps the raw numbers", () => {
    const span = normalize({
      scopeName: "@arizeai/openinference-instrumentation-openai",
      attributes: {
        "openinference.span.kind": "LLM",
        "llm.token_count.prompt": 100n,
        "llm.token_count.prompt_details.cache_read": 1000n,
        "llm.token_count.completion": 5n,
      },
    });
    expect(span.usage?.input).toBe(100);
    expect(span.usage?.cacheRead).toBe(1000);
    expect(span.usage?.uncachedInput).toBe(-900);
    expect(span.flags).toEqual(["negative_bucket"]);
  });

  it("drops an unsafe token count but stores it", () => {
    const span = normalize({
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 9007199254740993n,
        "gen_ai.usage.output_tokens": 10n,
      },
    });
    expect(span.usage?.input).toBe(0);
    expect(span.usage?.output).toBe(10);
    expect(span.flags).toEqual(["tokens_missing", "tokens_invalid"]);
    expect(span.attributesJson).toContain('"gen_ai.usage.input_tokens":9007199254740993');
  });

  it("drops a negative count and falls back to the next key", () => {
    const span = normalize({
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": -5n,
        "gen_ai.usage.prompt_tokens": 40n,
        "gen_ai.usage.output_tokens": 10.5,
        "gen_ai.usage.completion_tokens": "12",
      },
    });
    expect(span.usage?.input).toBe(40);
    expect(span.usage?.output).toBe(12);
    expect(storedAttributes(span)["gen_ai.usage.input_tokens"]).toBe(-5);
  });

  it("flags an LLM call without usage", () => {
    const span = normalize({
      attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o" },
    });
    expect(span.usage).toBeNull();
    expect(span.flags).toEqual(["tokens_missing"]);
  });

  it("flags a chat call without output", () => {
    const span = normalize({
      attributes: { "gen_ai.operation.name": "chat", "gen_ai.usage.input_tokens": 10n },
    });
    expect(span.usage?.input).toBe(10);
    expect(span.usage?.output).toBe(0);
    expect(span.flags).toEqual(["tokens_missing"]);
  });

  it("skips OpenAI cache flag for embeddings", () => {
    const span = normalize({
      scopeName: "@opentelemetry/instrumentation-openai",
      attributes: {
        "gen_ai.operation.name": "embeddings",
        "gen_ai.request.model": "text-embedding-3-small",
        "gen_ai.usage.input_tokens": 8n,
      },
    });
    expect(span.flags).toEqual([]);
  });
});

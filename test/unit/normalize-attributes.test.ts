import { describe, expect, it } from "vitest";

import { parseOtlpJson } from "@/lib/otlp/decode-json";
import type { Attributes } from "@/lib/otlp/types";
import { formatCostHint } from "@/lib/spans/format-cost-hint";
import { isContentKey } from "@/lib/spans/privacy";
import { normalizeProviderName } from "@/lib/spans/resolve-model-provider";

import { normalize } from "./normalize-fixtures";

const CHAT: Attributes = { "gen_ai.operation.name": "chat" };

describe("privacy content keys", () => {
  it.each([
    "gen_ai.input.messages",
    "gen_ai.output.messages",
    "gen_ai.system_instructions",
    "gen_ai.tool.definitions",
    "gen_ai.tool.call.arguments",
    "gen_ai.tool.call.result",
    "gen_ai.prompt",
    "gen_ai.prompt.3.content",
    "gen_ai.completion.0.tool_calls.0.arguments",
    "llm.input_messages.0.message.content",
    "llm.output_messages.1.message.contents.0.message_content.text",
    "llm.tools.0.tool.json_schema",
    "llm.invocation_parameters",
    "input.value",
    "output.value",
    "embedding.embeddings.0.embedding.text",
    "traceloop.entity.input",
    "traceloop.entity.output",
    "ai.prompt",
    "ai.prompt.messages",
    "ai.prompt.tools",
    "ai.response.text",
    "ai.response.toolCalls",
    "ai.toolCall.args",
    "ai.toolCall.result",
    "ai.value",
    "ai.values",
    "ai.embedding",
    "ai.embeddings",
    "langfuse.observation.input",
    "langfuse.observation.output",
    "langfuse.trace.input",
    "langfuse.trace.output",
    "llm.prompt_template.template",
    "retrieval.documents.0.document.content",
  ])("drops %s", (key) => {
    expect(isContentKey(key)).toBe(true);
  });

  it.each([
    "gen_ai.usage.prompt_tokens",
    "gen_ai.request.model",
    "gen_ai.tool.name",
    "llm.token_count.prompt",
    "input.mime_type",
    "ai.response.providerMetadata",
    "ai.toolCall.name",
    "langfuse.observation.usage_details",
    "traceloop.entity.name",
    "llm.prompt_template.version",
  ])("keeps %s", (key) => {
    expect(isContentKey(key)).toBe(false);
  });
});

describe("normalizeSpan attributesJson", () => {
  it("writes every value type as JSON", () => {
    const span = normalize({
      attributes: {
        text: 'quote " and \u00e9',
        flag: false,
        big: 9007199254740993n,
        negative: -12n,
        ratio: 0.5,
        nan: Number.NaN,
        bytes: new Uint8Array([0, 0, 48, 57]),
        list: [1n, "a", null],
        map: { inner: { deep: 2n } },
        "gen_ai.prompt.0.content": "secret",
      },
    });
    expect(parseOtlpJson(span.attributesJson)).toEqual({
      text: 'quote " and \u00e9',
      flag: false,
      big: 9007199254740993n,
      negative: -12,
      ratio: 0.5,
      nan: "NaN",
      bytes: "AAAwOQ==",
      list: [1, "a", null],
      map: { inner: { deep: 2 } },
    });
  });

  it("replaces characters jsonb rejects", () => {
    const span = normalize({
      attributes: { nul: "a\u0000b", lone: "x\ud800y", pair: "\ud83d\ude00", "k\u0000": 1n },
    });
    expect(JSON.parse(span.attributesJson)).toEqual({
      nul: "a\ufffdb",
      lone: "x\ufffdy",
      pair: "\ud83d\ude00",
      "k\ufffd": 1,
    });
    expect(span.attributesJson).not.toContain("\\u0000");
  });

  it("writes an empty object without attributes", () => {
    expect(normalize({ attributes: {} }).attributesJson).toBe("{}");
  });
});

describe("normalizeSpan workflow candidates", () => {
  it.each([
    ["gen_ai.workflow.name", 0],
    ["finops.workflow", 1],
    ["ai.telemetry.functionId", 3],
    ["langfuse.trace.name", 4],
  ])("ranks %s as %i", (key, rank) => {
    expect(normalize({ attributes: { [key]: "ledger-close" } }).workflow).toEqual({
      name: "ledger-close",
      rank,
    });
  });

  it("prefers the lowest rank", () => {
    const span = normalize({
      attributes: {
        "langfuse.trace.name": "from-langfuse",
        "finops.workflow": "from-finops",
        "ai.telemetry.functionId": "from-vercel",
      },
    });
    expect(span.workflow).toEqual({ name: "from-finops", rank: 1 });
  });

  it("returns null without a candidate", () => {
    const span = normalize({ attributes: { "gen_ai.workflow.name": "  " } });
    expect(span.workflow).toBeNull();
    expect(span.serviceName).toBe("supplier-service");
  });
});

describe("normalizeSpan outcome and decisions", () => {
  it.each(["completed", "failed", "abandoned", "escalated"])("accepts %s", (outcome) => {
    expect(normalize({ attributes: { "finops.outcome": outcome } }).outcome).toBe(outcome);
  });

  it("ignores an unknown outcome", () => {
    const span = normalize({ attributes: { "finops.outcome": "done" } });
    expect(span.outcome).toBeNull();
    expect(span.flags).toEqual([]);
  });

  it.each([
    [3n, 3],
    [0n, 0],
    [7, 7],
    ["4", 4],
    [-1n, null],
    [2.5, null],
    ["many", null],
    [true, null],
  ])("reads decisions %s as %s", (value, expected) => {
    expect(normalize({ attributes: { "finops.decisions": value } }).decisions).toBe(expected);
  });
});

describe("normalizeSpan emitter cost", () => {
  it.each([
    ["llm.cost.total", 13n, "13"],
    ["gen_ai.usage.cost", 0.000225, "0.000225"],
    ["operation.cost", "0.5", "0.5"],
  ])("reads %s", (key, value, expected) => {
    expect(normalize({ attributes: { [key]: value } }).emitterCostUsd).toBe(expected);
  });

  it.each([
    [1e-7, "0.0000001"],
    [1.5e21, "1500000000000000000000"],
    [0.1, "0.1"],
    ["2.5e-3", "0.0025"],
    [1.2345678901234567e-5, "0.000012345679"],
    [0, "0"],
    [-1, null],
    [Number.NaN, null],
    ["abc", null],
    ["1e999", null],
  ])("formats %s as %s", (value, expected) => {
    expect(formatCostHint(value)).toBe(expected);
  });
});

describe("normalizeSpan service tier", () => {
  it.each([
    [{}, "standard"],
    [{ "openai.response.service_tier": "flex" }, "flex"],
    [{ "gen_ai.openai.response.service_tier": "priority" }, "priority"],
    [{ "gen_ai.openai.request.service_tier": "auto" }, "standard"],
    [{ "openai.request.service_tier": "default" }, "standard"],
    [{ "anthropic.response.service_tier": "batch" }, "batch"],
    [{ "openai.response.service_tier": "flex", "openai.request.service_tier": "auto" }, "flex"],
  ])("reads %j as %s", (attributes, expected) => {
    expect(normalize({ attributes: { ...CHAT, ...attributes } }).serviceTier).toBe(expected);
  });
});

describe("normalizeSpan provider", () => {
  it.each([
    ["openai.chat", "openai"],
    ["anthropic.messages", "anthropic"],
    ["az.ai.openai", "azure.ai.openai"],
    ["az.ai.inference", "azure.ai.inference"],
    ["vertex_ai", "gcp.vertex_ai"],
    ["gemini", "gcp.gemini"],
    ["xai", "x_ai"],
    ["gcp.vertex_ai", "gcp.vertex_ai"],
    ["aws.bedrock", "aws.bedrock"],
    ["OpenAI", "openai"],
    ["google.vertex.chat", "gcp.vertex_ai"],
    ["amazon-bedrock", "aws.bedrock"],
  ])("normalizes %s to %s", (value, expected) => {
    expect(normalizeProviderName(value)).toBe(expected);
  });

  it.each([
    ["api.openai.com", "openai"],
    ["api.anthropic.com", "anthropic"],
    ["generativelanguage.googleapis.com", "gcp.gemini"],
    ["ledger-east.openai.azure.com", "azure.ai.openai"],
    ["bedrock-runtime.us-east-1.amazonaws.com", "aws.bedrock"],
    ["api.mistral.ai", "mistral_ai"],
  ])("reads server.address %s as %s", (host, expected) => {
    expect(normalize({ attributes: { ...CHAT, "server.address": host } }).provider).toBe(expected);
  });

  it.each([
    ["gpt-4o-mini", "openai"],
    ["o1", "openai"],
    ["o3-mini", "openai"],
    ["o4-mini-2025-04-16", "openai"],
    ["text-embedding-3-small", "openai"],
    ["claude-3-5-haiku-20241022", "anthropic"],
    ["models/gemini-2.5-flash", "gcp.gemini"],
    ["codestral-latest", "mistral_ai"],
    ["ministral-8b", "mistral_ai"],
    ["llama-3.1-70b", "meta"],
    ["phi-4", "microsoft"],
    ["acme-unknown-model-0315", null],
  ])("infers %s as %s", (model, expected) => {
    const span = normalize({ attributes: { ...CHAT, "gen_ai.request.model": model } });
    expect(span.provider).toBe(expected);
  });

  it("prefers the provider attribute over the host", () => {
    const span = normalize({
      attributes: {
        ...CHAT,
        "gen_ai.provider.name": "azure.ai.openai",
        "server.address": "api.openai.com",
      },
    });
    expect(span.provider).toBe("azure.ai.openai");
  });
});

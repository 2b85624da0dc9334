import { describe, expect, it } from "vitest";

import { normalize, storedAttributes } from "./normalize-fixtures";

describe("normalizeSpan OTel contrib OpenAI", () => {
  const span = normalize({
    scopeName: "@opentelemetry/instrumentation-openai",
    scopeVersion: "0.21.0",
    name: "chat gpt-4o-mini",
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.system": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 1200n,
      "gen_ai.usage.output_tokens": 300n,
      "server.address": "api.openai.com",
      "server.port": 443n,
    },
  });

  it("classifies an LLM call", () => {
    expect(span.dialect).toBe("otel");
    expect(span.role).toBe("llm");
    expect(span.operation).toBe("chat");
  });

  it("reads model and provider", () => {
    expect(span.model).toBe("gpt-4o-mini-2024-07-18");
    expect(span.provider).toBe("openai");
    expect(span.serviceName).toBe("supplier-service");
    expect(span.serviceTier).toBe("standard");
  });

  it("reads usage and flags missing cache detail", () => {
    expect(span.usage).toEqual({
      input: 1200,
      uncachedInput: 1200,
      cacheRead: 0,
      cacheWrite: 0,
      cacheWrite5m: null,
      cacheWrite1h: null,
      output: 300,
      reasoning: 0,
    });
    expect(span.flags).toEqual(["cache_detail_unknown"]);
  });
});

describe("normalizeSpan OpenInference", () => {
  const llmAttributes = {
    "openinference.span.kind": "LLM",
    "llm.provider": "openai",
    "llm.system": "openai",
    "llm.model_name": "gpt-4o-mini-2024-07-18",
    "llm.token_count.prompt": 2000n,
    "llm.token_count.completion": 100n,
    "llm.token_count.total": 2100n,
    "llm.token_count.prompt_details.cache_read": 1800n,
    "llm.input_messages.0.message.role": "user",
    "llm.input_messages.0.message.content": "reorder 40 pallets",
    "llm.output_messages.0.message.content": "done",
    "llm.invocation_parameters": '{"temperature":0}',
    "input.value": '{"messages":[]}',
    "output.value": "{}",
  };

  it("keeps OpenAI cached tokens inside input", () => {
    const span = normalize({
      scopeName: "@arizeai/openinference-instrumentation-openai",
      attributes: llmAttributes,
    });
    expect(span.dialect).toBe("openinference");
    expect(span.role).toBe("llm");
    expect(span.operation).toBe("chat");
    expect(span.provider).toBe("openai");
    expect(span.usage?.input).toBe(2000);
    expect(span.usage?.uncachedInput).toBe(200);
    expect(span.usage?.cacheRead).toBe(1800);
    expect(span.flags).toEqual([]);
  });

  it("drops message content", () => {
    const span = normalize({ attributes: llmAttributes });
    expect(Object.keys(storedAttributes(span)).sort()).toEqual([
      "llm.model_name",
      "llm.provider",
      "llm.system",
      "llm.token_count.completion",
      "llm.token_count.prompt",
      "llm.token_count.prompt_details.cache_read",
      "llm.token_count.total",
      "openinference.span.kind",
    ]);
  });

  it("flags a streaming span without tokens", () => {
    const span = normalize({
      attributes: { "openinference.span.kind": "LLM", "llm.model_name": "gpt-4o" },
    });
    expect(span.usage).toBeNull();
    expect(span.flags).toEqual(["tokens_missing"]);
  });

  it("classifies agent, chain, tool and embedding spans", () => {
    const roleOf = (kind: string) =>
      normalize({ attributes: { "openinference.span.kind": kind } });
    expect(roleOf("AGENT").role).toBe("aggregate");
    expect(roleOf("CHAIN").role).toBe("aggregate");
    expect(roleOf("TOOL").role).toBe("tool");
    expect(roleOf("TOOL").operation).toBe("execute_tool");
    expect(roleOf("EMBEDDING").operation).toBe("embeddings");
    expect(roleOf("RETRIEVER").role).toBe("other");
  });

  it("never counts usage on an agent span", () => {
    const span = normalize({
      attributes: { "openinference.span.kind": "AGENT", "llm.token_count.prompt": 5000n },
    });
    expect(span.usage).toBeNull();
    expect(span.flags).toEqual([]);
  });
});

describe("normalizeSpan Vercel AI SDK", () => {
  it("treats generateText as an aggregate", () => {
    const span = normalize({
      scopeName: "ai",
      name: "ai.generateText",
      attributes: {
        "ai.operationId": "ai.generateText",
        "operation.name": "ai.generateText supplier-reorder",
        "ai.telemetry.functionId": "supplier-reorder",
        "ai.model.id": "claude-sonnet-4-5",
        "ai.model.provider": "anthropic.messages",
        "ai.usage.inputTokens": 6100n,
        "ai.usage.outputTokens": 200n,
        "ai.prompt": '{"prompt":"reorder"}',
        "ai.response.text": "ok",
      },
    });
    expect(span.dialect).toBe("vercel");
    expect(span.role).toBe("aggregate");
    expect(span.usage).toBeNull();
    expect(span.workflow).toEqual({ name: "supplier-reorder", rank: 3 });
    expect(storedAttributes(span)["ai.prompt"]).toBeUndefined();
    expect(storedAttributes(span)["ai.response.text"]).toBeUndefined();
  });

  it("reads Anthropic cache lifetimes from provider metadata", () => {
    const metadata = {
      anthropic: {
        cacheCreationInputTokens: 5000,
        usage: {
          input_tokens: 100,
          cache_creation: { ephemeral_5m_input_tokens: 4000, ephemeral_1h_input_tokens: 1000 },
          service_tier: "priority",
        },
      },
    };
    const span = normalize({
      scopeName: "ai",
      attributes: {
        "ai.operationId": "ai.generateText.doGenerate",
        "gen_ai.system": "anthropic.messages",
        "gen_ai.request.model": "claude-sonnet-4-5",
        "ai.model.provider": "anthropic.messages",
        "ai.usage.inputTokens": 6100n,
        "ai.usage.inputTokenDetails.cacheReadTokens": 1000n,
        "ai.usage.outputTokens": 200n,
        "ai.response.providerMetadata": JSON.stringify(metadata),
        "ai.prompt.messages": '[{"role":"user"}]',
      },
    });
    expect(span.role).toBe("llm");
    expect(span.operation).toBe("chat");
    expect(span.provider).toBe("anthropic");
    expect(span.usage).toEqual({
      input: 6100,
      uncachedInput: 100,
      cacheRead: 1000,
      cacheWrite: 5000,
      cacheWrite5m: 4000,
      cacheWrite1h: 1000,
      output: 200,
      reasoning: 0,
    });
    expect(span.serviceTier).toBe("priority");
    expect(storedAttributes(span)["ai.prompt.messages"]).toBeUndefined();
  });

  it("reads embedding tokens without flagging output", () => {
    const span = normalize({
      scopeName: "ai",
      attributes: {
        "ai.operationId": "ai.embed.doEmbed",
        "ai.model.provider": "openai.embedding",
        "ai.model.id": "text-embedding-3-small",
        "ai.usage.tokens": 12n,
        "ai.values": ["sku 123"],
      },
    });
    expect(span.operation).toBe("embeddings");
    expect(span.provider).toBe("openai");
    expect(span.usage?.input).toBe(12);
    expect(span.usage?.output).toBe(0);
    expect(span.flags).toEqual([]);
    expect(storedAttributes(span)["ai.values"]).toBeUndefined();
  });

  it("classifies a tool call", () => {
    const span = normalize({
      scopeName: "ai",
      attributes: {
        "ai.operationId": "ai.toolCall",
        "ai.toolCall.name": "place_order",
        "ai.toolCall.args": '{"sku":"123"}',
        "ai.toolCall.result": '{"ok":true}',
      },
    });
    expect(span.role).toBe("tool");
    expect(storedAttributes(span)).toEqual({
      "ai.operationId": "ai.toolCall",
      "ai.toolCall.name": "place_order",
    });
  });
});

describe("normalizeSpan Langfuse", () => {
  it("adds cached and reasoning tokens from usage_details", () => {
    const span = normalize({
      scopeName: "langfuse-sdk",
      attributes: {
        "langfuse.observation.type": "generation",
        "langfuse.observation.model.name": "gpt-4o",
        "langfuse.observation.usage_details": JSON.stringify({
          input: 200,
          input_cached_tokens: 1800,
          output: 80,
          output_reasoning_tokens: 20,
          total: 2100,
        }),
        "langfuse.observation.cost_details": '{"total":0.00042}',
        "langfuse.trace.name": "ledger-close",
        "langfuse.observation.input": "secret prompt",
        "langfuse.observation.output": "secret answer",
      },
    });
    expect(span.dialect).toBe("langfuse");
    expect(span.role).toBe("llm");
    expect(span.provider).toBe("openai");
    expect(span.usage).toEqual({
      input: 2000,
      uncachedInput: 200,
      cacheRead: 1800,
      cacheWrite: 0,
      cacheWrite5m: null,
      cacheWrite1h: null,
      output: 100,
      reasoning: 20,
    });
    expect(span.emitterCostUsd).toBe("0.00042");
    expect(span.workflow).toEqual({ name: "ledger-close", rank: 4 });
    expect(storedAttributes(span)["langfuse.observation.input"]).toBeUndefined();
  });

  it("names the agent of an agent observation", () => {
    const span = normalize({
      name: "reorder-agent",
      attributes: { "langfuse.observation.type": "agent" },
    });
    expect(span.role).toBe("aggregate");
    expect(span.agentName).toBe("reorder-agent");
  });

  it("drops the zero cost of a failed call", () => {
    const span = normalize({
      statusCode: 2,
      attributes: {
        "langfuse.observation.type": "generation",
        "langfuse.observation.cost_details": '{"total":0}',
      },
    });
    expect(span.emitterCostUsd).toBeNull();
  });
});

describe("normalizeSpan OpenLLMetry", () => {
  it("marks streamed OpenAI tokens as estimated", () => {
    const span = normalize({
      scopeName: "@traceloop/instrumentation-openai",
      scopeVersion: "0.27.0",
      name: "openai.chat",
      attributes: {
        "llm.request.type": "chat",
        "gen_ai.system": "OpenAI",
        "gen_ai.request.model": "gpt-4o",
        "llm.is_streaming": true,
        "gen_ai.usage.prompt_tokens": 12n,
        "gen_ai.usage.completion_tokens": 30n,
        "gen_ai.prompt.0.role": "user",
        "gen_ai.prompt.0.content": "hello",
        "gen_ai.completion.0.content": "hi",
      },
    });
    expect(span.dialect).toBe("openllmetry");
    expect(span.operation).toBe("chat");
    expect(span.provider).toBe("openai");
    expect(span.usage?.input).toBe(12);
    expect(span.usage?.output).toBe(30);
    expect(span.flags).toEqual(["cache_detail_unknown", "tokens_estimated"]);
    expect(Object.keys(storedAttributes(span)).some((key) => key.startsWith("gen_ai.prompt"))).toBe(
      false,
    );
    expect(storedAttributes(span)["gen_ai.completion.0.content"]).toBeUndefined();
  });

  it("takes the workflow name from the workflow span only", () => {
    const workflowSpan = normalize({
      attributes: {
        "traceloop.span.kind": "workflow",
        "traceloop.workflow.name": "supplier-reorder",
        "traceloop.entity.input": '{"args":[]}',
      },
    });
    const taskSpan = normalize({
      attributes: { "traceloop.span.kind": "task", "traceloop.workflow.name": "reorder-agent" },
    });
    expect(workflowSpan.role).toBe("aggregate");
    expect(workflowSpan.operation).toBe("invoke_workflow");
    expect(workflowSpan.workflow).toEqual({ name: "supplier-reorder", rank: 2 });
    expect(storedAttributes(workflowSpan)["traceloop.entity.input"]).toBeUndefined();
    expect(taskSpan.workflow).toBeNull();
    expect(taskSpan.role).toBe("other");
  });

  it("reads older llm.* usage keys", () => {
    const span = normalize({
      attributes: {
        "llm.request.type": "completion",
        "llm.vendor": "OpenAI",
        "llm.request.model": "gpt-3.5-turbo-instruct",
        "llm.usage.prompt_tokens": 50n,
        "llm.usage.completion_tokens": 10n,
      },
    });
    expect(span.operation).toBe("text_completion");
    expect(span.provider).toBe("openai");
    expect(span.model).toBe("gpt-3.5-turbo-instruct");
    expect(span.usage?.input).toBe(50);
    expect(span.usage?.output).toBe(10);
  });

  it("classifies a tool span", () => {
    const span = normalize({ attributes: { "traceloop.span.kind": "tool" } });
    expect(span.role).toBe("tool");
  });
});

describe("normalizeSpan aggregates", () => {
  it("treats invoke_agent as an aggregate", () => {
    const span = normalize({
      attributes: {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.agent.name": "reorder-agent",
        "gen_ai.usage.input_tokens": 9000n,
      },
    });
    expect(span.role).toBe("aggregate");
    expect(span.agentName).toBe("reorder-agent");
    expect(span.usage).toBeNull();
  });

  it("treats Pydantic aggregated usage as an aggregate", () => {
    const span = normalize({
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.aggregated_usage.input_tokens": 9000n,
        "agent.name": "planner",
      },
    });
    expect(span.role).toBe("aggregate");
    expect(span.agentName).toBe("planner");
  });

  it("keeps both nested LLM spans as LLM calls", () => {
    const outer = normalize({
      scopeName: "@arizeai/openinference-instrumentation-anthropic",
      spanId: "1111111111111111",
      attributes: {
        "openinference.span.kind": "LLM",
        "llm.provider": "anthropic",
        "llm.model_name": "claude-sonnet-4-5",
        "llm.token_count.prompt": 5100n,
        "llm.token_count.completion": 200n,
      },
    });
    const inner = normalize({
      scopeName: "@anthropic-ai/sdk",
      spanId: "2222222222222222",
      parentSpanId: "1111111111111111",
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "anthropic",
        "gen_ai.request.model": "claude-sonnet-4-5",
        "gen_ai.usage.input_tokens": 5100n,
        "gen_ai.usage.cache_read.input_tokens": 5000n,
        "gen_ai.usage.output_tokens": 200n,
      },
    });
    // Choosing the leaf needs the whole run, so both stay LLM calls here.
    expect(outer.role).toBe("llm");
    expect(inner.role).toBe("llm");
    expect(inner.parentSpanId).toBe(outer.spanId);
    expect(inner.usage?.cacheRead).toBe(5000);
    expect(inner.usage?.uncachedInput).toBe(100);
  });

  it("leaves a span without GenAI keys alone", () => {
    const span = normalize({ attributes: { "http.route": "/orders" } });
    expect(span.dialect).toBe("none");
    expect(span.role).toBe("other");
    expect(span.operation).toBeNull();
    expect(span.serviceTier).toBeNull();
    expect(span.flags).toEqual([]);
  });
});

/**
 * Turns a planned run into OpenTelemetry spans with GenAI semantic-convention
 * attributes: one `invoke_agent` root span, then LLM-call and tool spans.
 */
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
  type Tracer,
} from "@opentelemetry/api";

import type { LlmCallPlan, Provider, RunPlan, ToolCallPlan } from "./plan";

/** Host names the providers' clients record as `server.address`. */
const SERVER_ADDRESSES: Record<Provider, string> = {
  openai: "api.openai.com",
  anthropic: "api.anthropic.com",
  "gcp.gemini": "generativelanguage.googleapis.com",
};

function llmAttributes(call: LlmCallPlan): Attributes {
  const attributes: Attributes = {
    "gen_ai.operation.name": call.operation,
    "gen_ai.provider.name": call.provider,
    "gen_ai.request.model": call.requestModel,
    "server.address": SERVER_ADDRESSES[call.provider],
  };
  if (call.error) {
    attributes["error.type"] = call.error.type;
  }
  if (call.inputTokens !== null) {
    // A provider that returned usage also named the model that served the request.
    attributes["gen_ai.response.model"] = call.responseModel;
    attributes["gen_ai.usage.input_tokens"] = call.inputTokens;
  }
  const optional: [string, number | null][] = [
    ["gen_ai.usage.output_tokens", call.outputTokens],
    ["gen_ai.usage.cache_read.input_tokens", call.cacheReadTokens],
    ["gen_ai.usage.cache_creation.input_tokens", call.cacheWriteTokens],
    ["gen_ai.usage.reasoning.output_tokens", call.reasoningTokens],
  ];
  for (const [key, value] of optional) {
    if (value !== null) attributes[key] = value;
  }
  if (call.operation === "chat" && call.outputTokens !== null) {
    attributes["gen_ai.response.finish_reasons"] = ["stop"];
  }
  return attributes;
}

function toolAttributes(call: ToolCallPlan): Attributes {
  const attributes: Attributes = {
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.name": call.toolName,
    "gen_ai.tool.type": "function",
  };
  if (call.error) attributes["error.type"] = call.error.type;
  return attributes;
}

function endWithStatus(span: Span, error: { message: string } | null, endMs: number): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
  span.end(new Date(endMs));
}

/**
 * Emits the spans of one run, each with its planned historic start and end,
 * and returns how many spans it emitted. Outcome and decisions go on the root.
 */
export function emitRunSpans(tracer: Tracer, run: RunPlan): number {
  const root = tracer.startSpan(
    `invoke_agent ${run.agent}`,
    {
      kind: SpanKind.INTERNAL,
      startTime: new Date(run.startMs),
      root: true,
      attributes: {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.agent.name": run.agent,
        "gen_ai.workflow.name": run.workflow,
        "finops.outcome": run.outcome,
        "finops.decisions": run.decisions,
      },
    },
    ROOT_CONTEXT,
  );
  const parent = trace.setSpan(ROOT_CONTEXT, root);

  for (const step of run.steps) {
    const startMs = run.startMs + step.startOffsetMs;
    const isLlm = step.kind === "llm";
    const span = tracer.startSpan(
      isLlm ? `${step.operation} ${step.requestModel}` : `execute_tool ${step.toolName}`,
      {
        kind: isLlm ? SpanKind.CLIENT : SpanKind.INTERNAL,
        startTime: new Date(startMs),
        attributes: isLlm ? llmAttributes(step) : toolAttributes(step),
      },
      parent,
    );
    endWithStatus(span, step.error, startMs + step.durationMs);
  }

  endWithStatus(
    root,
    run.errorMessage === null ? null : { message: run.errorMessage },
    run.startMs + run.durationMs,
  );
  return 1 + run.steps.length;
}

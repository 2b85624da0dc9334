/**
 * Emits one agent run through the OpenTelemetry SDK: an `invoke_agent` root
 * span carrying the workflow, outcome and decisions, then alternating `chat`
 * and `execute_tool` spans, with explicit historic times.
 */
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type TracerProvider,
} from "@opentelemetry/api";

import type { Random } from "@/scripts/demo/random";

import {
  AGENT_SCOPE,
  OUTCOME_SHARES,
  SERVER_ADDRESSES,
  type ModelProfile,
  type Outcome,
  type WorkflowProfile,
} from "./trace-catalog";

/** Share of LLM calls that fail (rate limit or server error) and carry error status. */
const FAILED_CALL_SHARE = 0.02;

/** Converts milliseconds since the epoch (fractional) to an HrTime tuple. */
function toHrTime(ms: number): [number, number] {
  const whole = Math.floor(ms);
  const seconds = Math.floor(whole / 1000);
  const nanos = (whole % 1000) * 1_000_000 + Math.floor((ms - whole) * 1_000_000);
  return [seconds, nanos];
}

function pickOutcome(random: Random): Outcome {
  const draw = random.next();
  for (const [outcome, cumulative] of OUTCOME_SHARES) if (draw < cumulative) return outcome;
  return "completed";
}

/** Draws a positive token count around `typical`, log-normally spread. */
function drawTokens(random: Random, typical: number): number {
  return Math.max(1, Math.round(typical * Math.exp(0.45 * random.normal())));
}

function llmAttributes(random: Random, model: ModelProfile, profile: WorkflowProfile): Attributes {
  const input = drawTokens(random, profile.promptTokens);
  const output = drawTokens(random, profile.completionTokens);
  const attributes: Attributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": model.provider,
    "gen_ai.request.model": model.model,
    "gen_ai.response.model": model.model,
    "gen_ai.request.max_tokens": 4096,
    "gen_ai.request.temperature": 0.2,
    "gen_ai.response.id": `resp_${random.hex(12)}`,
    "gen_ai.response.finish_reasons": [random.chance(0.6) ? "tool_calls" : "stop"],
    "gen_ai.usage.input_tokens": input,
    "gen_ai.usage.output_tokens": output,
    "server.address": SERVER_ADDRESSES[model.provider],
    "server.port": 443,
  };
  if (model.recordsCache) {
    // Agents resend the growing conversation, so most of each prompt is a cache read.
    const cacheRead = Math.floor(input * random.between(0.3, 0.8));
    attributes["gen_ai.usage.cache_read.input_tokens"] = cacheRead;
    if (model.provider === "anthropic") {
      attributes["gen_ai.usage.cache_creation.input_tokens"] = Math.floor(
        (input - cacheRead) * random.between(0, 0.5),
      );
    }
  }
  if (model.reportsReasoning) {
    const reasoning = Math.floor(output * random.between(0, 0.6));
    attributes["gen_ai.usage.reasoning.output_tokens"] = reasoning;
  }
  return attributes;
}

export interface RunPlan {
  profile: WorkflowProfile;
  /** Spans in the run, root included. */
  spanCount: number;
  startMs: number;
}

/**
 * Emits the run's spans: children in the order they end, then the root, which
 * ends last. The spans reach the providers' span processors in that order.
 */
export function emitRun(random: Random, provider: TracerProvider, plan: RunPlan): void {
  const { profile } = plan;
  const agentTracer = provider.getTracer(AGENT_SCOPE.name, AGENT_SCOPE.version);
  const outcome = pickOutcome(random);
  const root = agentTracer.startSpan(`invoke_agent ${profile.agentName}`, {
    kind: SpanKind.INTERNAL,
    startTime: toHrTime(plan.startMs),
    root: true,
    attributes: {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": profile.agentName,
      "gen_ai.agent.id": `${profile.agentName}-v3`,
      "gen_ai.workflow.name": profile.workflow,
      "gen_ai.conversation.id": `conv_${random.hex(10)}`,
    },
  });
  const parent: Context = trace.setSpan(ROOT_CONTEXT, root);

  let cursorMs = plan.startMs + random.between(2, 40);
  const children = plan.spanCount - 1;
  for (let index = 0; index < children; index += 1) {
    // Calls and tools alternate, and the last child is a call, because a run ends with
    // the model's final response.
    const isCall = index % 2 === 0 || index === children - 1;
    if (isCall) {
      const model = random.pick(profile.models);
      const tracer = provider.getTracer(model.scope.name, model.scope.version);
      const durationMs = random.between(350, 9_000);
      const span = tracer.startSpan(
        `chat ${model.model}`,
        {
          kind: SpanKind.CLIENT,
          startTime: toHrTime(cursorMs),
          attributes: llmAttributes(random, model, profile),
        },
        parent,
      );
      if (random.chance(FAILED_CALL_SHARE)) {
        span.setAttribute("error.type", random.chance(0.7) ? "429" : "500");
        span.setStatus({ code: SpanStatusCode.ERROR, message: "provider returned an error" });
      }
      cursorMs += durationMs;
      span.end(toHrTime(cursorMs));
    } else {
      const tool = random.pick(profile.tools);
      const span = agentTracer.startSpan(
        `execute_tool ${tool}`,
        {
          kind: SpanKind.INTERNAL,
          startTime: toHrTime(cursorMs),
          attributes: {
            "gen_ai.operation.name": "execute_tool",
            "gen_ai.tool.name": tool,
            "gen_ai.tool.type": "function",
            "gen_ai.tool.call.id": `call_${random.hex(12)}`,
          },
        },
        parent,
      );
      cursorMs += random.between(15, 2_500);
      span.end(toHrTime(cursorMs));
    }
    cursorMs += random.between(1, 30);
  }

  root.setAttribute("finops.outcome", outcome);
  root.setAttribute("finops.decisions", outcome === "completed" ? random.integer(1, 4) : 0);
  if (outcome === "failed") root.setStatus({ code: SpanStatusCode.ERROR, message: "run failed" });
  root.end(toHrTime(cursorMs + random.between(1, 20)));
}

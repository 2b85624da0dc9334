/**
 * Normalizes a decoded span of any GenAI dialect into the one record the
 * ledger stores: role, model, provider, token usage with data-quality flags,
 * business attributes and the attributes without prompt or completion content.
 */
import type { DecodedSpan } from "@/lib/otlp/types";

import { findInvalidTokenAttributes } from "./read-token-counts";
import { classifySpan } from "./classify-span";
import { formatAttributesJson } from "./format-attributes-json";
import { isContentKey } from "./privacy";
import {
  readAgentName,
  readDecisions,
  readEmitterCost,
  readOutcome,
  readServiceTier,
  readWorkflowCandidate,
} from "./read-business-attributes";
import { readString } from "./read-attributes";
import { resolveModel, resolveProvider } from "./resolve-model-provider";
import { accountTokens } from "./token-accounting";
import type { NormalizedSpan } from "./types";

/**
 * Normalizes one span on its own. Decisions that need the whole run (which
 * LLM span is the leaf, which workflow candidate wins, the `service.name`
 * fallback for the workflow) are left to the caller.
 */
export function normalizeSpan(span: DecodedSpan): NormalizedSpan {
  const classification = classifySpan(span);
  const model = resolveModel(span.attributes);
  const provider = resolveProvider(span.attributes, model);
  const isLlmCall = classification.role === "llm";
  const { usage, flags } = accountTokens(span, classification, provider);
  // A token attribute that is present but unreadable makes the usage untrustworthy.
  if (isLlmCall && findInvalidTokenAttributes(span.attributes).length > 0) flags.push("tokens_invalid");
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    startTimeUnixNano: span.startTimeUnixNano,
    endTimeUnixNano: span.endTimeUnixNano,
    serviceName: readString(span.resource, "service.name"),
    scopeName: span.scope.name,
    scopeVersion: span.scope.version,
    dialect: classification.dialect,
    role: classification.role,
    operation: classification.operation,
    provider,
    model,
    serviceTier: isLlmCall ? readServiceTier(span) : null,
    usage,
    workflow: readWorkflowCandidate(span),
    agentName: readAgentName(span),
    outcome: readOutcome(span),
    decisions: readDecisions(span),
    emitterCostUsd: readEmitterCost(span),
    statusCode: span.statusCode,
    flags,
    attributesJson: formatAttributesJson(span.attributes, isContentKey),
  };
}

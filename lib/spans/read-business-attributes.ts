/**
 * Business fields of a span: workflow candidate, agent, outcome, decisions,
 * the emitter's own cost figure and the service tier that prices the call.
 */
import type { DecodedSpan } from "@/lib/otlp/types";

import { formatCostHint } from "./format-cost-hint";
import {
  readFirstString,
  readJsonObject,
  readPath,
  readString,
  toCount,
} from "./read-attributes";
import type { Outcome, WorkflowCandidate } from "./types";

const OUTCOMES: ReadonlySet<string> = new Set(["completed", "failed", "abandoned", "escalated"]);

const AGENT_KEYS = ["gen_ai.agent.name", "agent.name"] as const;
const COST_KEYS = ["llm.cost.total", "gen_ai.usage.cost", "operation.cost"] as const;

/** Tier the provider reports it served, before the tier the caller asked for. */
const RESPONSE_TIER_KEYS = [
  "openai.response.service_tier",
  "gen_ai.openai.response.service_tier",
  "anthropic.response.service_tier",
] as const;
const REQUEST_TIER_KEYS = [
  "openai.request.service_tier",
  "gen_ai.openai.request.service_tier",
  "anthropic.request.service_tier",
] as const;
/** Request values that leave the choice to the provider, priced as standard. */
const STANDARD_TIERS = new Set(["default", "auto", "standard", "standard_only"]);

/**
 * Returns the workflow named on this span, with the rank of its source attribute
 * (lower wins when candidates of a run are compared). `traceloop.workflow.name`
 * counts only on OpenLLMetry's workflow span itself, because spans below it
 * carry the agent's name under the same key.
 */
export function readWorkflowCandidate(span: DecodedSpan): WorkflowCandidate | null {
  const attributes = span.attributes;
  const candidates: Array<string | null> = [
    readString(attributes, "gen_ai.workflow.name"),
    readString(attributes, "finops.workflow"),
    readString(attributes, "traceloop.span.kind") === "workflow"
      ? readString(attributes, "traceloop.workflow.name")
      : null,
    readString(attributes, "ai.telemetry.functionId"),
    readString(attributes, "langfuse.trace.name"),
  ];
  const rank = candidates.findIndex((name) => name !== null);
  return rank === -1 ? null : { name: candidates[rank] as string, rank };
}

/** Returns the agent name. A Langfuse `agent` observation names its agent by the span name. */
export function readAgentName(span: DecodedSpan): string | null {
  const declared = readFirstString(span.attributes, AGENT_KEYS);
  if (declared !== null) return declared.value;
  const isLangfuseAgent = readString(span.attributes, "langfuse.observation.type") === "agent";
  return isLangfuseAgent && span.name.trim() !== "" ? span.name.trim() : null;
}

/** Returns `finops.outcome` when it is one of the four outcomes, else null. */
export function readOutcome(span: DecodedSpan): Outcome | null {
  const value = readString(span.attributes, "finops.outcome")?.toLowerCase() ?? null;
  return value !== null && OUTCOMES.has(value) ? (value as Outcome) : null;
}

/** Returns `finops.decisions` when it is a non-negative safe integer, else null. */
export function readDecisions(span: DecodedSpan): number | null {
  return toCount(span.attributes["finops.decisions"]);
}

/**
 * Returns the cost the emitter reported, in USD, as a decimal string. It is a hint
 * only. A Langfuse total of 0 on a failed span is dropped, because
 * @langfuse/openai writes 0 on failed calls whatever they cost.
 */
export function readEmitterCost(span: DecodedSpan): string | null {
  for (const key of COST_KEYS) {
    const cost = formatCostHint(span.attributes[key]);
    if (cost !== null) return cost;
  }
  const details = readJsonObject(span.attributes, "langfuse.observation.cost_details");
  const total = formatCostHint(details?.total);
  if (total === null || (total === "0" && span.statusCode === 2)) return null;
  return total;
}

/**
 * Returns the service tier, normalized: `standard` for default, auto or absent,
 * otherwise the provider's value in lower case (`batch`, `flex`, `priority`).
 * The Vercel AI SDK reports the served tier only in its provider metadata.
 */
export function readServiceTier(span: DecodedSpan): string {
  const attributes = span.attributes;
  const metadata = readJsonObject(attributes, "ai.response.providerMetadata");
  const metadataTier =
    readPath(metadata, ["openai", "serviceTier"]) ??
    readPath(metadata, ["anthropic", "usage", "service_tier"]);
  const tier =
    readFirstString(attributes, RESPONSE_TIER_KEYS)?.value ??
    (typeof metadataTier === "string" && metadataTier.trim() !== "" ? metadataTier : null) ??
    readFirstString(attributes, REQUEST_TIER_KEYS)?.value ??
    null;
  if (tier === null) return "standard";
  const normalized = tier.trim().toLowerCase();
  return STANDARD_TIERS.has(normalized) ? "standard" : normalized;
}

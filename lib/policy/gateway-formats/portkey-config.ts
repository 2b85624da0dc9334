import type { ModelTier, WorkflowPolicy } from "../policy-schema";

import {
  hasRunGuardrail,
  UNSUPPORTED_KEY,
  type PublishedPolicyInput,
  type UnsupportedSetting,
} from "./gateway-format-types";

// Field names follow Portkey's gateway config documentation:
// https://portkey.ai/docs/product/ai-gateway/configs (strategy, targets, override_params),
// https://portkey.ai/docs/product/ai-gateway/conditional-routing (conditions, query, then, default),
// https://portkey.ai/docs/product/ai-gateway-streamline-llm-integrations/cache-simple-and-semantic
// (cache.mode, cache.max_age in seconds, at least 60).

/** Metadata keys the caller sends with each request so the conditions can route on them. */
export const PORTKEY_METADATA = { inputTokens: "input_tokens", complexity: "complexity" } as const;

const MIN_CACHE_MAX_AGE_SECONDS = 60;

/** A query on request metadata; Portkey compares `$gt` operands as numbers. */
export type PortkeyQuery =
  | { $and: PortkeyQuery[] }
  | { $or: PortkeyQuery[] }
  | Record<string, { $gt: number }>;

export interface PortkeyTarget {
  name: string;
  provider: string;
  override_params: { model: string };
}

export interface PortkeyConfig {
  strategy: {
    mode: "conditional";
    conditions: Array<{ query: PortkeyQuery; then: string }>;
    default: string;
  };
  targets: PortkeyTarget[];
  cache?: { mode: "semantic"; max_age: number };
}

export interface PortkeyConfigSet {
  /** One Portkey config per workflow that has routing tiers. */
  configs: Record<string, PortkeyConfig>;
  [UNSUPPORTED_KEY]: UnsupportedSetting[];
}

/**
 * Converts a published policy to one Portkey gateway config per workflow:
 * conditional routing up the tiers on the caller's `input_tokens` and
 * `complexity` metadata, and the semantic cache.
 */
export function toPortkeyConfig(published: PublishedPolicyInput): PortkeyConfigSet {
  const result: PortkeyConfigSet = { configs: {}, [UNSUPPORTED_KEY]: [] };
  const unsupported = result[UNSUPPORTED_KEY];
  const workflows = Object.entries(published.document.workflows).sort(([a], [b]) => a.localeCompare(b));

  for (const [workflow, policy] of workflows) {
    listUnsupported(workflow, policy, unsupported);
    const routing = policy.routing;
    if (!routing) continue;

    const config: PortkeyConfig = {
      strategy: {
        mode: "conditional",
        conditions: buildConditions(routing.tiers),
        default: routing.tiers[0]!.name,
      },
      targets: routing.tiers.map((tier) => ({
        name: tier.name,
        provider: tier.provider,
        override_params: { model: tier.model },
      })),
    };
    const cache = routing.semanticCache;
    if (cache.enabled) {
      config.cache = { mode: "semantic", max_age: Math.max(cache.ttlSeconds, MIN_CACHE_MAX_AGE_SECONDS) };
      if (cache.ttlSeconds < MIN_CACHE_MAX_AGE_SECONDS) {
        unsupported.push({
          workflow,
          setting: "routing.semanticCache.ttlSeconds",
          reason: `Portkey's shortest cache max_age is ${MIN_CACHE_MAX_AGE_SECONDS} seconds; that is sent instead`,
        });
      }
      unsupported.push({
        workflow,
        setting: "routing.semanticCache.similarityThreshold",
        reason: "Portkey's semantic cache threshold is not settable in a config",
      });
    }
    result.configs[workflow] = config;
  }
  return result;
}

/** Builds the query that matches when a tier's escalation conditions match, or null if it has none. */
function buildEscalationQuery(tier: ModelTier): PortkeyQuery | null {
  const parts: PortkeyQuery[] = [];
  if (tier.escalateAboveInputTokens !== null) {
    parts.push({ [`metadata.${PORTKEY_METADATA.inputTokens}`]: { $gt: tier.escalateAboveInputTokens } });
  }
  if (tier.escalateAboveComplexity !== null) {
    parts.push({ [`metadata.${PORTKEY_METADATA.complexity}`]: { $gt: tier.escalateAboveComplexity } });
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : { $or: parts };
}

/**
 * Portkey takes the first condition that matches, so the highest reachable
 * tier comes first: tier k is reached when every tier below it escalates.
 */
function buildConditions(tiers: ModelTier[]): Array<{ query: PortkeyQuery; then: string }> {
  const chain: PortkeyQuery[] = [];
  const conditions: Array<{ query: PortkeyQuery; then: string }> = [];
  for (let index = 0; index < tiers.length - 1; index += 1) {
    const query = buildEscalationQuery(tiers[index]!);
    // A tier without conditions never escalates, so the tiers above it are unreachable.
    if (!query) break;
    chain.push(query);
    const reached = chain.length === 1 ? chain[0]! : { $and: [...chain] };
    conditions.unshift({ query: reached, then: tiers[index + 1]!.name });
  }
  return conditions;
}

function listUnsupported(workflow: string, policy: WorkflowPolicy, unsupported: UnsupportedSetting[]): void {
  const add = (setting: string, reason: string) => unsupported.push({ workflow, setting, reason });
  if (policy.budget) {
    add(
      "budget",
      "Portkey budget limits belong to API keys and workspaces, not to configs; " +
        "enforce with POST /api/v1/policy/decide",
    );
  }
  const { guardrails } = policy;
  if (guardrails.maxContextTokensPerCall !== null) {
    add("guardrails.maxContextTokensPerCall", "a Portkey config cannot cap input tokens per call");
  }
  if (hasRunGuardrail(guardrails)) {
    add("guardrails", "Portkey does not group requests into runs, so per-run limits cannot be enforced");
  }
  add("escalation", "human approval, autonomy level and token drift are not gateway settings");
  if (!policy.routing) {
    add("routing", "the workflow has no routing tiers, so no Portkey config is produced for it");
    return;
  }
  if (policy.routing.downgradeAtPercent !== null) {
    add("routing.downgradeAtPercent", "Portkey cannot switch targets as a budget runs out");
  }
  if (policy.routing.atLimit === "block") {
    add("routing.atLimit", "a Portkey config cannot block at a budget limit");
  }
}

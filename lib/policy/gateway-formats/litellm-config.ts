import type { BudgetPeriod, WorkflowPolicy } from "../policy-schema";

import {
  hasRunGuardrail,
  UNSUPPORTED_KEY,
  type PublishedPolicyInput,
  type UnsupportedSetting,
} from "./gateway-format-types";

// Field names follow the LiteLLM proxy documentation:
// https://docs.litellm.ai/docs/proxy/configs (model_list, litellm_params, router_settings),
// https://docs.litellm.ai/docs/proxy/caching_settings (litellm_settings.cache_params),
// https://docs.litellm.ai/docs/proxy/team_budgets (max_budget, budget_duration on /team/new).

export interface LiteLlmModelEntry {
  model_name: string;
  litellm_params: { model: string };
}

/** The body of a LiteLLM `POST /team/new` call that carries one workflow's budget. */
export interface LiteLlmTeamRequest {
  team_alias: string;
  models: string[];
  max_budget?: number;
  budget_duration?: string;
  metadata: { workflow: string; policy_version: number };
}

export interface LiteLlmConfig {
  model_list: LiteLlmModelEntry[];
  router_settings: {
    fallbacks: Array<Record<string, string[]>>;
    context_window_fallbacks: Array<Record<string, string[]>>;
  };
  litellm_settings: {
    cache?: boolean;
    cache_params?: { type: "redis-semantic"; similarity_threshold: number; ttl: number };
  };
  /** Teams are created through LiteLLM's API, not config.yaml, so they travel beside it. */
  // NOTE: whether the LiteLLM proxy ignores unknown top-level keys such as this
  // one was not verified; strip the `x-inference-ledger-*` keys if it rejects them.
  "x-inference-ledger-teams": LiteLlmTeamRequest[];
  [UNSUPPORTED_KEY]: UnsupportedSetting[];
}

/** LiteLLM `budget_duration` values for each budget period. */
const BUDGET_DURATIONS: Record<BudgetPeriod, string> = {
  day: "1d",
  week: "7d",
  month: "1mo",
  quarter: "3mo",
};

/** Model group name of one workflow's tier, unique across workflows. */
export function nameLiteLlmModel(workflow: string, tier: string): string {
  return `${workflow}/${tier}`;
}

/**
 * Converts a published policy to a LiteLLM proxy configuration: one model
 * group per workflow tier, fallbacks up the tiers, a team per budgeted
 * workflow and the semantic cache, plus the settings LiteLLM cannot express.
 */
export function toLiteLlmConfig(published: PublishedPolicyInput): LiteLlmConfig {
  const config: LiteLlmConfig = {
    model_list: [],
    router_settings: { fallbacks: [], context_window_fallbacks: [] },
    litellm_settings: {},
    "x-inference-ledger-teams": [],
    [UNSUPPORTED_KEY]: [],
  };
  const unsupported = config[UNSUPPORTED_KEY];
  const workflows = Object.entries(published.document.workflows).sort(([a], [b]) => a.localeCompare(b));

  for (const [workflow, policy] of workflows) {
    const modelNames = addModels(config, workflow, policy);
    const team = buildTeam(workflow, policy, modelNames, published.version, unsupported);
    if (team) config["x-inference-ledger-teams"].push(team);
    listUnsupported(workflow, policy, unsupported);
  }
  addCache(config, workflows);
  return config;
}

function addModels(config: LiteLlmConfig, workflow: string, policy: WorkflowPolicy): string[] {
  const tiers = policy.routing?.tiers ?? [];
  const names = tiers.map((tier) => nameLiteLlmModel(workflow, tier.name));
  tiers.forEach((tier, index) => {
    config.model_list.push({
      model_name: names[index]!,
      litellm_params: { model: `${tier.provider}/${tier.model}` },
    });
  });
  // Each tier falls back to the tiers above it, in order, on errors and on
  // context-window overflow, which is the nearest LiteLLM has to escalation.
  names.slice(0, -1).forEach((name, index) => {
    const above = names.slice(index + 1);
    config.router_settings.fallbacks.push({ [name]: above });
    config.router_settings.context_window_fallbacks.push({ [name]: above });
  });
  return names;
}

function buildTeam(
  workflow: string,
  policy: WorkflowPolicy,
  models: string[],
  version: number,
  unsupported: UnsupportedSetting[],
): LiteLlmTeamRequest | null {
  const budget = policy.budget;
  if (!budget) return null;
  const team: LiteLlmTeamRequest = {
    team_alias: workflow,
    models,
    metadata: { workflow, policy_version: version },
  };
  if (budget.amountUsd !== null && budget.enforcement === "hard") {
    // LiteLLM reads max_budget as a float, so the exact decimal ends here.
    team.max_budget = Number(budget.amountUsd);
    team.budget_duration = BUDGET_DURATIONS[budget.period];
    unsupported.push({
      workflow,
      setting: "budget.timeZone",
      reason:
        "LiteLLM resets a budget every budget_duration from when it was set, " +
        `not at midnight in ${budget.timeZone}`,
    });
  }
  if (budget.amountUsd !== null && budget.enforcement === "soft") {
    unsupported.push({
      workflow,
      setting: "budget.enforcement",
      reason: "LiteLLM rejects every request over max_budget, so a soft budget is not sent as one",
    });
  }
  if (budget.tokens !== null) {
    unsupported.push({
      workflow,
      setting: "budget.tokens",
      reason: "LiteLLM limits tokens per minute (tpm_limit), not per budget period",
    });
  }
  if (budget.alertThresholdsPercent.length > 0) {
    unsupported.push({
      workflow,
      setting: "budget.alertThresholdsPercent",
      reason: "threshold alerts are sent by Inference Ledger's webhooks, not by the gateway",
    });
  }
  return team;
}

function listUnsupported(workflow: string, policy: WorkflowPolicy, unsupported: UnsupportedSetting[]): void {
  const add = (setting: string, reason: string) => unsupported.push({ workflow, setting, reason });
  const { guardrails, routing } = policy;
  if (guardrails.maxContextTokensPerCall !== null) {
    add(
      "guardrails.maxContextTokensPerCall",
      "LiteLLM has no per-workflow input token cap; use POST /api/v1/policy/decide",
    );
  }
  if (hasRunGuardrail(guardrails)) {
    add("guardrails", "LiteLLM does not group requests into runs, so per-run limits cannot be enforced");
  }
  add("escalation", "human approval, autonomy level and token drift are not gateway settings");
  if (!routing) return;
  if (routing.tiers.some((tier) => tier.escalateAboveComplexity !== null)) {
    add("routing.tiers.escalateAboveComplexity", "LiteLLM cannot route on a caller's complexity score");
  }
  if (routing.tiers.some((tier) => tier.escalateAboveInputTokens !== null)) {
    add(
      "routing.tiers.escalateAboveInputTokens",
      "LiteLLM moves up a tier only when the context window overflows, not at a chosen input token count",
    );
  }
  if (routing.downgradeAtPercent !== null) {
    add("routing.downgradeAtPercent", "LiteLLM cannot switch tiers as a budget runs out");
  }
  if (routing.atLimit === "allow") {
    add("routing.atLimit", "LiteLLM blocks at max_budget; allowing on the cheapest tier is not expressible");
  }
}

/**
 * LiteLLM's cache is one proxy-wide setting, so the strictest similarity
 * threshold and the shortest time to live among the workflows that enable it win.
 */
function addCache(config: LiteLlmConfig, workflows: Array<[string, WorkflowPolicy]>): void {
  const caches = workflows
    .map(([workflow, policy]) => ({ workflow, cache: policy.routing?.semanticCache }))
    .filter((entry) => entry.cache?.enabled);
  if (caches.length === 0) return;

  const similarity = Math.max(...caches.map((entry) => entry.cache!.similarityThreshold));
  const ttl = Math.min(...caches.map((entry) => entry.cache!.ttlSeconds));
  config.litellm_settings.cache = true;
  config.litellm_settings.cache_params = { type: "redis-semantic", similarity_threshold: similarity, ttl };

  const differs = caches.some(
    (entry) => entry.cache!.similarityThreshold !== similarity || entry.cache!.ttlSeconds !== ttl,
  );
  if (differs || caches.length < workflows.length) {
    config[UNSUPPORTED_KEY].push({
      workflow: null,
      setting: "routing.semanticCache",
      reason:
        "LiteLLM's cache applies to the whole proxy, so the strictest threshold " +
        "and the shortest TTL are used for all workflows",
    });
  }
}

import { describe, expect, it } from "vitest";

import { decideRequest } from "@/lib/policy/decide";
import { toLiteLlmConfig } from "@/lib/policy/gateway-formats/litellm-config";
import { toPortkeyConfig, type PortkeyConfig, type PortkeyQuery } from "@/lib/policy/gateway-formats/portkey-config";
import type { WorkflowPolicy } from "@/lib/policy/policy-schema";

import { liteLlmConfigSchema, portkeyConfigSchema } from "../support/gateway-doc-schemas";
import { buildPolicyDocument, buildWorkflowPolicy } from "../support/policy-fixtures";

function threeTierPolicy(): WorkflowPolicy {
  const base = buildWorkflowPolicy();
  const tiers = [
    { ...base.routing!.tiers[0]!, escalateAboveInputTokens: 4_000, escalateAboveComplexity: 0.5 },
    {
      name: "medium",
      provider: "openai",
      model: "gpt-4o",
      escalateAboveInputTokens: 30_000,
      escalateAboveComplexity: null,
    },
    base.routing!.tiers[1]!,
  ];
  return buildWorkflowPolicy({ routing: { ...base.routing!, tiers } });
}

const PUBLISHED = {
  version: 3,
  contentHash: "ab".repeat(32),
  document: buildPolicyDocument({
    "supplier-reorder": buildWorkflowPolicy(),
    "ledger-close": threeTierPolicy(),
    "no-routing": buildWorkflowPolicy({ routing: null }),
  }),
};

/** Evaluates a query the way Portkey's conditional router does: `$gt` compares numbers. */
function matchesQuery(query: PortkeyQuery, metadata: Record<string, string>): boolean {
  if ("$and" in query && Array.isArray(query.$and)) return query.$and.every((part) => matchesQuery(part, metadata));
  if ("$or" in query && Array.isArray(query.$or)) return query.$or.some((part) => matchesQuery(part, metadata));
  return Object.entries(query as Record<string, { $gt: number }>).every(([key, operator]) => {
    const value = metadata[key.replace(/^metadata\./, "")];
    return Number.parseFloat(value ?? "") > operator.$gt;
  });
}

function routeWithPortkey(config: PortkeyConfig, metadata: Record<string, string>): string {
  const match = config.strategy.conditions.find((condition) => matchesQuery(condition.query, metadata));
  return match ? match.then : config.strategy.default;
}

describe("toLiteLlmConfig", () => {
  const config = toLiteLlmConfig(PUBLISHED);

  it("matches the documented fields", () => {
    const result = liteLlmConfigSchema.safeParse(config);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it("lists one model group per tier", () => {
    expect(config.model_list.map((entry) => entry.model_name)).toEqual([
      "ledger-close/small",
      "ledger-close/medium",
      "ledger-close/frontier",
      "supplier-reorder/small",
      "supplier-reorder/frontier",
    ]);
    expect(config.model_list[0]!.litellm_params.model).toBe("openai/gpt-4o-mini");
  });

  it("falls back up the tiers", () => {
    expect(config.router_settings.fallbacks).toContainEqual({
      "ledger-close/small": ["ledger-close/medium", "ledger-close/frontier"],
    });
    expect(config.router_settings.context_window_fallbacks).toContainEqual({
      "supplier-reorder/small": ["supplier-reorder/frontier"],
    });
  });

  it("sends hard budgets as teams", () => {
    const team = config["x-inference-ledger-teams"].find((entry) => entry.team_alias === "supplier-reorder");
    expect(team?.max_budget).toBe(100);
    expect(team?.budget_duration).toBe("1mo");
    expect(team?.models).toEqual(["supplier-reorder/small", "supplier-reorder/frontier"]);
  });

  it("maps every period to a duration", () => {
    const durations = (["day", "week", "month", "quarter"] as const).map((period) => {
      const policy = buildWorkflowPolicy();
      policy.budget = { ...policy.budget!, period };
      const output = toLiteLlmConfig({ ...PUBLISHED, document: buildPolicyDocument({ w: policy }) });
      return output["x-inference-ledger-teams"][0]!.budget_duration;
    });
    expect(durations).toEqual(["1d", "7d", "1mo", "3mo"]);
  });

  it("omits max_budget for soft budgets", () => {
    const policy = buildWorkflowPolicy();
    policy.budget = { ...policy.budget!, enforcement: "soft" };
    const output = toLiteLlmConfig({ ...PUBLISHED, document: buildPolicyDocument({ w: policy }) });
    expect(output["x-inference-ledger-teams"][0]!.max_budget).toBeUndefined();
    const settings = output["x-inference-ledger-unsupported"].map((entry) => entry.setting);
    expect(settings).toContain("budget.enforcement");
  });

  it("sets the semantic cache", () => {
    expect(config.litellm_settings.cache).toBe(true);
    expect(config.litellm_settings.cache_params).toEqual({
      type: "redis-semantic",
      similarity_threshold: 0.92,
      ttl: 3_600,
    });
  });

  it("notes what it cannot express", () => {
    const settings = config["x-inference-ledger-unsupported"].map((entry) => entry.setting);
    expect(settings).toContain("routing.tiers.escalateAboveComplexity");
    expect(settings).toContain("routing.downgradeAtPercent");
    expect(settings).toContain("guardrails");
    expect(settings).toContain("budget.timeZone");
  });
});

describe("toPortkeyConfig", () => {
  const output = toPortkeyConfig(PUBLISHED);

  it("matches the documented fields", () => {
    for (const [workflow, config] of Object.entries(output.configs)) {
      const result = portkeyConfigSchema.safeParse(config);
      expect(result.error?.issues ?? [], workflow).toEqual([]);
    }
  });

  it("skips workflows without routing", () => {
    expect(Object.keys(output.configs).sort()).toEqual(["ledger-close", "supplier-reorder"]);
    const skipped = output["x-inference-ledger-unsupported"].find(
      (entry) => entry.workflow === "no-routing" && entry.setting === "routing",
    );
    expect(skipped).toBeDefined();
  });

  it("sets targets and cache", () => {
    const config = output.configs["supplier-reorder"]!;
    expect(config.targets[1]).toEqual({
      name: "frontier",
      provider: "anthropic",
      override_params: { model: "claude-sonnet-4-5" },
    });
    expect(config.cache).toEqual({ mode: "semantic", max_age: 3_600 });
    expect(config.strategy.default).toBe("small");
  });

  it.each([
    { inputTokens: 1_000, complexity: undefined },
    { inputTokens: 4_001, complexity: undefined },
    { inputTokens: 1_000, complexity: 0.6 },
    { inputTokens: 30_001, complexity: undefined },
    { inputTokens: 5_000, complexity: 0.9 },
    { inputTokens: 4_000, complexity: 0.5 },
  ])("routes like decide for $inputTokens tokens", ({ inputTokens, complexity }) => {
    const policy = PUBLISHED.document.workflows["ledger-close"]!;
    const request = { workflow: "ledger-close", model: "x", inputTokens, complexity };
    const expected = decideRequest(policy, { percentUsed: 0 }, request);
    const metadata: Record<string, string> = { input_tokens: String(inputTokens) };
    if (complexity !== undefined) metadata.complexity = String(complexity);
    expect(routeWithPortkey(output.configs["ledger-close"]!, metadata)).toBe(expected.tier);
  });

  it("raises a short cache TTL to 60 s", () => {
    const policy = buildWorkflowPolicy();
    policy.routing = { ...policy.routing!, semanticCache: { enabled: true, similarityThreshold: 0.9, ttlSeconds: 10 } };
    const short = toPortkeyConfig({ ...PUBLISHED, document: buildPolicyDocument({ w: policy }) });
    expect(short.configs.w!.cache?.max_age).toBe(60);
  });
});

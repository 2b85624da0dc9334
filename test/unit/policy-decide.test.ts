import { describe, expect, it } from "vitest";

import { decideRequest } from "@/lib/policy/decide";

import { buildWorkflowPolicy } from "../support/policy-fixtures";

const REQUEST = { workflow: "supplier-reorder", model: "gpt-4o", inputTokens: 1_000 };

describe("decideRequest", () => {
  it("allows as requested without policy", () => {
    const decision = decideRequest(undefined, undefined, REQUEST);
    expect(decision.action).toBe("allow");
    expect(decision.model).toBe("gpt-4o");
    expect(decision.tier).toBeNull();
    expect(decision.rules[0]!.rule).toBe("policy.none");
  });

  it("keeps routine traffic on the first tier", () => {
    const decision = decideRequest(buildWorkflowPolicy(), { percentUsed: 10 }, REQUEST);
    expect(decision.action).toBe("allow");
    expect(decision.model).toBe("gpt-4o-mini");
    expect(decision.tier).toBe("small");
    expect(decision.rules[0]!.rule).toBe("routing.first_tier");
  });

  it("escalates above the input token threshold", () => {
    const decision = decideRequest(buildWorkflowPolicy(), { percentUsed: 10 }, { ...REQUEST, inputTokens: 8_001 });
    expect(decision.action).toBe("allow");
    expect(decision.tier).toBe("frontier");
    expect(decision.model).toBe("claude-sonnet-4-5");
    expect(decision.rules.map((rule) => rule.rule)).toEqual(["routing.escalate_input_tokens"]);
  });

  it("stays at exactly the token threshold", () => {
    const decision = decideRequest(buildWorkflowPolicy(), undefined, { ...REQUEST, inputTokens: 8_000 });
    expect(decision.tier).toBe("small");
  });

  it("escalates above the complexity threshold", () => {
    const decision = decideRequest(buildWorkflowPolicy(), { percentUsed: 0 }, { ...REQUEST, complexity: 0.71 });
    expect(decision.tier).toBe("frontier");
    expect(decision.rules.map((rule) => rule.rule)).toEqual(["routing.escalate_complexity"]);
  });

  it("climbs several tiers in order", () => {
    const base = buildWorkflowPolicy();
    const tiers = [
      { ...base.routing!.tiers[0]!, escalateAboveInputTokens: 1_000 },
      {
        name: "medium",
        provider: "openai",
        model: "gpt-4o",
        escalateAboveInputTokens: 10_000,
        escalateAboveComplexity: null,
      },
      base.routing!.tiers[1]!,
    ];
    const policy = buildWorkflowPolicy({ routing: { ...base.routing!, tiers } });
    const medium = decideRequest(policy, undefined, { ...REQUEST, inputTokens: 5_000 });
    expect(medium.tier).toBe("medium");
    const frontier = decideRequest(policy, undefined, { ...REQUEST, inputTokens: 20_000 });
    expect(frontier.tier).toBe("frontier");
    expect(frontier.rules).toHaveLength(2);
  });

  it("downgrades at the downgrade threshold", () => {
    const decision = decideRequest(buildWorkflowPolicy(), { percentUsed: 80 }, { ...REQUEST, inputTokens: 50_000 });
    expect(decision.action).toBe("downgrade");
    expect(decision.tier).toBe("small");
    expect(decision.model).toBe("gpt-4o-mini");
    expect(decision.rules[0]!.rule).toBe("routing.downgrade_at_percent");
  });

  it("allows just below the downgrade threshold", () => {
    const decision = decideRequest(buildWorkflowPolicy(), { percentUsed: 79.99 }, REQUEST);
    expect(decision.action).toBe("allow");
  });

  it("blocks at 100 % of a hard budget", () => {
    const decision = decideRequest(buildWorkflowPolicy(), { percentUsed: 100 }, REQUEST);
    expect(decision.action).toBe("block");
    expect(decision.model).toBeNull();
    expect(decision.rules[0]!.rule).toBe("budget.hard_limit");
  });

  it("downgrades at 100 % of a soft budget", () => {
    const base = buildWorkflowPolicy();
    const policy = buildWorkflowPolicy({ budget: { ...base.budget!, enforcement: "soft" } });
    const decision = decideRequest(policy, { percentUsed: 140 }, REQUEST);
    expect(decision.action).toBe("downgrade");
    expect(decision.rules[0]!.rule).toBe("routing.at_limit_allow");
  });

  it("downgrades at 100 % when the limit allows", () => {
    const base = buildWorkflowPolicy();
    const policy = buildWorkflowPolicy({ routing: { ...base.routing!, atLimit: "allow" } });
    const decision = decideRequest(policy, { percentUsed: 100 }, REQUEST);
    expect(decision.action).toBe("downgrade");
  });

  it("blocks above the context guardrail", () => {
    const decision = decideRequest(buildWorkflowPolicy(), { percentUsed: 0 }, { ...REQUEST, inputTokens: 100_001 });
    expect(decision.action).toBe("block");
    expect(decision.rules[0]!.rule).toBe("guardrails.max_context_tokens");
  });

  it("ignores budget state without a budget", () => {
    const decision = decideRequest(buildWorkflowPolicy({ budget: null }), { percentUsed: 500 }, REQUEST);
    expect(decision.action).toBe("allow");
  });

  it("uses the requested model without routing", () => {
    const decision = decideRequest(buildWorkflowPolicy({ routing: null }), { percentUsed: 90 }, REQUEST);
    expect(decision.action).toBe("allow");
    expect(decision.model).toBe("gpt-4o");
    expect(decision.rules[0]!.rule).toBe("routing.none");
  });
});

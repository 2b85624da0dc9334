import type { WorkflowPolicy } from "./policy-schema";

export type DecisionAction = "allow" | "downgrade" | "block";

/** The part of a workflow's live budget state that routing decisions read. */
export interface BudgetUsage {
  /** Share of the limit spent in the current period, in percent; may exceed 100. */
  percentUsed: number;
}

export interface DecisionRequest {
  workflow: string;
  model: string;
  inputTokens: number;
  /** Caller's complexity score from 0 to 1. */
  complexity?: number;
  estimatedOutputTokens?: number;
}

export interface DecisionRule {
  rule: string;
  detail: string;
}

export interface Decision {
  action: DecisionAction;
  /** Model the gateway should call; null when the request is blocked. */
  model: string | null;
  /** Routing tier chosen; null when the policy has no routing or the request is blocked. */
  tier: string | null;
  rules: DecisionRule[];
}

/**
 * Decides how a gateway should treat one request under a workflow's policy.
 * Checks run from the strongest outcome down: a guardrail block, the hard
 * budget limit, the budget-driven downgrade, then tier escalation.
 */
export function decideRequest(
  policy: WorkflowPolicy | undefined,
  usage: BudgetUsage | undefined,
  request: DecisionRequest,
): Decision {
  if (!policy) {
    return {
      action: "allow",
      model: request.model,
      tier: null,
      rules: [{ rule: "policy.none", detail: `no published policy for workflow "${request.workflow}"` }],
    };
  }

  const maxContext = policy.guardrails.maxContextTokensPerCall;
  if (maxContext !== null && request.inputTokens > maxContext) {
    const detail = `${request.inputTokens} input tokens exceed the maximum of ${maxContext} per call`;
    return block("guardrails.max_context_tokens", detail);
  }

  const percentUsed = policy.budget && usage ? usage.percentUsed : null;
  const routing = policy.routing;
  if (percentUsed !== null && percentUsed >= 100) {
    const atLimit = routing?.atLimit ?? "block";
    if (policy.budget!.enforcement === "hard" && atLimit === "block") {
      const detail = `${formatPercent(percentUsed)} of the hard ${policy.budget!.period} budget is used`;
      return block("budget.hard_limit", detail);
    }
    if (routing) {
      const detail = `${formatPercent(percentUsed)} of the budget is used; requests continue on the cheapest tier`;
      return downgrade(policy, "routing.at_limit_allow", detail);
    }
  }

  const downgradeAt = routing?.downgradeAtPercent ?? null;
  if (percentUsed !== null && downgradeAt !== null && percentUsed >= downgradeAt) {
    const used = formatPercent(percentUsed);
    const detail = `${used} of the budget is used, at or above the downgrade threshold of ${downgradeAt} %`;
    return downgrade(policy, "routing.downgrade_at_percent", detail);
  }

  if (!routing) {
    return {
      action: "allow",
      model: request.model,
      tier: null,
      rules: [{ rule: "routing.none", detail: "the policy has no routing tiers; the requested model is used" }],
    };
  }
  return escalate(policy, request);
}

function block(rule: string, detail: string): Decision {
  return { action: "block", model: null, tier: null, rules: [{ rule, detail }] };
}

function downgrade(policy: WorkflowPolicy, rule: string, detail: string): Decision {
  const cheapest = policy.routing!.tiers[0]!;
  return { action: "downgrade", model: cheapest.model, tier: cheapest.name, rules: [{ rule, detail }] };
}

/** Starts at the first tier and moves up while the current tier's escalation conditions hold. */
function escalate(policy: WorkflowPolicy, request: DecisionRequest): Decision {
  const tiers = policy.routing!.tiers;
  const rules: DecisionRule[] = [];
  let index = 0;
  while (index < tiers.length - 1) {
    const tier = tiers[index]!;
    const next = tiers[index + 1]!;
    const tokenLimit = tier.escalateAboveInputTokens;
    const complexityLimit = tier.escalateAboveComplexity;
    if (tokenLimit !== null && request.inputTokens > tokenLimit) {
      rules.push({
        rule: "routing.escalate_input_tokens",
        detail:
          `${request.inputTokens} input tokens exceed ${tokenLimit} on tier "${tier.name}"; ` +
          `moved to "${next.name}"`,
      });
    } else if (
      complexityLimit !== null &&
      request.complexity !== undefined &&
      request.complexity > complexityLimit
    ) {
      rules.push({
        rule: "routing.escalate_complexity",
        detail:
          `complexity ${request.complexity} exceeds ${complexityLimit} on tier "${tier.name}"; ` +
          `moved to "${next.name}"`,
      });
    } else {
      break;
    }
    index += 1;
  }
  const chosen = tiers[index]!;
  if (rules.length === 0) {
    rules.push({ rule: "routing.first_tier", detail: `no escalation condition holds; tier "${chosen.name}" is used` });
  }
  return { action: "allow", model: chosen.model, tier: chosen.name, rules };
}

function formatPercent(value: number): string {
  return `${Math.round(value * 100) / 100} %`;
}

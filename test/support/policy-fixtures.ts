import type { PolicyDocument, WorkflowPolicy } from "@/lib/policy/policy-schema";

/**
 * Builds a workflow policy with a hard monthly budget, two routing tiers and a
 * context guardrail. Each key of `overrides` replaces a whole section.
 */
export function buildWorkflowPolicy(overrides: Partial<WorkflowPolicy> = {}): WorkflowPolicy {
  return {
    budget: {
      amountUsd: "100.00",
      tokens: null,
      period: "month",
      timeZone: "Europe/Amsterdam",
      alertThresholdsPercent: [50, 80, 100],
      enforcement: "hard",
    },
    guardrails: {
      maxContextTokensPerCall: 100_000,
      maxToolCallsPerRun: 20,
      maxRetriesPerRun: 3,
      maxLlmCallsPerRun: 50,
    },
    escalation: {
      approvalAboveUsdPerDecision: "25.00",
      autonomy: "on_the_loop",
      tokenDriftPercent: 20,
    },
    routing: {
      tiers: [
        {
          name: "small",
          provider: "openai",
          model: "gpt-4o-mini",
          escalateAboveInputTokens: 8_000,
          escalateAboveComplexity: 0.7,
        },
        {
          name: "frontier",
          provider: "anthropic",
          model: "claude-sonnet-4-5",
          escalateAboveInputTokens: null,
          escalateAboveComplexity: null,
        },
      ],
      downgradeAtPercent: 80,
      atLimit: "block",
      semanticCache: { enabled: true, similarityThreshold: 0.92, ttlSeconds: 3_600 },
    },
    ...overrides,
  };
}

export function buildPolicyDocument(workflows: Record<string, WorkflowPolicy>): PolicyDocument {
  return { currency: "USD", workflows };
}

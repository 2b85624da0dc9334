/**
 * The policy editor's form state: every input as the text the user typed,
 * converted to a WorkflowPolicy and validated with the same schema the API
 * uses, so each message can show next to its field.
 */

import { workflowPolicySchema, type WorkflowPolicy } from "@/lib/policy/policy-schema";

export interface TierForm {
  name: string;
  provider: string;
  model: string;
  escalateAboveInputTokens: string;
  escalateAboveComplexity: string;
}

export interface PolicyForm {
  budgetEnabled: boolean;
  amountUsd: string;
  tokens: string;
  period: string;
  timeZone: string;
  /** Comma-separated percentages, such as "50, 80, 100". */
  alertThresholdsPercent: string;
  enforcement: string;
  maxContextTokensPerCall: string;
  maxToolCallsPerRun: string;
  maxRetriesPerRun: string;
  maxLlmCallsPerRun: string;
  approvalAboveUsdPerDecision: string;
  autonomy: string;
  tokenDriftPercent: string;
  routingEnabled: boolean;
  tiers: TierForm[];
  downgradeAtPercent: string;
  atLimit: string;
  cacheEnabled: boolean;
  similarityThreshold: string;
  ttlSeconds: string;
}

/** Messages by dotted policy path, such as `budget.amountUsd` or `routing.tiers.0.model`. */
export type PolicyFormErrors = Record<string, string>;

function text(value: number | string | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

export function emptyTier(): TierForm {
  return { name: "", provider: "", model: "", escalateAboveInputTokens: "", escalateAboveComplexity: "" };
}

/** Fills the form from a saved policy, or with defaults for a new workflow. */
export function toPolicyForm(policy: WorkflowPolicy | null, defaultTimeZone: string): PolicyForm {
  const budget = policy?.budget ?? null;
  const routing = policy?.routing ?? null;
  return {
    budgetEnabled: budget !== null || policy === null,
    amountUsd: text(budget?.amountUsd),
    tokens: text(budget?.tokens),
    period: budget?.period ?? "month",
    timeZone: budget?.timeZone ?? defaultTimeZone,
    alertThresholdsPercent: (budget?.alertThresholdsPercent ?? [50, 80, 100]).join(", "),
    enforcement: budget?.enforcement ?? "soft",
    maxContextTokensPerCall: text(policy?.guardrails.maxContextTokensPerCall),
    maxToolCallsPerRun: text(policy?.guardrails.maxToolCallsPerRun),
    maxRetriesPerRun: text(policy?.guardrails.maxRetriesPerRun),
    maxLlmCallsPerRun: text(policy?.guardrails.maxLlmCallsPerRun),
    approvalAboveUsdPerDecision: text(policy?.escalation.approvalAboveUsdPerDecision),
    autonomy: policy?.escalation.autonomy ?? "on_the_loop",
    tokenDriftPercent: text(policy?.escalation.tokenDriftPercent),
    routingEnabled: routing !== null,
    tiers: routing
      ? routing.tiers.map((tier) => ({
          name: tier.name,
          provider: tier.provider,
          model: tier.model,
          escalateAboveInputTokens: text(tier.escalateAboveInputTokens),
          escalateAboveComplexity: text(tier.escalateAboveComplexity),
        }))
      : [emptyTier()],
    downgradeAtPercent: text(routing?.downgradeAtPercent),
    atLimit: routing?.atLimit ?? "block",
    cacheEnabled: routing?.semanticCache.enabled ?? false,
    similarityThreshold: text(routing?.semanticCache.similarityThreshold ?? 0.9),
    ttlSeconds: text(routing?.semanticCache.ttlSeconds ?? 3600),
  };
}

/** Reads an input as null when empty, as a number when numeric, else as text so the schema reports it. */
function readNumber(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : trimmed;
}

const readText = (value: string) => (value.trim() === "" ? null : value.trim());

function readThresholds(value: string): Array<number | string> {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => readNumber(part) ?? part);
}

/** Builds the request body from the form, without validating it. */
export function fromPolicyForm(form: PolicyForm): unknown {
  return {
    budget: form.budgetEnabled
      ? {
          amountUsd: readText(form.amountUsd),
          tokens: readNumber(form.tokens),
          period: form.period,
          timeZone: form.timeZone.trim(),
          alertThresholdsPercent: readThresholds(form.alertThresholdsPercent),
          enforcement: form.enforcement,
        }
      : null,
    guardrails: {
      maxContextTokensPerCall: readNumber(form.maxContextTokensPerCall),
      maxToolCallsPerRun: readNumber(form.maxToolCallsPerRun),
      maxRetriesPerRun: readNumber(form.maxRetriesPerRun),
      maxLlmCallsPerRun: readNumber(form.maxLlmCallsPerRun),
    },
    escalation: {
      approvalAboveUsdPerDecision: readText(form.approvalAboveUsdPerDecision),
      autonomy: form.autonomy,
      tokenDriftPercent: readNumber(form.tokenDriftPercent),
    },
    routing: form.routingEnabled
      ? {
          tiers: form.tiers.map((tier) => ({
            name: tier.name.trim(),
            provider: tier.provider.trim(),
            model: tier.model.trim(),
            escalateAboveInputTokens: readNumber(tier.escalateAboveInputTokens),
            escalateAboveComplexity: readNumber(tier.escalateAboveComplexity),
          })),
          downgradeAtPercent: readNumber(form.downgradeAtPercent),
          atLimit: form.atLimit,
          semanticCache: {
            enabled: form.cacheEnabled,
            similarityThreshold: readNumber(form.similarityThreshold),
            ttlSeconds: readNumber(form.ttlSeconds),
          },
        }
      : null,
  };
}

/** Validates the form; returns the policy to save, or a message per invalid field. */
export function validatePolicyForm(
  form: PolicyForm,
): { ok: true; policy: WorkflowPolicy } | { ok: false; errors: PolicyFormErrors } {
  const result = workflowPolicySchema.safeParse(fromPolicyForm(form));
  if (result.success) return { ok: true, policy: result.data };
  const errors: PolicyFormErrors = {};
  for (const issue of result.error.issues) {
    let path = issue.path.join(".");
    // Threshold items share one input, so their messages go to the list.
    if (path.startsWith("budget.alertThresholdsPercent.")) path = "budget.alertThresholdsPercent";
    errors[path || "form"] ??= issue.message;
  }
  return { ok: false, errors };
}

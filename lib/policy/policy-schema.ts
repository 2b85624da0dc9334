import { z } from "zod";

/**
 * The policy finance sets per workflow, as published to gateways. Amounts are
 * decimal strings in USD; percentages are numbers from 0 to 100.
 */

const DECIMAL = /^\d+(\.\d{1,12})?$/;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const usdAmountSchema = z
  .string()
  .regex(DECIMAL, "must be a decimal amount in USD such as 1250.00, with at most 12 decimals");

export const budgetPeriodSchema = z.enum(["day", "week", "month", "quarter"]);
export type BudgetPeriod = z.infer<typeof budgetPeriodSchema>;

export const budgetSchema = z
  .object({
    /** Limit in USD per period; null when the budget is in tokens only. */
    amountUsd: usdAmountSchema.nullable(),
    /** Limit in tokens (input + output) per period; null when the budget is in money only. */
    tokens: z.number().int().positive().nullable(),
    period: budgetPeriodSchema,
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Amsterdam"),
    /** Percentages of the limit at which an alert fires once per period, ascending. */
    alertThresholdsPercent: z.array(z.number().positive().max(1000)).max(10),
    /** `hard`: gateways block at 100 %; `soft`: they alert and allow. */
    enforcement: z.enum(["hard", "soft"]),
  })
  .refine((budget) => budget.amountUsd !== null || budget.tokens !== null, {
    message: "set amountUsd, tokens or both",
    path: ["amountUsd"],
  });
export type Budget = z.infer<typeof budgetSchema>;

export const guardrailsSchema = z.object({
  maxContextTokensPerCall: z.number().int().positive().nullable(),
  maxToolCallsPerRun: z.number().int().nonnegative().nullable(),
  maxRetriesPerRun: z.number().int().nonnegative().nullable(),
  maxLlmCallsPerRun: z.number().int().positive().nullable(),
});
export type Guardrails = z.infer<typeof guardrailsSchema>;

export const escalationSchema = z.object({
  /** A decision whose cost is above this needs a human's approval; null: never. */
  approvalAboveUsdPerDecision: usdAmountSchema.nullable(),
  autonomy: z.enum(["in_the_loop", "on_the_loop", "out_of_the_loop"]),
  /** Token drift (tokens per completed outcome, last 7 days against the 28 before) that escalates, in percent. */
  tokenDriftPercent: z.number().positive().nullable(),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const modelTierSchema = z.object({
  name: z.string().min(1).max(100),
  provider: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  /** Move a request up to the next tier when its input tokens exceed this. */
  escalateAboveInputTokens: z.number().int().positive().nullable(),
  /** Move a request up when the caller's complexity score exceeds this. */
  escalateAboveComplexity: z.number().min(0).max(1).nullable(),
});
export type ModelTier = z.infer<typeof modelTierSchema>;

export const routingSchema = z.object({
  /** Cheapest first; requests start at the first tier. */
  tiers: z
    .array(modelTierSchema)
    .min(1)
    .max(10)
    // Gateways address tiers by name (Portkey targets, decide responses), so names must differ.
    .refine((tiers) => new Set(tiers.map((tier) => tier.name)).size === tiers.length, {
      message: "tier names must be unique within a workflow",
    }),
  /** At this share of the budget used, requests are moved down to the cheapest tier. */
  downgradeAtPercent: z.number().positive().max(100).nullable(),
  /** Action at 100 % of the budget: block, or allow on the cheapest tier. */
  atLimit: z.enum(["block", "allow"]),
  semanticCache: z.object({
    enabled: z.boolean(),
    similarityThreshold: z.number().min(0).max(1),
    ttlSeconds: z.number().int().positive(),
  }),
});
export type Routing = z.infer<typeof routingSchema>;

export const workflowPolicySchema = z.object({
  budget: budgetSchema.nullable(),
  guardrails: guardrailsSchema,
  escalation: escalationSchema,
  routing: routingSchema.nullable(),
});
export type WorkflowPolicy = z.infer<typeof workflowPolicySchema>;

/** The whole document gateways pull: one entry per workflow, keyed by workflow name. */
export const policyDocumentSchema = z.object({
  currency: z.literal("USD"),
  workflows: z.record(z.string().min(1).max(200), workflowPolicySchema),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

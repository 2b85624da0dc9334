import { z } from "zod";

import { policyDocumentSchema, workflowPolicySchema } from "./policy-schema";

/** Schemas of the policy API's requests and responses; the OpenAPI document is generated from them. */

/** Gateways may reuse a pulled policy for 30 seconds, then must revalidate with If-None-Match. */
export const POLICY_CACHE_CONTROL = "private, max-age=30, must-revalidate";

export const policyFormatSchema = z.enum(["policy", "litellm", "portkey"]);
export type PolicyFormat = z.infer<typeof policyFormatSchema>;

export const publishedPolicyResponseSchema = z.object({
  version: z.number().int().positive(),
  /** SHA-256 hex of the canonical JSON of the whole published document. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  publishedAt: z.string(),
  document: policyDocumentSchema,
});
export type PublishedPolicyResponse = z.infer<typeof publishedPolicyResponseSchema>;

const budgetActionSchema = z.enum(["allow", "downgrade", "block"]);

export const budgetStateSchema = z.object({
  workflow: z.string(),
  period: z.object({
    kind: z.enum(["day", "week", "month", "quarter"]),
    start: z.string().describe("inclusive, ISO 8601 instant in UTC"),
    end: z.string().describe("exclusive, ISO 8601 instant in UTC"),
    timeZone: z.string(),
  }),
  limitUsd: z.string().nullable(),
  limitTokens: z.number().int().nullable(),
  spentUsd: z.string(),
  spentTokens: z.number().int(),
  remainingUsd: z.string().nullable(),
  remainingTokens: z.number().int().nullable(),
  percentUsed: z.number(),
  action: budgetActionSchema,
  enforcement: z.enum(["hard", "soft"]),
  thresholdsCrossed: z.array(z.number()),
});

export const policyStateResponseSchema = z.object({
  /** Published version the states were computed from; null before the first publish. */
  version: z.number().int().nullable(),
  generatedAt: z.string(),
  states: z.array(budgetStateSchema),
});

export const decideRequestSchema = z
  .object({
    workflow: z.string().min(1).max(200),
    model: z.string().min(1).max(200),
    inputTokens: z.number().int().nonnegative(),
    complexity: z.number().min(0).max(1).optional(),
    estimatedOutputTokens: z.number().int().nonnegative().optional(),
  })
  .strict();

export const decideResponseSchema = z.object({
  action: budgetActionSchema,
  model: z.string().nullable(),
  tier: z.string().nullable(),
  rules: z.array(z.object({ rule: z.string(), detail: z.string() })),
  /** Published version the decision used; null before the first publish. */
  version: z.number().int().nullable(),
});

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const draftWorkflowRequestSchema = workflowPolicySchema.nullable();

export const publishRequestSchema = z
  .object({ note: z.string().trim().max(500).nullable().optional() })
  .strict();

export const rollbackRequestSchema = z.object({ version: z.number().int().positive() }).strict();

/** Schemas of the policy API responses the browser reads, and their React Query keys. */

import { z } from "zod";

import { policyStateResponseSchema } from "@/lib/policy/policy-api-schemas";
import { policyDocumentSchema } from "@/lib/policy/policy-schema";

export { policyStateResponseSchema };

export const policyQueryKeys = {
  draft: ["policy", "draft"] as const,
  diff: ["policy", "diff"] as const,
  versions: ["policy", "versions"] as const,
  state: ["policy", "state"] as const,
  gateways: ["policy", "gateways"] as const,
  violations: (workflow: string | null) => ["policy", "violations", workflow] as const,
};

// The draft may hold a policy saved before a schema change, so the browser
// reads it loosely and validates only what the editor is about to send.
export const draftResponseSchema = z.object({
  document: z.object({ currency: z.literal("USD"), workflows: z.record(z.string(), z.unknown()) }),
});

export const diffResponseSchema = z.object({
  publishedVersion: z.number().nullable(),
  changes: z.array(z.object({ workflow: z.string(), path: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const versionSummarySchema = z.object({
  version: z.number(),
  contentHash: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  note: z.string().nullable(),
  rolledBackFrom: z.number().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionListSchema = z.object({ versions: z.array(versionSummarySchema) });

export const publishedResponseSchema = z.object({
  published: versionSummarySchema.extend({ document: policyDocumentSchema }),
});

export const draftSaveResponseSchema = z.object({ before: z.unknown(), after: z.unknown() });

export const gatewayListSchema = z.object({
  currentVersion: z.number().nullable(),
  gateways: z.array(
    z.object({
      keyId: z.string(),
      name: z.string(),
      prefix: z.string(),
      workflows: z.array(z.string()).nullable(),
      revokedAt: z.string().nullable(),
      lastPull: z
        .object({ version: z.number(), format: z.string(), status: z.number(), pulledAt: z.string() })
        .nullable(),
      pullCount: z.number(),
      stale: z.boolean(),
    }),
  ),
});

export const violationListSchema = z.object({
  from: z.string(),
  to: z.string(),
  violations: z.array(
    z.object({
      traceId: z.string(),
      workflow: z.string(),
      startedAt: z.string(),
      breaches: z.array(z.object({ guardrail: z.string(), limit: z.number(), value: z.number() })),
    }),
  ),
});

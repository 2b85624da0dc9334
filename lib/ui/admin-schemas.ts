/**
 * Schemas of the key, user, budget and audit API responses, checked in the
 * browser like the KPI responses.
 */

import { z } from "zod";

import { ROLES } from "@/lib/auth/roles";
import { BUDGET_PERIODS } from "@/lib/budgets/budget-input";

import { decimalStringSchema } from "./kpi-schemas";

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["ingest", "gateway"]),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  workflows: z.array(z.string()).nullable(),
});

export type ApiKeyView = z.infer<typeof apiKeySchema>;

export const keyListSchema = z.object({ keys: z.array(apiKeySchema) });
export const createdKeySchema = z.object({ key: z.string(), record: apiKeySchema });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  hasPassword: z.boolean(),
  hasSingleSignOn: z.boolean(),
});

export type UserItem = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });
export const userResponseSchema = z.object({ user: userSchema });

export const budgetSchema = z.object({
  workflow: z.string(),
  amountUsd: decimalStringSchema,
  period: z.enum(BUDGET_PERIODS),
  timeZone: z.string(),
  updatedAt: z.string(),
});

export type BudgetItem = z.infer<typeof budgetSchema>;

export const budgetListSchema = z.object({
  budgets: z.array(budgetSchema),
  unbudgetedWorkflows: z.array(z.string()),
});
export const budgetResponseSchema = z.object({ budget: budgetSchema });

export const auditEntrySchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorType: z.string(),
  actorId: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export type AuditEntryItem = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBeforeId: z.string().nullable(),
});

/**
 * Schemas of the KPI API responses, checked in the browser so a changed or broken
 * response fails loudly at the edge instead of rendering wrong numbers.
 */

import { z } from "zod";

/** A decimal string as the API sends amounts: "12.5", "0.000225", "-1". */
export const decimalStringSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "expected a decimal string such as 12.5");

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a day as YYYY-MM-DD");
const countSchema = z.number().int().nonnegative();

export const regressionSchema = z.object({
  value: z.number(),
  stdErr: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  n: countSchema,
  r2: z.number(),
});

export const verdictSchema = z.enum([
  "productionized",
  "poc_theater",
  "inconclusive",
  "insufficient_data",
]);

export const workflowSummarySchema = z.object({
  workflow: z.string().min(1),
  runs: countSchema,
  llmCalls: countSchema,
  tokens: countSchema,
  costUsd: decimalStringSchema,
  completedOutcomes: countSchema,
  decisions: countSchema,
  tokensPerCompletedOutcome: decimalStringSchema.nullable(),
  costPerDecisionUsd: decimalStringSchema.nullable(),
  marginalCostPerDecisionUsd: regressionSchema.nullable(),
  costElasticity: regressionSchema.nullable(),
  verdict: verdictSchema,
  verdictReason: z.string(),
  unpricedCalls: countSchema,
});

const reportRangeSchema = z.object({
  from: daySchema,
  to: daySchema,
  timeZone: z.string().min(1),
  currency: z.literal("USD"),
});

export const kpiReportSchema = reportRangeSchema.extend({
  workflows: z.array(workflowSummarySchema),
});

export const dailyPointSchema = z.object({
  day: daySchema,
  runs: countSchema,
  tokens: countSchema,
  costUsd: decimalStringSchema,
  completedOutcomes: countSchema,
  decisions: countSchema,
});

export const workflowReportSchema = reportRangeSchema
  .extend(workflowSummarySchema.shape)
  .extend({ daily: z.array(dailyPointSchema) });

/** Body of an API error response. `field` names the invalid query parameter on a 400. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});

export type Regression = z.infer<typeof regressionSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;
export type KpiReport = z.infer<typeof kpiReportSchema>;
export type DailyPoint = z.infer<typeof dailyPointSchema>;
export type WorkflowReport = z.infer<typeof workflowReportSchema>;

/**
 * Schemas of the billing import and reconciliation API responses, checked in
 * the browser like the KPI responses.
 */

import { z } from "zod";

import { decimalStringSchema } from "./kpi-schemas";

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a day as YYYY-MM-DD");
const countSchema = z.number().int().nonnegative();

export const importStatusSchema = z.enum(["pending", "running", "completed", "failed"]);

export const billingImportSchema = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  format: z.string().nullable(),
  status: importStatusSchema,
  sha256: z.string().nullable(),
  sizeBytes: countSchema.nullable(),
  bytesRead: countSchema,
  rowsRead: countSchema,
  rowsImported: countSchema,
  rowsRestated: countSchema,
  rowsDuplicate: countSchema,
  rowsRejected: countSchema,
  error: z.string().nullable(),
  createdBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const importRejectSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});

/** An import with its first rejected rows, as GET and POST return it. */
export const importDetailSchema = z.object({
  import: billingImportSchema,
  rejects: z.array(importRejectSchema),
});

export const importHistorySchema = z.object({ imports: z.array(billingImportSchema) });

const figuresSchema = z.object({
  estimatedUsd: decimalStringSchema,
  billedUsd: decimalStringSchema.nullable(),
  effectiveUsd: decimalStringSchema.nullable(),
  differenceUsd: decimalStringSchema.nullable(),
  differencePercent: decimalStringSchema.nullable(),
  explainedUsd: decimalStringSchema,
  coverage: decimalStringSchema.nullable(),
  calls: countSchema,
  unpricedCalls: countSchema,
});

export const reconciliationCellSchema = figuresSchema.extend({
  provider: z.string(),
  model: z.string().nullable(),
  modelKey: z.string().nullable(),
  day: daySchema,
  billingLines: countSchema,
  status: z.enum(["matched", "unexplained", "unbilled"]),
});

export const reconciliationReportSchema = z.object({
  from: daySchema,
  to: daySchema,
  timeZone: z.string(),
  currency: z.literal("USD"),
  totals: figuresSchema,
  byProvider: z.array(figuresSchema.extend({ provider: z.string() })),
  byModel: z.array(
    figuresSchema.extend({ provider: z.string(), model: z.string().nullable(), modelKey: z.string().nullable() }),
  ),
  byDay: z.array(figuresSchema.extend({ day: daySchema })),
  cells: z.array(reconciliationCellSchema),
  unexplainedSpend: z.array(reconciliationCellSchema),
  unbilledTelemetry: z.array(reconciliationCellSchema),
  otherCurrencies: z.array(
    z.object({
      provider: z.string(),
      model: z.string().nullable(),
      day: daySchema,
      currency: z.string(),
      billed: decimalStringSchema.nullable(),
      effective: decimalStringSchema.nullable(),
      lines: countSchema,
    }),
  ),
  allocation: z.array(
    z.object({
      workflow: z.string(),
      estimatedUsd: decimalStringSchema,
      allocatedBilledUsd: decimalStringSchema,
      unbilledEstimateUsd: decimalStringSchema,
    }),
  ),
  unallocatedBilledUsd: decimalStringSchema,
});

export type BillingImport = z.infer<typeof billingImportSchema>;
export type ImportReject = z.infer<typeof importRejectSchema>;
export type ImportDetail = z.infer<typeof importDetailSchema>;
export type ReconciliationFigures = z.infer<typeof figuresSchema>;
export type ReconciliationCell = z.infer<typeof reconciliationCellSchema>;
export type ReconciliationReport = z.infer<typeof reconciliationReportSchema>;

import { getDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/http/api-error";

import { parseCostBasis } from "./billed-basis";
import { buildKpiReport, buildWorkflowReport, type KpiReport, type WorkflowKpiReport } from "./build-report";
import { parseDateRange } from "./date-range";

export interface RangeParams {
  from?: string | null;
  to?: string | null;
  /** `estimated` (default) or `billed`. */
  basis?: string | null;
}

/** Returns every workflow's KPIs for a date range given as request parameters. */
export async function getKpiReport(params: RangeParams): Promise<KpiReport> {
  const timeZone = getEnv().ORG_TIME_ZONE;
  const range = parseDateRange(params, timeZone);
  const basis = parseCostBasis(params.basis);
  return buildKpiReport(await getDatabase(), range, timeZone, basis);
}

/** Returns one workflow's KPIs and daily series; throws a 404 ApiError for an unknown workflow. */
export async function getWorkflowReport(
  workflow: string,
  params: RangeParams,
): Promise<WorkflowKpiReport> {
  const timeZone = getEnv().ORG_TIME_ZONE;
  const range = parseDateRange(params, timeZone);
  const basis = parseCostBasis(params.basis);
  const report = await buildWorkflowReport(await getDatabase(), workflow, range, timeZone, basis);
  if (!report) throw notFound(`workflow "${workflow}" not found: it has no runs`);
  return report;
}

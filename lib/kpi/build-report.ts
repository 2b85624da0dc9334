import type { Queryable } from "@/db/client";
import { listWorkflows, loadWorkflowDaily, type WorkflowDailyRow } from "@/db/queries/workflow-daily";

import { applyBilledCost, loadBilledCostDeltas, type CostBasis } from "./billed-basis";
import { computeWorkflowKpis } from "./compute-kpis";
import type { DateRange } from "./date-range";
import { fillDailySeries } from "./fill-days";
import type { DailyAggregate, WorkflowKpis } from "./types";

export interface WorkflowKpiSummary extends WorkflowKpis {
  workflow: string;
  /** LLM calls whose model has no price; their cost is missing from `costUsd`, not zero. */
  unpricedCalls: number;
}

export interface KpiReport extends DateRange {
  timeZone: string;
  currency: "USD";
  /** Whether costs are span estimates or estimates replaced by allocated billed cost. */
  basis: CostBasis;
  workflows: WorkflowKpiSummary[];
}

export interface DailyPoint {
  day: string;
  runs: number;
  tokens: number;
  costUsd: string;
  completedOutcomes: number;
  decisions: number;
}

export interface WorkflowKpiReport extends DateRange, WorkflowKpiSummary {
  timeZone: string;
  currency: "USD";
  basis: CostBasis;
  daily: DailyPoint[];
}

function toAggregate(row: WorkflowDailyRow): DailyAggregate {
  return {
    day: row.day,
    runs: row.runs,
    llmCalls: row.llmCalls,
    tokens: row.tokens,
    costUsd: row.costUsd,
    completedOutcomes: row.completedOutcomes,
    decisions: row.decisions,
  };
}

function summarize(workflow: string, rows: readonly WorkflowDailyRow[], range: DateRange) {
  const days = fillDailySeries(rows.map(toAggregate), range.from, range.to);
  const summary: WorkflowKpiSummary = {
    workflow,
    ...computeWorkflowKpis(days),
    unpricedCalls: rows.reduce((total, row) => total + row.unpricedCalls, 0),
  };
  return { summary, days };
}

/** Loads daily totals, with costs on the billed basis when asked. */
async function loadDailyRows(
  db: Queryable,
  params: DateRange & { workflow?: string },
  basis: CostBasis,
): Promise<WorkflowDailyRow[]> {
  const rows = await loadWorkflowDaily(db, params);
  if (basis === "estimated" || rows.length === 0) return rows;
  return applyBilledCost(rows, await loadBilledCostDeltas(db, { from: params.from, to: params.to }));
}

/** Computes the KPIs of every workflow with runs in the range, from the daily totals. */
export async function buildKpiReport(
  db: Queryable,
  range: DateRange,
  timeZone: string,
  basis: CostBasis = "estimated",
): Promise<KpiReport> {
  const rows = await loadDailyRows(db, range, basis);
  const byWorkflow = new Map<string, WorkflowDailyRow[]>();
  for (const row of rows) {
    const list = byWorkflow.get(row.workflow) ?? [];
    list.push(row);
    byWorkflow.set(row.workflow, list);
  }
  const workflows = [...byWorkflow.entries()].map(
    ([workflow, list]) => summarize(workflow, list, range).summary,
  );
  return { ...range, timeZone, currency: "USD", basis, workflows };
}

/**
 * Computes one workflow's KPIs with its daily series, every day of the range
 * present. Returns null for a workflow that has never had a run.
 */
export async function buildWorkflowReport(
  db: Queryable,
  workflow: string,
  range: DateRange,
  timeZone: string,
  basis: CostBasis = "estimated",
): Promise<WorkflowKpiReport | null> {
  const rows = await loadDailyRows(db, { ...range, workflow }, basis);
  if (rows.length === 0 && !(await listWorkflows(db)).includes(workflow)) return null;
  const { summary, days } = summarize(workflow, rows, range);
  return {
    ...range,
    timeZone,
    currency: "USD",
    basis,
    ...summary,
    daily: days.map((day) => ({
      day: day.day,
      runs: day.runs,
      tokens: day.tokens,
      costUsd: day.costUsd,
      completedOutcomes: day.completedOutcomes,
      decisions: day.decisions,
    })),
  };
}

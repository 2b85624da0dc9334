"use client";

import { useQueries, useQuery } from "@tanstack/react-query";

import type { DayRange } from "@/lib/ui/date-range-params";
import { fetchKpiReport, fetchWorkflowReport } from "@/lib/ui/fetch-api";

export const kpiQueryKeys = {
  report: (range: DayRange) => ["kpis", range.from, range.to] as const,
  workflow: (workflow: string, range: DayRange) =>
    ["workflow-kpis", workflow, range.from, range.to] as const,
};

/** Fetches the KPIs of every workflow with runs in the range. */
export function useKpiReport(range: DayRange) {
  return useQuery({
    queryKey: kpiQueryKeys.report(range),
    queryFn: ({ signal }) => fetchKpiReport(range, signal),
  });
}

/** Fetches one workflow's KPIs with its daily series. */
export function useWorkflowReport(workflow: string, range: DayRange) {
  return useQuery({
    queryKey: kpiQueryKeys.workflow(workflow, range),
    queryFn: ({ signal }) => fetchWorkflowReport(workflow, range, signal),
  });
}

/** Fetches the daily series of several workflows in parallel, one request each. */
export function useWorkflowReports(workflows: readonly string[], range: DayRange) {
  return useQueries({
    queries: workflows.map((workflow) => ({
      queryKey: kpiQueryKeys.workflow(workflow, range),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchWorkflowReport(workflow, range, signal),
    })),
  });
}

"use client";

import type { DayRange } from "@/lib/ui/date-range-params";
import { prepareCostByWorkflow } from "@/lib/ui/prepare-daily-charts";
import { useWorkflowReports } from "@/components/kpi/use-kpi-queries";
import { WidgetError, WidgetSkeleton } from "@/components/kpi/widget-state";

import { ChartAreaCost } from "./chart-area-cost";

/**
 * Renders the daily cost per workflow. The board report has no daily series, so
 * this requests the workflow endpoint once per workflow, in parallel.
 */
export function DailyCostWidget({
  workflows,
  range,
}: {
  workflows: readonly string[];
  range: DayRange;
}) {
  const queries = useWorkflowReports(workflows, range);
  const failed = queries.find((query) => query.isError);
  if (failed) {
    return (
      <WidgetError
        subject="the daily cost chart"
        error={failed.error}
        onRetry={() => queries.forEach((query) => query.isError && void query.refetch())}
      />
    );
  }
  if (queries.some((query) => query.isPending)) {
    return <WidgetSkeleton label="daily cost chart" lines={6} />;
  }
  const chart = prepareCostByWorkflow(
    queries.flatMap((query) => (query.data ? [query.data] : [])),
  );
  if (chart.series.length === 0) {
    return <p className="empty">No daily cost to chart in this range.</p>;
  }
  return (
    <figure className="chart" aria-label="Daily cost by workflow, stacked, in USD">
      <ChartAreaCost chart={chart} />
    </figure>
  );
}

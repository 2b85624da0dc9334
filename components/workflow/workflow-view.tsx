"use client";

import Link from "next/link";

import type { DayRange } from "@/lib/ui/date-range-params";
import { ApiRequestError } from "@/lib/ui/fetch-api";
import type { WorkflowReport } from "@/lib/ui/kpi-schemas";
import { buildBoardHref } from "@/lib/ui/page-links";
import { prepareDailyChartRows } from "@/lib/ui/prepare-daily-charts";
import { RangeHeader } from "@/components/kpi/range-header";
import { useWorkflowReport } from "@/components/kpi/use-kpi-queries";
import { QueryWidget } from "@/components/kpi/widget-state";

import { ChartBarDailyDecisions } from "./chart-bar-daily-decisions";
import { ChartLineDailyCost } from "./chart-line-daily-cost";
import { DailyTable } from "./daily-table";
import { RegressionTable } from "./regression-table";
import { WorkflowSummary } from "./workflow-summary";

/** Renders one workflow in detail: KPIs, both regressions, daily charts and the daily table. */
export function WorkflowView({
  workflow,
  range,
  problems,
}: {
  workflow: string;
  range: DayRange;
  problems: readonly string[];
}) {
  const report = useWorkflowReport(workflow, range);
  const isUnknown = report.error instanceof ApiRequestError && report.error.status === 404;

  return (
    <main className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={buildBoardHref(range)}>← Back to the board</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="eyebrow">Workflow</p>
          <h1>{workflow}</h1>
        </div>
        <RangeHeader range={range} problems={problems} timeZone={report.data?.timeZone} />
      </header>

      {isUnknown ? (
        <section className="panel" role="alert">
          <h2>Workflow not found</h2>
          <p>
            No run has ever been recorded for the workflow “{workflow}”. Check the name, or go
            back to the board for the workflows that have runs.
          </p>
        </section>
      ) : (
        <WorkflowSections report={report} />
      )}
    </main>
  );
}

function WorkflowSections({ report }: { report: ReturnType<typeof useWorkflowReport> }) {
  return (
    <>
      <section className="panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Unit economics</h2>
        <QueryWidget query={report} subject="the workflow's KPIs" lines={3}>
          {(data) => <WorkflowSummary report={data} />}
        </QueryWidget>
      </section>

      <section className="panel" aria-labelledby="regressions-heading">
        <h2 id="regressions-heading">How cost scales with decisions</h2>
        <QueryWidget query={report} subject="the regressions" lines={3}>
          {(data) => <RegressionTable report={data} />}
        </QueryWidget>
      </section>

      <div className="chart-pair">
        <section className="panel" aria-labelledby="daily-cost-heading">
          <h2 id="daily-cost-heading">Daily cost</h2>
          <QueryWidget query={report} subject="the daily cost chart" lines={6}>
            {(data) => <DailyChart report={data} kind="cost" />}
          </QueryWidget>
        </section>
        <section className="panel" aria-labelledby="daily-decisions-heading">
          <h2 id="daily-decisions-heading">Daily decisions</h2>
          <QueryWidget query={report} subject="the daily decisions chart" lines={6}>
            {(data) => <DailyChart report={data} kind="decisions" />}
          </QueryWidget>
        </section>
      </div>

      <section className="panel" aria-labelledby="daily-heading">
        <h2 id="daily-heading">Day by day</h2>
        <QueryWidget query={report} subject="the daily series" lines={8}>
          {(data) => <DailyTable daily={data.daily} />}
        </QueryWidget>
      </section>
    </>
  );
}

function DailyChart({ report, kind }: { report: WorkflowReport; kind: "cost" | "decisions" }) {
  const rows = prepareDailyChartRows(report.daily);
  const label = kind === "cost" ? "Daily cost in USD" : "Daily decisions";
  return (
    <figure className="chart" aria-label={`${label} of ${report.workflow}`}>
      {kind === "cost" ? (
        <ChartLineDailyCost rows={rows} />
      ) : (
        <ChartBarDailyDecisions rows={rows} />
      )}
    </figure>
  );
}

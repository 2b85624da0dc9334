"use client";

import type { DayRange } from "@/lib/ui/date-range-params";
import { RangeHeader } from "@/components/kpi/range-header";
import { useKpiReport } from "@/components/kpi/use-kpi-queries";
import { QueryWidget } from "@/components/kpi/widget-state";

import { DailyCostWidget } from "./daily-cost-widget";
import { OrganizationTotals } from "./organization-totals";
import { WorkflowTable } from "./workflow-table";

/** Renders the board: organization totals, daily cost and one row per workflow. */
export function BoardView({ range, problems }: { range: DayRange; problems: readonly string[] }) {
  const report = useKpiReport(range);

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Inference Ledger</p>
          <h1>AI unit economics</h1>
        </div>
        <RangeHeader range={range} problems={problems} timeZone={report.data?.timeZone} />
      </header>

      <section className="panel" aria-labelledby="totals-heading">
        <h2 id="totals-heading">Organization total</h2>
        <QueryWidget query={report} subject="the organization totals" lines={2}>
          {(data) => <OrganizationTotals report={data} />}
        </QueryWidget>
      </section>

      <section className="panel" aria-labelledby="daily-cost-heading">
        <h2 id="daily-cost-heading">Daily cost by workflow</h2>
        <QueryWidget query={report} subject="the daily cost chart" lines={6}>
          {(data) => (
            <DailyCostWidget
              workflows={data.workflows.map((summary) => summary.workflow)}
              range={range}
            />
          )}
        </QueryWidget>
      </section>

      <section className="panel" aria-labelledby="workflows-heading">
        <h2 id="workflows-heading">Workflows</h2>
        <QueryWidget query={report} subject="the workflows" lines={4}>
          {(data) => <WorkflowTable workflows={data.workflows} range={range} />}
        </QueryWidget>
      </section>
    </main>
  );
}

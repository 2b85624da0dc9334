"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { RangeHeader } from "@/components/kpi/range-header";
import { QueryWidget } from "@/components/kpi/widget-state";
import { reconciliationReportSchema, type ReconciliationReport } from "@/lib/ui/billing-schemas";
import { formatRangeQuery, type DayRange } from "@/lib/ui/date-range-params";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { prepareReconciliationChart } from "@/lib/ui/prepare-reconciliation-chart";

import { ChartLineEstimatedBilled } from "./chart-line-estimated-billed";
import { ReconciliationCellTable } from "./reconciliation-cell-table";
import { ReconciliationDrilldown } from "./reconciliation-drilldown";
import { ReconciliationTotals } from "./reconciliation-totals";
import { WorkflowAllocationTable } from "./workflow-allocation-table";

/** Renders estimated against billed AI cost for the range, with the lists finance follows up. */
export function ReconciliationView({ range, problems }: { range: DayRange; problems: readonly string[] }) {
  const report = useQuery({
    queryKey: ["reconciliation", range.from, range.to],
    queryFn: ({ signal }) =>
      fetchApiJson(`/api/v1/reconciliation?${formatRangeQuery(range)}`, reconciliationReportSchema, { signal }),
  });
  const panel = (id: string, title: string, subject: string, render: (data: ReconciliationReport) => ReactNode) => (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <QueryWidget query={report} subject={subject} lines={4}>
        {render}
      </QueryWidget>
    </section>
  );

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Billing</p>
          <h1>Reconciliation with the bill</h1>
        </div>
        <RangeHeader range={range} problems={problems} timeZone="UTC" />
      </header>

      {panel("totals-heading", "Totals", "the totals", (data) => <ReconciliationTotals report={data} />)}
      {panel("chart-heading", "Estimated against billed per day", "the daily chart", (data) => (
        <ChartLineEstimatedBilled rows={prepareReconciliationChart(data)} />
      ))}
      {panel("drilldown-heading", "By provider and model", "the reconciliation table", (data) => (
        <ReconciliationDrilldown report={data} />
      ))}
      {panel("unexplained-heading", "Unexplained spend", "the unexplained spend", (data) => (
        <ReconciliationCellTable
          caption="Billed AI spend without telemetry"
          cells={data.unexplainedSpend}
          empty="Every billed model and day has spans."
        />
      ))}
      {panel("unbilled-heading", "Unbilled telemetry", "the unbilled telemetry", (data) => (
        <ReconciliationCellTable
          caption="Telemetry without a bill"
          cells={data.unbilledTelemetry}
          empty="Every model and day with spans has a bill."
        />
      ))}
      {panel("allocation-heading", "Billed cost by workflow", "the allocation", (data) => (
        <WorkflowAllocationTable report={data} />
      ))}
      {panel("currencies-heading", "Bills in other currencies", "the other currencies", (data) =>
        data.otherCurrencies.length === 0 ? (
          <p className="empty">All AI bills in this range are in USD.</p>
        ) : (
          <ul>
            {data.otherCurrencies.map((cell) => (
              <li key={`${cell.day}|${cell.provider}|${cell.model ?? ""}|${cell.currency}`}>
                {cell.day} {cell.provider} {cell.model ?? "(model not stated)"}: billed{" "}
                {cell.billed === null ? "—" : `${cell.billed} ${cell.currency}`}, not compared with USD
                estimates
              </li>
            ))}
          </ul>
        ),
      )}
    </main>
  );
}


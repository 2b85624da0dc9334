"use client";

import { useQuery } from "@tanstack/react-query";

import { QueryWidget } from "@/components/kpi/widget-state";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { formatUsd } from "@/lib/ui/format-decimal";
import { formatTimestamp } from "@/lib/ui/format-timestamp";
import { policyQueryKeys, policyStateResponseSchema } from "@/lib/ui/policy-ui-schemas";
import { projectBudgetSpend } from "@/lib/ui/project-budget-spend";

/** Spend against each published budget in the current period, with burn rate and projection. */
export function BudgetSpendTable() {
  const state = useQuery({
    queryKey: policyQueryKeys.state,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/policy/state?fresh=true", policyStateResponseSchema, { signal }),
    refetchInterval: 30_000,
  });
  return (
    <QueryWidget query={state} subject="the budget state" lines={4}>
      {(data) => {
        if (data.states.length === 0) {
          return (
            <p className="empty">
              No published policy has a budget yet. Set one on the Policy page and publish it.
            </p>
          );
        }
        const now = new Date(data.generatedAt);
        return (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="sr-only">Spend against budget in the current period</caption>
              <thead>
                <tr>
                  <th scope="col">Workflow</th>
                  <th scope="col">Period</th>
                  <th scope="col" className="numeric">Spent</th>
                  <th scope="col" className="numeric">Budget</th>
                  <th scope="col" className="numeric">Used</th>
                  <th scope="col" className="numeric">Burn rate</th>
                  <th scope="col" className="numeric">Projected at period end</th>
                  <th scope="col">Action in force</th>
                </tr>
              </thead>
              <tbody>
                {data.states.map((entry) => {
                  const projection = projectBudgetSpend(entry, now);
                  const perHour = entry.period.kind === "day";
                  return (
                    <tr key={entry.workflow}>
                      <th scope="row">{entry.workflow}</th>
                      <td className="nowrap">
                        {entry.period.kind} from {formatTimestamp(entry.period.start)} ({entry.period.timeZone})
                      </td>
                      <td className="numeric">{formatUsd(entry.spentUsd)}</td>
                      <td className="numeric">
                        {entry.limitUsd === null ? `${entry.limitTokens} tokens` : formatUsd(entry.limitUsd)}
                      </td>
                      <td className="numeric">{entry.percentUsed.toFixed(1)} %</td>
                      <td className="numeric">
                        {projection === null
                          ? "—"
                          : perHour
                            ? `${formatUsd(projection.burnUsdPerHour)} / hour`
                            : `${formatUsd(projection.burnUsdPerDay)} / day`}
                      </td>
                      <td className="numeric">
                        {projection === null ? "—" : formatUsd(projection.projectedUsd)}
                        {projection?.projectedPercent != null ? ` (${projection.projectedPercent} %)` : ""}
                      </td>
                      <td>
                        <span className={entry.action === "allow" ? "badge badge-muted" : "badge"}>{entry.action}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      }}
    </QueryWidget>
  );
}

import type { KpiReport } from "@/lib/ui/kpi-schemas";
import { formatUnitCostUsd, formatUsd } from "@/lib/ui/format-decimal";
import { formatCount } from "@/lib/ui/format-number";
import { summarizeOrganization } from "@/lib/ui/summarize-organization";
import { UnpricedWarning } from "@/components/kpi/unpriced-warning";

/** Renders the cost, runs and decisions of the whole organization over the range. */
export function OrganizationTotals({ report }: { report: KpiReport }) {
  const totals = summarizeOrganization(report.workflows);
  return (
    <>
      <dl className="stat-grid">
        <div className="stat">
          <dt>Cost</dt>
          <dd className="stat-value" data-testid="org-cost">
            {formatUsd(totals.costUsd)}
          </dd>
        </div>
        <div className="stat">
          <dt>Runs</dt>
          <dd className="stat-value" data-testid="org-runs">
            {formatCount(totals.runs)}
          </dd>
        </div>
        <div className="stat">
          <dt>Decisions</dt>
          <dd className="stat-value" data-testid="org-decisions">
            {formatCount(totals.decisions)}
          </dd>
        </div>
        <div className="stat">
          <dt>Cost per decision</dt>
          <dd className="stat-value" data-testid="org-cost-per-decision">
            {totals.costPerDecisionUsd === null
              ? "—"
              : formatUnitCostUsd(totals.costPerDecisionUsd)}
          </dd>
        </div>
      </dl>
      <UnpricedWarning calls={totals.unpricedCalls} testId="org-unpriced" />
    </>
  );
}

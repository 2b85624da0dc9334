import Link from "next/link";

import type { DayRange } from "@/lib/ui/date-range-params";
import { formatDecimal, formatUnitCostUsd, formatUsd } from "@/lib/ui/format-decimal";
import { formatCount } from "@/lib/ui/format-number";
import type { WorkflowSummary } from "@/lib/ui/kpi-schemas";
import { buildWorkflowHref } from "@/lib/ui/page-links";
import { sortWorkflowsByCost } from "@/lib/ui/summarize-organization";
import { ElasticityValue } from "@/components/kpi/elasticity-value";
import { UnpricedWarning } from "@/components/kpi/unpriced-warning";
import { VerdictBadge } from "@/components/kpi/verdict-badge";

/** Renders one row per workflow with its unit economics and verdict, costliest first. */
export function WorkflowTable({
  workflows,
  range,
}: {
  workflows: readonly WorkflowSummary[];
  range: DayRange;
}) {
  if (workflows.length === 0) {
    return (
      <p className="empty">
        No workflow has runs in this range. Workflows appear here once OpenTelemetry GenAI spans
        arrive at /v1/traces.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Unit economics per workflow</caption>
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col" className="numeric">Cost</th>
            <th scope="col" className="numeric">Runs</th>
            <th scope="col" className="numeric">Decisions</th>
            <th scope="col" className="numeric">Tokens per completed outcome</th>
            <th scope="col" className="numeric">Cost per decision</th>
            <th scope="col" className="numeric">Cost elasticity</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {sortWorkflowsByCost(workflows).map((summary) => (
            <WorkflowRow key={summary.workflow} summary={summary} range={range} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkflowRow({ summary, range }: { summary: WorkflowSummary; range: DayRange }) {
  const { workflow } = summary;
  return (
    <tr>
      <th scope="row" className="nowrap">
        <Link href={buildWorkflowHref(workflow, range)}>{workflow}</Link>
      </th>
      <td className="numeric">
        <span data-testid={`kpi-cost-${workflow}`}>{formatUsd(summary.costUsd)}</span>
        <UnpricedWarning
          calls={summary.unpricedCalls}
          compact
          testId={`kpi-unpriced-${workflow}`}
        />
      </td>
      <td className="numeric" data-testid={`kpi-runs-${workflow}`}>
        {formatCount(summary.runs)}
      </td>
      <td className="numeric" data-testid={`kpi-decisions-${workflow}`}>
        {formatCount(summary.decisions)}
      </td>
      <td className="numeric" data-testid={`kpi-tokens-per-outcome-${workflow}`}>
        {summary.tokensPerCompletedOutcome === null
          ? "—"
          : formatDecimal(summary.tokensPerCompletedOutcome, { maximumFractionDigits: 1 })}
      </td>
      <td className="numeric" data-testid={`kpi-cost-per-decision-${workflow}`}>
        {summary.costPerDecisionUsd === null ? "—" : formatUnitCostUsd(summary.costPerDecisionUsd)}
      </td>
      <td className="numeric">
        <ElasticityValue
          elasticity={summary.costElasticity}
          testId={`kpi-elasticity-${workflow}`}
        />
      </td>
      <td>
        <VerdictBadge verdict={summary.verdict} testId={`kpi-verdict-${workflow}`} />
      </td>
    </tr>
  );
}

import { formatDecimal, formatUnitCostUsd, formatUsd } from "@/lib/ui/format-decimal";
import { formatCount } from "@/lib/ui/format-number";
import type { WorkflowReport } from "@/lib/ui/kpi-schemas";
import { UnpricedWarning } from "@/components/kpi/unpriced-warning";
import { VerdictBadge } from "@/components/kpi/verdict-badge";

interface Stat {
  label: string;
  testId: string;
  value: string;
}

function listStats(report: WorkflowReport): Stat[] {
  const { workflow } = report;
  return [
    { label: "Cost", testId: `kpi-cost-${workflow}`, value: formatUsd(report.costUsd) },
    { label: "Runs", testId: `kpi-runs-${workflow}`, value: formatCount(report.runs) },
    {
      label: "LLM calls",
      testId: `kpi-llm-calls-${workflow}`,
      value: formatCount(report.llmCalls),
    },
    { label: "Tokens", testId: `kpi-tokens-${workflow}`, value: formatCount(report.tokens) },
    {
      label: "Completed outcomes",
      testId: `kpi-completed-${workflow}`,
      value: formatCount(report.completedOutcomes),
    },
    {
      label: "Decisions",
      testId: `kpi-decisions-${workflow}`,
      value: formatCount(report.decisions),
    },
    {
      label: "Tokens per completed outcome",
      testId: `kpi-tokens-per-outcome-${workflow}`,
      value:
        report.tokensPerCompletedOutcome === null
          ? "—"
          : formatDecimal(report.tokensPerCompletedOutcome, { maximumFractionDigits: 1 }),
    },
    {
      label: "Cost per decision",
      testId: `kpi-cost-per-decision-${workflow}`,
      value:
        report.costPerDecisionUsd === null ? "—" : formatUnitCostUsd(report.costPerDecisionUsd),
    },
  ];
}

/** Renders a workflow's totals and ratios over the range, with its verdict and the reason. */
export function WorkflowSummary({ report }: { report: WorkflowReport }) {
  return (
    <>
      <dl className="stat-grid">
        {listStats(report).map((stat) => (
          <div className="stat" key={stat.testId}>
            <dt>{stat.label}</dt>
            <dd className="stat-value" data-testid={stat.testId}>
              {stat.value}
            </dd>
          </div>
        ))}
      </dl>
      <UnpricedWarning calls={report.unpricedCalls} testId={`kpi-unpriced-${report.workflow}`} />
      <div className="verdict-block">
        <h3>Verdict</h3>
        <VerdictBadge verdict={report.verdict} testId={`kpi-verdict-${report.workflow}`} />
        <p className="muted" data-testid={`kpi-verdict-reason-${report.workflow}`}>
          {report.verdictReason}
        </p>
      </div>
    </>
  );
}

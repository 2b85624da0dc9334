import { formatElasticity, formatStatistic, formatUsdEstimate } from "@/lib/ui/format-number";
import type { Regression, WorkflowReport } from "@/lib/ui/kpi-schemas";

interface RegressionRow {
  name: string;
  unit: string;
  testId: string;
  regression: Regression | null;
  formatValue: (value: number) => string;
  /** Standard errors get three significant digits, since they are often far below 0.01. */
  formatStdErr: (value: number) => string;
}

/**
 * Both regressions over the daily totals: the marginal cost per decision and the
 * cost elasticity, each with its standard error, 95 % interval, days and r².
 */
export function RegressionTable({ report }: { report: WorkflowReport }) {
  const rows: RegressionRow[] = [
    {
      name: "Marginal cost per decision",
      unit: "USD per extra decision, slope of daily cost on daily decisions",
      testId: `kpi-marginal-cost-${report.workflow}`,
      regression: report.marginalCostPerDecisionUsd,
      formatValue: (value) => formatUsdEstimate(value),
      formatStdErr: (value) => formatUsdEstimate(value),
    },
    {
      name: "Cost elasticity",
      unit: "slope of ln(daily cost) on ln(daily decisions); below 1 scales well",
      testId: `kpi-elasticity-${report.workflow}`,
      regression: report.costElasticity,
      formatValue: formatElasticity,
      formatStdErr: (value) => formatStatistic(value),
    },
  ];
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Regressions over daily totals</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="numeric">Estimate</th>
            <th scope="col" className="numeric">Std. error</th>
            <th scope="col" className="numeric">95 % interval</th>
            <th scope="col" className="numeric">Days (n)</th>
            <th scope="col" className="numeric">r²</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">
                {row.name}
                <span className="interval">{row.unit}</span>
              </th>
              {row.regression === null ? (
                <td colSpan={5} className="muted" data-testid={row.testId}>
                  Not estimated: the range has too few days with decisions, or too little
                  variation in volume, for a slope worth showing.
                </td>
              ) : (
                <RegressionCells row={row} regression={row.regression} />
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RegressionCells({ row, regression }: { row: RegressionRow; regression: Regression }) {
  return (
    <>
      <td className="numeric" data-testid={row.testId}>
        {row.formatValue(regression.value)}
      </td>
      <td className="numeric">{row.formatStdErr(regression.stdErr)}</td>
      <td className="numeric">
        {row.formatValue(regression.ciLow)} to {row.formatValue(regression.ciHigh)}
      </td>
      <td className="numeric">{regression.n}</td>
      <td className="numeric">{regression.r2.toFixed(3)}</td>
    </>
  );
}

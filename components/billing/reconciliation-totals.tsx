import type { ReconciliationReport } from "@/lib/ui/billing-schemas";
import { formatCoverage, formatPercent } from "@/lib/ui/format-percent";

import { formatAmount } from "./figure-columns";

/** Renders the range's totals: estimated, billed and effective cost, their difference and the coverage. */
export function ReconciliationTotals({ report }: { report: ReconciliationReport }) {
  const { totals } = report;
  const stats: Array<[string, string, string?]> = [
    ["Estimated from spans", formatAmount(totals.estimatedUsd)],
    ["Billed", formatAmount(totals.billedUsd)],
    ["Effective (amortized)", formatAmount(totals.effectiveUsd), "Only where every bill line states it"],
    [
      "Difference",
      formatAmount(totals.differenceUsd),
      totals.differencePercent === null ? undefined : `${formatPercent(totals.differencePercent)} of billed`,
    ],
    ["Coverage", formatCoverage(totals.coverage), "Share of billed AI spend that spans explain"],
  ];
  return (
    <dl className="stat-grid">
      {stats.map(([label, value, note]) => (
        <div className="stat" key={label}>
          <dt>{label}</dt>
          <dd className="stat-value">{value}</dd>
          {note ? <dd className="muted small">{note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

import type { ReconciliationFigures } from "@/lib/ui/billing-schemas";
import { formatUsd } from "@/lib/ui/format-decimal";
import { formatCoverage, formatPercent } from "@/lib/ui/format-percent";

/** Cents hide the drift of small AI bills, so amounts show four fraction digits. */
const AMOUNT_DIGITS = { minimumFractionDigits: 2, maximumFractionDigits: 4 };

export function formatAmount(decimal: string | null): string {
  return decimal === null ? "—" : formatUsd(decimal, AMOUNT_DIGITS);
}

/** Header cells of the reconciliation figures, in the order FigureCells renders them. */
export function FigureHeaders() {
  return (
    <>
      <th scope="col" className="numeric">Estimated</th>
      <th scope="col" className="numeric">Billed</th>
      <th scope="col" className="numeric">Effective</th>
      <th scope="col" className="numeric">Difference</th>
      <th scope="col" className="numeric">Difference %</th>
      <th scope="col" className="numeric">Coverage</th>
    </>
  );
}

/** Data cells of one row's figures; a dash marks a figure the bills do not give. */
export function FigureCells({ figures }: { figures: ReconciliationFigures }) {
  return (
    <>
      <td className="numeric">{formatAmount(figures.estimatedUsd)}</td>
      <td className="numeric">{formatAmount(figures.billedUsd)}</td>
      <td className="numeric">{formatAmount(figures.effectiveUsd)}</td>
      <td className="numeric">{formatAmount(figures.differenceUsd)}</td>
      <td className="numeric">{formatPercent(figures.differencePercent)}</td>
      <td className="numeric">{formatCoverage(figures.coverage)}</td>
    </>
  );
}

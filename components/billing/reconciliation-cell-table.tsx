import type { ReconciliationCell } from "@/lib/ui/billing-schemas";
import { formatCount } from "@/lib/ui/format-number";

import { FigureCells, FigureHeaders } from "./figure-columns";

/** Shown for a bill line that names no model; its day's unmatched telemetry is compared with it. */
export const MODEL_NOT_STATED = "(model not stated)";

/** Lists cells by day, provider and model with their figures and call counts. */
export function ReconciliationCellTable({
  caption,
  cells,
  empty,
}: {
  caption: string;
  cells: readonly ReconciliationCell[];
  empty: string;
}) {
  if (cells.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            <th scope="col">Provider</th>
            <th scope="col">Model</th>
            <FigureHeaders />
            <th scope="col" className="numeric">Calls</th>
            <th scope="col" className="numeric">Bill lines</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <tr key={`${cell.day}|${cell.provider}|${cell.modelKey ?? ""}`}>
              <td className="nowrap">{cell.day}</td>
              <td>{cell.provider}</td>
              <th scope="row">{cell.model ?? MODEL_NOT_STATED}</th>
              <FigureCells figures={cell} />
              <td className="numeric">
                {formatCount(cell.calls)}
                {cell.unpricedCalls > 0 ? (
                  <span className="warning"> ({formatCount(cell.unpricedCalls)} unpriced)</span>
                ) : null}
              </td>
              <td className="numeric">{formatCount(cell.billingLines)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

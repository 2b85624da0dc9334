import type { ReconciliationReport } from "@/lib/ui/billing-schemas";

import { formatAmount } from "./figure-columns";

/** Estimated and allocated billed cost per workflow, with the bill no estimate could carry. */
export function WorkflowAllocationTable({ report }: { report: ReconciliationReport }) {
  if (report.allocation.length === 0) return <p className="empty">No spans in this range.</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="sr-only">Billed cost allocated to workflows</caption>
          <thead>
            <tr>
              <th scope="col">Workflow</th>
              <th scope="col" className="numeric">Estimated</th>
              <th scope="col" className="numeric">Allocated billed</th>
              <th scope="col" className="numeric">Estimate without a bill</th>
            </tr>
          </thead>
          <tbody>
            {report.allocation.map((row) => (
              <tr key={row.workflow}>
                <th scope="row">{row.workflow}</th>
                <td className="numeric">{formatAmount(row.estimatedUsd)}</td>
                <td className="numeric">{formatAmount(row.allocatedBilledUsd)}</td>
                <td className="numeric">{formatAmount(row.unbilledEstimateUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Billed cost not allocated to any workflow (no priced spans in its cell):{" "}
        {formatAmount(report.unallocatedBilledUsd)}.
      </p>
    </>
  );
}

import type { ImportReject } from "@/lib/ui/billing-schemas";
import { formatCount } from "@/lib/ui/format-number";

/** Lists rejected rows with line, column and reason; `total` counts the ones not stored too. */
export function ImportRejectsTable({ rejects, total }: { rejects: readonly ImportReject[]; total: number }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          Rejected rows{total > rejects.length ? ` (first ${formatCount(rejects.length)} of ${formatCount(total)})` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Line
            </th>
            <th scope="col">Column</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rejects.map((reject, index) => (
            <tr key={`${reject.line}-${index}`}>
              <td className="numeric">{reject.line}</td>
              <td>{reject.column ?? "—"}</td>
              <td>{reject.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

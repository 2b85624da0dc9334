import { formatUsd } from "@/lib/ui/format-decimal";
import { formatCount } from "@/lib/ui/format-number";
import type { DailyPoint } from "@/lib/ui/kpi-schemas";

/** Renders every day of the range with its totals. Days without runs show zeros. */
export function DailyTable({ daily }: { daily: readonly DailyPoint[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Daily series</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" className="numeric">Runs</th>
            <th scope="col" className="numeric">Tokens</th>
            <th scope="col" className="numeric">Cost</th>
            <th scope="col" className="numeric">Completed</th>
            <th scope="col" className="numeric">Decisions</th>
          </tr>
        </thead>
        <tbody>
          {daily.map((point) => (
            <tr key={point.day}>
              <th scope="row">{point.day}</th>
              <td className="numeric">{formatCount(point.runs)}</td>
              <td className="numeric">{formatCount(point.tokens)}</td>
              <td className="numeric" data-testid={`daily-cost-${point.day}`}>
                {formatUsd(point.costUsd)}
              </td>
              <td className="numeric">{formatCount(point.completedOutcomes)}</td>
              <td className="numeric">{formatCount(point.decisions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { lastDayOf, type DayRange } from "@/lib/ui/date-range-params";

import { DateRangeForm } from "./date-range-form";

/**
 * Renders the range as first and last day inclusive, the form that changes it
 * and a notice for search parameters that were ignored.
 */
export function RangeHeader({
  range,
  problems,
  timeZone,
}: {
  range: DayRange;
  problems: readonly string[];
  timeZone: string | undefined;
}) {
  return (
    <div className="range-header">
      <p className="range-summary" data-testid="range-summary">
        {range.from} through {lastDayOf(range)}
        {timeZone ? <span className="muted"> (calendar days in {timeZone})</span> : null}
      </p>
      <DateRangeForm key={`${range.from}|${range.to}`} range={range} />
      {problems.length > 0 ? (
        <ul className="notice" role="status">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

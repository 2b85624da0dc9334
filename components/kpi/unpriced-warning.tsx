import { formatCount } from "@/lib/ui/format-number";

/**
 * Warns that some LLM calls have no price, so the cost shown leaves them out.
 * The compact form fits a table cell.
 */
export function UnpricedWarning({
  calls,
  compact = false,
  testId,
}: {
  calls: number;
  compact?: boolean;
  testId?: string;
}) {
  if (calls <= 0) return null;
  const count = formatCount(calls);
  const isSingular = calls === 1;
  const text = compact
    ? `${count} unpriced ${isSingular ? "call" : "calls"} not in cost`
    : `${count} ${isSingular ? "LLM call has" : "LLM calls have"} no price, ` +
      "so the cost shown leaves them out.";
  return (
    <p className="warning" role="note" data-testid={testId}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

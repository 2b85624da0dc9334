import { formatElasticity } from "@/lib/ui/format-number";
import type { Regression } from "@/lib/ui/kpi-schemas";

/** Renders a cost elasticity with its 95 % interval, or a dash when none was fitted. */
export function ElasticityValue({
  elasticity,
  testId,
}: {
  elasticity: Regression | null;
  testId?: string;
}) {
  if (elasticity === null) {
    return (
      <span data-testid={testId}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">not estimated</span>
      </span>
    );
  }
  return (
    <span data-testid={testId}>
      <span className="number">{formatElasticity(elasticity.value)}</span>
      <span className="interval">
        95 % CI {formatElasticity(elasticity.ciLow)} to {formatElasticity(elasticity.ciHigh)}
      </span>
    </span>
  );
}

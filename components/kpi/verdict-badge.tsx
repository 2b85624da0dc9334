import { describeVerdict } from "@/lib/ui/describe-verdict";
import type { Verdict } from "@/lib/ui/kpi-schemas";

/**
 * Renders the verdict as a coloured badge followed by the rest of its sentence.
 * The text content is the whole sentence, colon included, for tests and screen readers.
 */
export function VerdictBadge({ verdict, testId }: { verdict: Verdict; testId?: string }) {
  const { label, detail, tone } = describeVerdict(verdict);
  return (
    <span className="verdict" data-testid={testId}>
      <span className={`badge badge-${tone}`}>{label}</span>
      {detail ? (
        <>
          <span className="sr-only">: </span>
          <span className="verdict-detail">{detail}</span>
        </>
      ) : null}
    </span>
  );
}

/**
 * Allocation of a cell's billed cost to the workflows whose calls it paid
 * for, in proportion to their estimated cost, in exact 10^-12 USD units.
 */
import type { WorkflowShare } from "./reconciliation-cells";

export interface AllocatedShare extends WorkflowShare {
  /** Billed cost allocated to the share, in 10^-12 USD. */
  allocated: bigint;
}

/**
 * Splits `billed` over the shares in proportion to their estimated cost.
 * Each share gets billed × estimated / total, truncated toward zero, and the
 * units left over go to the share with the largest estimate (the first in
 * workflow and run-day order on a tie), so the parts add up to `billed`
 * exactly. Returns null when the shares' estimates add up to zero or less,
 * because then no proportion exists.
 */
export function allocateBilledCost(
  billed: bigint,
  shares: readonly WorkflowShare[],
): AllocatedShare[] | null {
  const total = shares.reduce((sum, share) => sum + share.estimated, 0n);
  if (total <= 0n) return null;
  const ordered = [...shares].sort(
    (a, b) => a.workflow.localeCompare(b.workflow) || a.runDay.localeCompare(b.runDay),
  );
  const allocated = ordered.map((share) => ({
    ...share,
    allocated: (billed * share.estimated) / total,
  }));
  const remainder = billed - allocated.reduce((sum, share) => sum + share.allocated, 0n);
  let largest = allocated[0]!;
  for (const share of allocated) if (share.estimated > largest.estimated) largest = share;
  largest.allocated += remainder;
  return allocated;
}

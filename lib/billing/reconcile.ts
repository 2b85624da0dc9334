/**
 * Reconciliation of span estimates with bills, per provider, model and UTC
 * day, with the figures finance reads:
 *
 * - difference = estimated − billed, in USD and in percent of billed;
 * - explained = min(estimated, billed) for a cell with billed > 0, else 0;
 * - coverage = Σ explained / Σ billed over cells with billed > 0: the share
 *   of billed AI spend that telemetry explains. Estimates above the bill
 *   explain no more than the bill.
 *
 * Billed cost of each cell is allocated to workflows in proportion to their
 * estimated cost in it (allocateBilledCost).
 */
import { divideToDecimal, fromUnits } from "@/lib/money/decimal";

import { allocateBilledCost, type AllocatedShare } from "./allocate-billed-cost";
import type { CellTotals, OtherCurrencyCell } from "./reconciliation-cells";

export type CellStatus = "matched" | "unexplained" | "unbilled";

export interface ReconciliationFigures {
  estimatedUsd: string;
  /** Null when no bill line falls in the cell. */
  billedUsd: string | null;
  /** Null unless every bill line in the cell states an EffectiveCost. */
  effectiveUsd: string | null;
  differenceUsd: string | null;
  /** Difference in percent of billed, 4 decimals; null when billed is 0 or absent. */
  differencePercent: string | null;
  explainedUsd: string;
  /** Explained over billed as a fraction, 6 decimals; null without positive billed spend. */
  coverage: string | null;
  calls: number;
  unpricedCalls: number;
}

export interface ReconciliationCell extends ReconciliationFigures {
  provider: string;
  /** The bill's model id where it has one, else the span's; null when the bill names none. */
  model: string | null;
  /** The key spans and bills were matched on (see toModelKey); null when the bill names no model. */
  modelKey: string | null;
  day: string;
  billingLines: number;
  status: CellStatus;
}

export interface WorkflowAllocation {
  workflow: string;
  estimatedUsd: string;
  /** Billed cost allocated from cells that have a bill. */
  allocatedBilledUsd: string;
  /** Estimated cost in cells without a bill, which the billed basis keeps as estimated. */
  unbilledEstimateUsd: string;
}

export interface ReconciliationReport {
  from: string;
  /** Exclusive. */
  to: string;
  timeZone: "UTC";
  currency: "USD";
  totals: ReconciliationFigures;
  byProvider: Array<ReconciliationFigures & { provider: string }>;
  byModel: Array<ReconciliationFigures & { provider: string; model: string | null; modelKey: string | null }>;
  byDay: Array<ReconciliationFigures & { day: string }>;
  cells: ReconciliationCell[];
  unexplainedSpend: ReconciliationCell[];
  unbilledTelemetry: ReconciliationCell[];
  otherCurrencies: OtherCurrencyCell[];
  allocation: WorkflowAllocation[];
  /** Billed USD that no estimate could carry to a workflow (no priced telemetry in its cell). */
  unallocatedBilledUsd: string;
}

/** Running sums of cells, in 10^-12 USD. */
interface Sums {
  estimated: bigint;
  billed: bigint;
  positiveBilled: bigint;
  explained: bigint;
  effective: bigint;
  effectiveComplete: boolean;
  hasBill: boolean;
  calls: number;
  unpricedCalls: number;
}

const emptySums = (): Sums => ({
  estimated: 0n,
  billed: 0n,
  positiveBilled: 0n,
  explained: 0n,
  effective: 0n,
  effectiveComplete: true,
  hasBill: false,
  calls: 0,
  unpricedCalls: 0,
});

function addCell(sums: Sums, cell: CellTotals): void {
  sums.estimated += cell.estimated;
  sums.calls += cell.calls;
  sums.unpricedCalls += cell.unpricedCalls;
  if (cell.billingLines === 0) return;
  sums.hasBill = true;
  sums.billed += cell.billed;
  sums.effective += cell.effective;
  if (cell.linesWithEffective < cell.billingLines) sums.effectiveComplete = false;
  if (cell.billed > 0n) {
    sums.positiveBilled += cell.billed;
    sums.explained += cell.estimated < cell.billed ? cell.estimated : cell.billed;
  }
}

function toFigures(sums: Sums): ReconciliationFigures {
  const difference = sums.estimated - sums.billed;
  return {
    estimatedUsd: fromUnits(sums.estimated),
    billedUsd: sums.hasBill ? fromUnits(sums.billed) : null,
    effectiveUsd: sums.hasBill && sums.effectiveComplete ? fromUnits(sums.effective) : null,
    differenceUsd: sums.hasBill ? fromUnits(difference) : null,
    differencePercent:
      sums.hasBill && sums.billed !== 0n ? divideToDecimal(difference * 100n, sums.billed, 4) : null,
    explainedUsd: fromUnits(sums.explained),
    coverage:
      sums.positiveBilled > 0n ? divideToDecimal(sums.explained, sums.positiveBilled, 6) : null,
    calls: sums.calls,
    unpricedCalls: sums.unpricedCalls,
  };
}

/** Returns the label of cells' model: the one id their bills name, else their spans', else the key. */
function labelModel(cells: readonly CellTotals[]): string | null {
  const modelKey = cells[0]?.modelKey ?? null;
  if (modelKey === null) return null;
  const billed = new Set(cells.flatMap((cell) => [...cell.billedModels]));
  const spans = new Set(cells.flatMap((cell) => [...cell.spanModels]));
  if (billed.size === 1) return [...billed][0]!;
  if (billed.size === 0 && spans.size === 1) return [...spans][0]!;
  return modelKey;
}

function statusOf(cell: CellTotals): CellStatus {
  if (cell.billingLines === 0) return "unbilled";
  return cell.calls === 0 ? "unexplained" : "matched";
}

function sumBy<K>(cells: readonly CellTotals[], keyOf: (cell: CellTotals) => K, id: (key: K) => string) {
  const groups = new Map<string, { key: K; sums: Sums; cells: CellTotals[] }>();
  for (const cell of cells) {
    const key = keyOf(cell);
    const groupId = id(key);
    let group = groups.get(groupId);
    if (!group) {
      group = { key, sums: emptySums(), cells: [] };
      groups.set(groupId, group);
    }
    addCell(group.sums, cell);
    group.cells.push(cell);
  }
  return [...groups.values()];
}

/** Sums each workflow's estimate and allocated bill; returns the allocation and the unallocated bill. */
export function allocateCells(cells: readonly CellTotals[]): {
  shares: Array<AllocatedShare & { billedCell: boolean }>;
  unallocated: bigint;
} {
  const shares: Array<AllocatedShare & { billedCell: boolean }> = [];
  let unallocated = 0n;
  for (const cell of cells) {
    const list = [...cell.shares.values()];
    if (cell.billingLines === 0) {
      for (const share of list) shares.push({ ...share, allocated: 0n, billedCell: false });
      continue;
    }
    const allocated = allocateBilledCost(cell.billed, list);
    if (allocated === null) {
      unallocated += cell.billed;
      for (const share of list) shares.push({ ...share, allocated: 0n, billedCell: true });
      continue;
    }
    for (const share of allocated) shares.push({ ...share, billedCell: true });
  }
  return { shares, unallocated };
}

function summarizeAllocation(cells: readonly CellTotals[]) {
  const { shares, unallocated } = allocateCells(cells);
  const byWorkflow = new Map<string, { estimated: bigint; allocated: bigint; unbilled: bigint }>();
  for (const share of shares) {
    const totals = byWorkflow.get(share.workflow) ?? { estimated: 0n, allocated: 0n, unbilled: 0n };
    totals.estimated += share.estimated;
    if (share.billedCell) totals.allocated += share.allocated;
    else totals.unbilled += share.estimated;
    byWorkflow.set(share.workflow, totals);
  }
  const allocation = [...byWorkflow.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([workflow, totals]) => ({
      workflow,
      estimatedUsd: fromUnits(totals.estimated),
      allocatedBilledUsd: fromUnits(totals.allocated),
      unbilledEstimateUsd: fromUnits(totals.unbilled),
    }));
  return { allocation, unallocatedBilledUsd: fromUnits(unallocated) };
}

function compareCells(a: ReconciliationCell, b: ReconciliationCell): number {
  return (
    a.day.localeCompare(b.day) ||
    a.provider.localeCompare(b.provider) ||
    (a.model ?? "").localeCompare(b.model ?? "")
  );
}

/** Builds the report of cells whose day is in [from, to). */
export function buildReconciliationReport(
  range: { from: string; to: string },
  cells: readonly CellTotals[],
  otherCurrencies: readonly OtherCurrencyCell[],
): ReconciliationReport {
  const inRange = cells.filter((cell) => cell.day >= range.from && cell.day < range.to);
  const totals = emptySums();
  const rows: ReconciliationCell[] = [];
  for (const cell of inRange) {
    addCell(totals, cell);
    const sums = emptySums();
    addCell(sums, cell);
    rows.push({
      provider: cell.provider,
      model: labelModel([cell]),
      modelKey: cell.modelKey,
      day: cell.day,
      billingLines: cell.billingLines,
      status: statusOf(cell),
      ...toFigures(sums),
    });
  }
  rows.sort(compareCells);

  const byProvider = sumBy(inRange, (cell) => cell.provider, (key) => key)
    .map(({ key, sums }) => ({ provider: key, ...toFigures(sums) }))
    .sort((a, b) => a.provider.localeCompare(b.provider));
  const byModel = sumBy(
    inRange,
    (cell) => ({ provider: cell.provider, modelKey: cell.modelKey }),
    (key) => JSON.stringify([key.provider, key.modelKey]),
  )
    .map(({ key, sums, cells: group }) => ({ ...key, model: labelModel(group), ...toFigures(sums) }))
    .sort((a, b) => a.provider.localeCompare(b.provider) || (a.model ?? "").localeCompare(b.model ?? ""));
  const byDay = sumBy(inRange, (cell) => cell.day, (key) => key)
    .map(({ key, sums }) => ({ day: key, ...toFigures(sums) }))
    .sort((a, b) => a.day.localeCompare(b.day));

  return {
    from: range.from,
    to: range.to,
    timeZone: "UTC",
    currency: "USD",
    totals: toFigures(totals),
    byProvider,
    byModel,
    byDay,
    cells: rows,
    unexplainedSpend: rows.filter((row) => row.status === "unexplained"),
    unbilledTelemetry: rows.filter((row) => row.status === "unbilled"),
    otherCurrencies: otherCurrencies
      .filter((cell) => cell.day >= range.from && cell.day < range.to)
      .sort((a, b) => a.day.localeCompare(b.day) || a.provider.localeCompare(b.provider)),
    ...summarizeAllocation(inRange),
  };
}

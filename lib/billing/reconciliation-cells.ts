/**
 * Builds the cells of a reconciliation: one per provider group, model and
 * UTC day, holding the estimated cost from spans (split by workflow and run
 * day, for allocation) and the billed amounts in USD.
 */
import type { BilledCellRow, EstimatedCellRow } from "@/db/queries/reconciliation";
import { toUnits } from "@/lib/money/decimal";

import { groupProvider, matchBilledModel, toModelKey } from "./match-models";

/** The only currency reconciled against span estimates, which are in USD. */
export const RECONCILED_CURRENCY = "USD";

export interface WorkflowShare {
  workflow: string;
  runDay: string;
  /** Estimated cost in 10^-12 USD. */
  estimated: bigint;
}

export interface CellTotals {
  provider: string;
  /** Grouping key of the model; null for bill lines that name no model. */
  modelKey: string | null;
  day: string;
  /** Amounts in 10^-12 USD. */
  estimated: bigint;
  billed: bigint;
  /** Sum of EffectiveCost, meaningful only when every billing line states it. */
  effective: bigint;
  calls: number;
  unpricedCalls: number;
  billingLines: number;
  linesWithEffective: number;
  /** Model ids as the bills and the spans name them, for the label. */
  billedModels: Set<string>;
  spanModels: Set<string>;
  shares: Map<string, WorkflowShare>;
}

/** Billed amounts in a currency other than USD, listed apart and never added to USD. */
export interface OtherCurrencyCell {
  provider: string;
  model: string | null;
  day: string;
  currency: string;
  billed: string | null;
  effective: string | null;
  lines: number;
}

const units = (value: string | null) => (value === null ? 0n : toUnits(value));

function newCell(provider: string, modelKey: string | null, day: string): CellTotals {
  return {
    provider,
    modelKey,
    day,
    estimated: 0n,
    billed: 0n,
    effective: 0n,
    calls: 0,
    unpricedCalls: 0,
    billingLines: 0,
    linesWithEffective: 0,
    billedModels: new Set(),
    spanModels: new Set(),
    shares: new Map(),
  };
}

function cellId(provider: string, modelKey: string | null, day: string): string {
  return JSON.stringify([provider, modelKey, day]);
}

/** Adds one cell's telemetry into another, as when folding it into a bill without a model. */
function addTelemetry(target: CellTotals, source: CellTotals): void {
  target.estimated += source.estimated;
  target.calls += source.calls;
  target.unpricedCalls += source.unpricedCalls;
  for (const model of source.spanModels) target.spanModels.add(model);
  for (const [key, share] of source.shares) {
    const existing = target.shares.get(key);
    if (existing) existing.estimated += share.estimated;
    else target.shares.set(key, { ...share });
  }
}

/**
 * Builds cells from estimated and billed rows. A span model takes the key of
 * the billed model it matches (see matchBilledModel), so both land in one
 * cell. Telemetry of a provider and day that no model-level bill covers is
 * folded into that day's bill without a model, when there is one.
 */
export function buildReconciliationCells(
  estimatedRows: readonly EstimatedCellRow[],
  billedRows: readonly BilledCellRow[],
): { cells: CellTotals[]; otherCurrencies: OtherCurrencyCell[] } {
  const cells = new Map<string, CellTotals>();
  const cellFor = (provider: string, modelKey: string | null, day: string) => {
    const id = cellId(provider, modelKey, day);
    let cell = cells.get(id);
    if (!cell) {
      cell = newCell(provider, modelKey, day);
      cells.set(id, cell);
    }
    return cell;
  };

  const otherCurrencies: OtherCurrencyCell[] = [];
  const billedKeys = new Map<string, Set<string>>();
  for (const row of billedRows) {
    const provider = groupProvider(row.modelProvider ?? row.provider);
    if (row.currency !== RECONCILED_CURRENCY) {
      otherCurrencies.push({
        provider,
        model: row.model,
        day: row.day,
        currency: row.currency,
        billed: row.billedUsd,
        effective: row.effectiveUsd,
        lines: row.lines,
      });
      continue;
    }
    const modelKey = toModelKey(row.model);
    const cell = cellFor(provider, modelKey, row.day);
    cell.billed += units(row.billedUsd);
    cell.effective += units(row.effectiveUsd);
    cell.billingLines += row.lines;
    cell.linesWithEffective += row.linesWithEffective;
    if (row.model) cell.billedModels.add(row.model);
    if (modelKey !== null) {
      const keys = billedKeys.get(provider) ?? new Set<string>();
      keys.add(modelKey);
      billedKeys.set(provider, keys);
    }
  }

  for (const row of estimatedRows) {
    const provider = groupProvider(row.provider);
    const spanKey = toModelKey(row.model);
    const keys = billedKeys.get(provider);
    const modelKey = spanKey !== null && keys ? (matchBilledModel(spanKey, keys) ?? spanKey) : spanKey;
    const cell = cellFor(provider, modelKey, row.day);
    const estimated = units(row.estimatedUsd);
    cell.estimated += estimated;
    cell.calls += row.calls;
    cell.unpricedCalls += row.unpricedCalls;
    if (row.model) cell.spanModels.add(row.model);
    const shareKey = JSON.stringify([row.workflow, row.runDay]);
    const share = cell.shares.get(shareKey);
    if (share) share.estimated += estimated;
    else cell.shares.set(shareKey, { workflow: row.workflow, runDay: row.runDay, estimated });
  }

  foldIntoModelessBills(cells);
  return { cells: [...cells.values()], otherCurrencies };
}

/** Moves unbilled telemetry into the same provider and day's bill that names no model. */
function foldIntoModelessBills(cells: Map<string, CellTotals>): void {
  for (const [id, cell] of cells) {
    if (cell.modelKey === null || cell.billingLines > 0 || cell.calls === 0) continue;
    const modeless = cells.get(cellId(cell.provider, null, cell.day));
    if (!modeless || modeless.billingLines === 0) continue;
    addTelemetry(modeless, cell);
    cells.delete(id);
  }
}

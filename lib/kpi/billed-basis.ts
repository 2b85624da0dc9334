/**
 * The billed cost basis of the KPIs: each workflow's daily cost with the
 * estimate of every call replaced by its share of the bill (see
 * allocateBilledCost). Calls in a provider, model and UTC day without any
 * bill line keep their estimate, so a day without imported bills reads the
 * same on both bases.
 */
import type { Queryable } from "@/db/client";
import {
  loadBilledCells,
  loadCallDaysOfRuns,
  loadEstimatedCells,
} from "@/db/queries/reconciliation";
import type { WorkflowDailyRow } from "@/db/queries/workflow-daily";
import { allocateCells } from "@/lib/billing/reconcile";
import { buildReconciliationCells } from "@/lib/billing/reconciliation-cells";
import { badRequest } from "@/lib/http/api-error";
import { fromUnits, SCALE, toUnits } from "@/lib/money/decimal";

import { addDays, type DateRange } from "./date-range";

export type CostBasis = "estimated" | "billed";

/** Parses the `basis` request parameter; absent means `estimated`. */
export function parseCostBasis(value: string | null | undefined): CostBasis {
  if (value === null || value === undefined || value === "estimated") return "estimated";
  if (value === "billed") return "billed";
  throw badRequest(`invalid basis "${value.slice(0, 60)}": expected estimated or billed`);
}

function dailyKey(workflow: string, day: string): string {
  return JSON.stringify([workflow, day]);
}

/**
 * Returns, per workflow and KPI day in the range, billed minus estimated
 * cost in 10^-12 USD. Cells are built over every UTC day on which the runs'
 * calls started, so each cell's allocation includes all of its calls.
 */
export async function loadBilledCostDeltas(
  db: Queryable,
  range: DateRange,
): Promise<Map<string, bigint>> {
  const deltas = new Map<string, bigint>();
  const callDays = await loadCallDaysOfRuns(db, range);
  if (!callDays) return deltas;
  const days = { fromDay: callDays.firstDay, toDay: addDays(callDays.lastDay, 1) };
  const estimated = await loadEstimatedCells(db, days);
  const billed = await loadBilledCells(db, days);
  const { shares } = allocateCells(buildReconciliationCells(estimated, billed).cells);
  for (const share of shares) {
    if (!share.billedCell || share.runDay < range.from || share.runDay >= range.to) continue;
    const key = dailyKey(share.workflow, share.runDay);
    deltas.set(key, (deltas.get(key) ?? 0n) + share.allocated - share.estimated);
  }
  return deltas;
}

/** Formats units with all 12 fraction digits, as numeric(30, 12) columns come back. */
function formatFixedScale(units: bigint): string {
  const [whole, fraction = ""] = fromUnits(units).split(".");
  return `${whole}.${fraction.padEnd(SCALE, "0")}`;
}

/** Returns the daily rows with each day's cost moved by its billed-minus-estimated delta. */
export function applyBilledCost(
  rows: readonly WorkflowDailyRow[],
  deltas: ReadonlyMap<string, bigint>,
): WorkflowDailyRow[] {
  return rows.map((row) => {
    const delta = deltas.get(dailyKey(row.workflow, row.day));
    if (delta === undefined || delta === 0n) return row;
    return { ...row, costUsd: formatFixedScale(toUnits(row.costUsd) + delta) };
  });
}

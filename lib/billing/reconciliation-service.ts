import type { Queryable } from "@/db/client";
import { getDatabase } from "@/db/client";
import { loadBilledCells, loadEstimatedCells } from "@/db/queries/reconciliation";
import { parseDateRange, type DateRange } from "@/lib/kpi/date-range";

import { buildReconciliationCells } from "./reconciliation-cells";
import { buildReconciliationReport, type ReconciliationReport } from "./reconcile";

/** Reconciles spans with bills for UTC days in [from, to). */
export async function reconcileRange(db: Queryable, range: DateRange): Promise<ReconciliationReport> {
  const days = { fromDay: range.from, toDay: range.to };
  const estimated = await loadEstimatedCells(db, days);
  const billed = await loadBilledCells(db, days);
  const { cells, otherCurrencies } = buildReconciliationCells(estimated, billed);
  return buildReconciliationReport(range, cells, otherCurrencies);
}

/**
 * Returns the reconciliation for `from` and `to` request parameters. Days are
 * UTC days, because bills state charge periods in UTC; the default range is
 * the 90 complete UTC days before today.
 */
export async function getReconciliation(params: {
  from?: string | null;
  to?: string | null;
}): Promise<ReconciliationReport> {
  const range = parseDateRange(params, "UTC");
  return reconcileRange(await getDatabase(), range);
}

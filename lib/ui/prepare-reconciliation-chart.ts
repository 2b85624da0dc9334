/**
 * Chart rows of estimated against billed cost per day. Every day of the range
 * is present: estimated cost is 0 on a day without calls, and billed cost is
 * null (a gap in the line) on a day without bills, since no bill is not a
 * bill of $0.
 */

import type { ReconciliationReport } from "./billing-schemas";

export interface ReconciliationChartRow {
  day: string;
  /** USD, converted from the decimal string for drawing only. */
  estimated: number;
  billed: number | null;
}

export function prepareReconciliationChart(
  report: Pick<ReconciliationReport, "from" | "to" | "byDay">,
): ReconciliationChartRow[] {
  const byDay = new Map(report.byDay.map((row) => [row.day, row]));
  const rows: ReconciliationChartRow[] = [];
  for (let time = Date.parse(`${report.from}T00:00:00Z`); ; time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    if (day >= report.to) break;
    const row = byDay.get(day);
    rows.push({
      day,
      estimated: row ? Number(row.estimatedUsd) : 0,
      billed: row?.billedUsd ? Number(row.billedUsd) : null,
    });
  }
  return rows;
}

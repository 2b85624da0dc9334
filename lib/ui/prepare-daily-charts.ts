/**
 * "Prepare" step of the daily charts: pure functions that turn the API's daily
 * series into recharts rows, so the chart components only map props.
 */

import type { DailyPoint } from "./kpi-schemas";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Formats YYYY-MM-DD as a short axis label, "Mar 5", without time-zone shifts. */
export function formatDayLabel(day: string): string {
  const month = MONTHS[Number(day.slice(5, 7)) - 1];
  if (!month) throw new RangeError(`invalid day "${day}": expected YYYY-MM-DD`);
  return `${month} ${Number(day.slice(8, 10))}`;
}

/** One line or area of a multi-series chart. `key` names the row field with its values. */
export interface ChartSeries {
  key: string;
  name: string;
  /** Index into the theme's chart palette. */
  colorIndex: number;
}

export interface CostByWorkflowChart {
  rows: Array<{ day: string } & Record<string, number | string>>;
  series: ChartSeries[];
}

/**
 * Builds one row per day with each workflow's cost, for a stacked area chart.
 * Series keys are positional ("s0", "s1") because recharts reads a dotted
 * dataKey as a nested path, and workflow names may contain dots. The API
 * zero-fills days without runs, and a day missing from one series also means no
 * cost, so it becomes 0 rather than a gap.
 */
export function prepareCostByWorkflow(
  input: ReadonlyArray<{ workflow: string; daily: readonly DailyPoint[] }>,
): CostByWorkflowChart {
  const series = input.map((entry, index) => ({
    key: `s${index}`,
    name: entry.workflow,
    colorIndex: index,
  }));
  const days = [...new Set(input.flatMap((entry) => entry.daily.map((point) => point.day)))].sort();
  const costByDay = input.map(
    (entry) => new Map(entry.daily.map((point) => [point.day, point.costUsd])),
  );
  const rows = days.map((day) => {
    const row: { day: string } & Record<string, number | string> = { day };
    costByDay.forEach((costs, index) => {
      // Charts plot approximate positions, so the exact decimal string becomes a
      // float here, at the presentation edge, and nowhere else.
      row[`s${index}`] = Number(costs.get(day) ?? "0");
    });
    return row;
  });
  return { rows, series };
}

export interface DailyChartRow {
  day: string;
  /** Cost as a float for plotting only; tables show the exact decimal string. */
  cost: number;
  decisions: number;
  runs: number;
  completedOutcomes: number;
}

/** Builds the rows of a workflow's daily cost and decisions charts, in day order. */
export function prepareDailyChartRows(daily: readonly DailyPoint[]): DailyChartRow[] {
  return [...daily]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((point) => ({
      day: point.day,
      // Float conversion for plotting only, at the presentation edge.
      cost: Number(point.costUsd),
      decisions: point.decisions,
      runs: point.runs,
      completedOutcomes: point.completedOutcomes,
    }));
}

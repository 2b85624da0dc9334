"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { CHART_AXIS_COLOR, CHART_GRID_COLOR, seriesColor } from "@/components/kpi/chart-theme";
import { formatCompactUsd } from "@/lib/ui/format-number";
import { formatDayLabel } from "@/lib/ui/prepare-daily-charts";
import type { ReconciliationChartRow } from "@/lib/ui/prepare-reconciliation-chart";

/** Estimated against billed AI cost per UTC day, in USD; a day without bills is a gap. */
export function ChartLineEstimatedBilled({ rows }: { rows: readonly ReconciliationChartRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={CHART_GRID_COLOR} vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatDayLabel} stroke={CHART_AXIS_COLOR} minTickGap={24} />
        <YAxis tickFormatter={formatCompactUsd} stroke={CHART_AXIS_COLOR} width={64} />
        <Tooltip
          labelFormatter={(label) => String(label)}
          formatter={(value) => (typeof value === "number" ? formatCompactUsd(value) : value)}
        />
        <Legend />
        <Line
          dataKey="estimated"
          name="Estimated from spans"
          type="linear"
          stroke={seriesColor(0)}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="billed"
          name="Billed"
          type="linear"
          stroke={seriesColor(1)}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

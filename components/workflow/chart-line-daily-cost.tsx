"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { CHART_AXIS_COLOR, CHART_GRID_COLOR, seriesColor } from "@/components/kpi/chart-theme";
import { formatCompactUsd } from "@/lib/ui/format-number";
import { formatDayLabel, type DailyChartRow } from "@/lib/ui/prepare-daily-charts";

/** Renders a workflow's cost per day, in USD, as a line. */
export function ChartLineDailyCost({ rows }: { rows: readonly DailyChartRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={CHART_GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="day"
          tickFormatter={formatDayLabel}
          stroke={CHART_AXIS_COLOR}
          minTickGap={24}
        />
        <YAxis tickFormatter={formatCompactUsd} stroke={CHART_AXIS_COLOR} width={64} />
        <Tooltip
          labelFormatter={(label) => String(label)}
          formatter={(value) => (typeof value === "number" ? formatCompactUsd(value) : value)}
        />
        <Line
          dataKey="cost"
          name="Cost"
          type="linear"
          stroke={seriesColor(0)}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

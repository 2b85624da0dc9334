"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { CHART_AXIS_COLOR, CHART_GRID_COLOR, seriesColor } from "@/components/kpi/chart-theme";
import { formatCompactCount, formatCount } from "@/lib/ui/format-number";
import { formatDayLabel, type DailyChartRow } from "@/lib/ui/prepare-daily-charts";

/** Renders a workflow's business decisions per day as bars. */
export function ChartBarDailyDecisions({ rows }: { rows: readonly DailyChartRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={CHART_GRID_COLOR} vertical={false} />
        <XAxis
          dataKey="day"
          tickFormatter={formatDayLabel}
          stroke={CHART_AXIS_COLOR}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={formatCompactCount}
          stroke={CHART_AXIS_COLOR}
          width={56}
          allowDecimals={false}
        />
        <Tooltip
          labelFormatter={(label) => String(label)}
          formatter={(value) => (typeof value === "number" ? formatCount(value) : value)}
        />
        <Bar dataKey="decisions" name="Decisions" fill={seriesColor(1)} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { CHART_AXIS_COLOR, CHART_GRID_COLOR, seriesColor } from "@/components/kpi/chart-theme";
import { formatCompactUsd } from "@/lib/ui/format-number";
import { formatDayLabel, type CostByWorkflowChart } from "@/lib/ui/prepare-daily-charts";

/** Daily cost stacked by workflow; the values come prepared, in USD. */
export function ChartAreaCost({ chart }: { chart: CostByWorkflowChart }) {
  return (
    <ResponsiveContainer width="100%" height={300}>
      <AreaChart data={chart.rows} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
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
        <Legend />
        {chart.series.map((series) => (
          <Area
            key={series.key}
            dataKey={series.key}
            name={series.name}
            stackId="cost"
            type="linear"
            stroke={seriesColor(series.colorIndex)}
            fill={seriesColor(series.colorIndex)}
            fillOpacity={0.25}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}

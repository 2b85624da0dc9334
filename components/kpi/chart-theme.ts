/** Number of series colours the stylesheet defines as --chart-1 … --chart-8. */
const PALETTE_SIZE = 8;

/** Returns the theme colour of the series at `index`, cycling through the palette. */
export function seriesColor(index: number): string {
  return `var(--chart-${(index % PALETTE_SIZE) + 1})`;
}

export const CHART_AXIS_COLOR = "var(--color-text-muted)";
export const CHART_GRID_COLOR = "var(--color-border)";

/**
 * Links between the pages, carrying the date range so a drill-down shows the
 * same period as the board it came from.
 */

import { formatRangeQuery, type DayRange } from "./date-range-params";

export function buildBoardHref(range: DayRange): string {
  return `/?${formatRangeQuery(range)}`;
}

/** Returns the workflow page's path; the name is percent-encoded as one path segment. */
export function buildWorkflowHref(workflow: string, range: DayRange): string {
  return `/workflows/${encodeURIComponent(workflow)}?${formatRangeQuery(range)}`;
}

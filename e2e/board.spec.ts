import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { addDecimals, toUnits } from "../lib/money/decimal";
import { addDays, type DayRange } from "../lib/ui/date-range-params";
import { describeVerdict } from "../lib/ui/describe-verdict";
import { formatUnitCostUsd, formatUsd, roundDecimal } from "../lib/ui/format-decimal";
import {
  kpiReportSchema,
  workflowReportSchema,
  type KpiReport,
  type WorkflowReport,
} from "../lib/ui/kpi-schemas";

import { storageStatePath } from "./e2e-settings";

// Signed in as the analyst, who may open both the board and workflow pages.
// API calls go through page.request, which carries the browser's session cookie.
test.use({ storageState: storageStatePath("analyst") });

/** Reads the range the board shows from its labelled date inputs; the last day is inclusive. */
async function readDisplayedRange(page: Page): Promise<DayRange> {
  const firstDay = page.getByLabel("First day");
  const lastDay = page.getByLabel("Last day");
  await expect(firstDay).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(lastDay).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  return { from: await firstDay.inputValue(), to: addDays(await lastDay.inputValue(), 1) };
}

async function getKpiReport(request: APIRequestContext, range: DayRange): Promise<KpiReport> {
  const response = await request.get(`/api/v1/kpis?from=${range.from}&to=${range.to}`);
  expect(response.status()).toBe(200);
  return kpiReportSchema.parse(await response.json());
}

async function getWorkflowReport(
  request: APIRequestContext,
  workflow: string,
  range: DayRange,
): Promise<WorkflowReport> {
  const path = `/api/v1/workflows/${encodeURIComponent(workflow)}/kpis`;
  const response = await request.get(`${path}?from=${range.from}&to=${range.to}`);
  expect(response.status()).toBe(200);
  return workflowReportSchema.parse(await response.json());
}

/** Reads a displayed USD amount back into a plain decimal string: "$1,234.50" gives "1234.50". */
function parseDisplayedUsd(text: string): string {
  return text.trim().replace(/^(-?)\$/, "$1").replaceAll(",", "");
}

function rangeFromUrl(url: string): DayRange {
  const params = new URL(url).searchParams;
  const from = params.get("from");
  const to = params.get("to");
  if (!from || !to) throw new Error(`page URL ${url} carries no from and to`);
  return { from, to };
}

test("board shows each workflow's KPIs from the API", async ({ page }) => {
  const request = page.request;
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const range = await readDisplayedRange(page);
  const report = await getKpiReport(request, range);
  expect(report.workflows.length, "the seeded server has no workflows").toBeGreaterThan(0);

  const workflowTable = page.getByRole("table", { name: "Unit economics per workflow" });
  await expect(workflowTable.getByRole("row")).toHaveCount(report.workflows.length + 1);

  for (const summary of report.workflows) {
    const { workflow } = summary;
    // A `has` locator is resolved inside each row, so it starts from the page.
    const link = page.getByRole("link", { name: workflow, exact: true });
    const row = workflowTable.getByRole("row").filter({ has: link });
    await expect(row).toHaveCount(1);

    const cost = row.getByTestId(`kpi-cost-${workflow}`);
    await expect(cost).toHaveText(formatUsd(summary.costUsd));
    expect(parseDisplayedUsd(await cost.innerText())).toBe(roundDecimal(summary.costUsd, 2));

    const expectedCostPerDecision =
      summary.costPerDecisionUsd === null ? "—" : formatUnitCostUsd(summary.costPerDecisionUsd);
    await expect(row.getByTestId(`kpi-cost-per-decision-${workflow}`)).toHaveText(
      expectedCostPerDecision,
    );

    await expect(row.getByTestId(`kpi-verdict-${workflow}`)).toHaveText(
      describeVerdict(summary.verdict).sentence,
    );

    const unpriced = row.getByTestId(`kpi-unpriced-${workflow}`);
    if (summary.unpricedCalls > 0) await expect(unpriced).toBeVisible();
    else await expect(unpriced).toHaveCount(0);
  }

  const totalCost = addDecimals(report.workflows.map((summary) => summary.costUsd));
  await expect(page.getByTestId("org-cost")).toHaveText(formatUsd(totalCost));
});

test("date inputs put the range in the URL", async ({ page }) => {
  const request = page.request;
  await page.goto("/");
  const displayed = await readDisplayedRange(page);
  const firstDay = addDays(displayed.to, -7);

  await page.getByLabel("First day").fill(firstDay);
  // The URL's `to` stays exclusive: the day after the last day shown.
  await expect(page).toHaveURL(new RegExp(`[?&]from=${firstDay}&to=${displayed.to}$`));
  await expect(page.getByLabel("First day")).toHaveValue(firstDay);

  const report = await getKpiReport(request, { from: firstDay, to: displayed.to });
  const totalCost = addDecimals(report.workflows.map((summary) => summary.costUsd));
  await expect(page.getByTestId("org-cost")).toHaveText(formatUsd(totalCost));
});

test("workflow page shows the API's daily series", async ({ page }) => {
  const request = page.request;
  await page.goto("/");
  const range = await readDisplayedRange(page);
  const [first] = (await getKpiReport(request, range)).workflows;
  if (!first) throw new Error("the seeded server has no workflows");

  await page.getByRole("link", { name: first.workflow, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: first.workflow })).toBeVisible();
  const pageRange = rangeFromUrl(page.url());
  expect(pageRange).toEqual(range);
  const report = await getWorkflowReport(request, first.workflow, pageRange);

  const dailyTable = page.getByRole("table", { name: "Daily series" });
  // One header row plus one row per day of the range, zero days included.
  await expect(dailyTable.getByRole("row")).toHaveCount(report.daily.length + 1);

  const busiest = report.daily.reduce((best, point) =>
    toUnits(point.costUsd) > toUnits(best.costUsd) ? point : best,
  );
  const busiestRow = dailyTable.getByRole("row").filter({
    has: page.getByRole("rowheader", { name: busiest.day, exact: true }),
  });
  await expect(busiestRow.getByTestId(`daily-cost-${busiest.day}`)).toHaveText(
    formatUsd(busiest.costUsd),
  );

  await expect(page.getByTestId(`kpi-cost-${first.workflow}`)).toHaveText(
    formatUsd(report.costUsd),
  );
  await expect(page.getByTestId(`kpi-verdict-${first.workflow}`)).toHaveText(
    describeVerdict(report.verdict).sentence,
  );

  await page.getByRole("link", { name: /back to the board/i }).click();
  await expect(page).toHaveURL(new RegExp(`/\\?from=${range.from}&to=${range.to}$`));
});

test("unknown workflow shows not found", async ({ page }) => {
  await page.goto("/workflows/no-such-workflow");
  await expect(page.getByRole("heading", { name: "Workflow not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: /back to the board/i })).toBeVisible();
});

test("invalid range parameter shows a notice", async ({ page }) => {
  await page.goto("/?from=not-a-day");
  await expect(page.getByText('Ignored from="not-a-day"', { exact: false })).toBeVisible();
  await expect(page.getByLabel("First day")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
});

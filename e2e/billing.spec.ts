import { expect, test } from "@playwright/test";

import { addDays } from "../lib/ui/date-range-params";
import { bedrockTokenRow, buildFocusCsv, type FocusTestRow } from "../test/support/focus-csv";

import { storageStatePath } from "./e2e-settings";

// Finance may upload billing files; the reconciliation page needs analyst or more.
test.use({ storageState: storageStatePath("finance") });

const ROWS = 4_000;

/**
 * A FOCUS file of ROWS rows over the three UTC days before today: every
 * second row is a Bedrock Claude token charge of $0.0125 (2,000 of them,
 * $25.00 in all), the rest storage charges that are not AI spend.
 */
function buildBill(): { csv: string; days: string[] } {
  const today = new Date().toISOString().slice(0, 10);
  const days = [addDays(today, -3), addDays(today, -2), addDays(today, -1)];
  const rows: FocusTestRow[] = [];
  for (let index = 0; index < ROWS; index += 1) {
    const day = days[index % days.length]!;
    if (index % 2 === 0) {
      rows.push(
        bedrockTokenRow({
          id: `e2e-bedrock-${index}`,
          day,
          usageType: "USE1-Claude3.5Sonnet-input-tokens",
          tokens: "4166.666667",
          billedCost: "0.0125",
        }),
      );
    } else {
      rows.push({
        Id: `e2e-storage-${index}`,
        ChargePeriodStart: `${day} 00:00:00`,
        ChargePeriodEnd: `${addDays(day, 1)} 00:00:00`,
      });
    }
  }
  return { csv: buildFocusCsv(rows), days };
}

test("finance imports a FOCUS file and reconciles it", async ({ page }) => {
  const { csv, days } = buildBill();
  await page.goto("/billing/imports");
  await expect(page.getByRole("heading", { level: 1, name: "Billing imports" })).toBeVisible();

  await page.getByLabel("Billing file", { exact: true }).setInputFiles({
    name: "focus-e2e.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Import file" }).click();

  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByTestId("import-status")).toContainText(
    `Completed: ${ROWS.toLocaleString("en-US")} rows read, ${ROWS.toLocaleString("en-US")} imported`,
  );
  // HTMLProgressElement.position is value / max: 1 once every byte was read.
  await expect(progress).toHaveJSProperty("position", 1);

  const history = page.getByRole("table", { name: "Billing imports", exact: true });
  const row = history.getByRole("row").filter({ hasText: "focus-e2e.csv" }).first();
  await expect(row).toContainText("completed");

  await page.goto(`/billing/reconciliation?from=${days[0]}&to=${addDays(days[2]!, 1)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Reconciliation with the bill" })).toBeVisible();
  const providers = page.getByRole("table", { name: "Reconciliation by provider", exact: true });
  const bedrock = providers.getByRole("row").filter({ hasText: "aws.bedrock" });
  await expect(bedrock).toContainText("$25.00");

  // Drill down from the provider to its model and days.
  await bedrock.getByRole("button", { name: "aws.bedrock" }).click();
  const models = page.getByRole("table", { name: "Models of aws.bedrock", exact: true });
  await models.getByRole("button", { name: "claude3.5sonnet" }).click();
  const cells = page.getByRole("table", { name: "Reconciliation by provider, model and day" });
  await expect(cells.getByRole("row")).toHaveCount(1 + days.length);
  // No Bedrock spans exist, so every billed day is unexplained spend.
  const unexplained = page.getByRole("table", { name: "Billed AI spend without telemetry" });
  await expect(unexplained.getByRole("row").filter({ hasText: "claude3.5sonnet" })).toHaveCount(days.length);
});

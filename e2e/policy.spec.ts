import { expect, test as base, type Page } from "@playwright/test";

import { watchCspViolations } from "./demo-users";
import { E2E_BASE_URL, storageStatePath } from "./e2e-settings";

/** Every test fails if the browser reported a Content Security Policy violation. */
const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations = watchCspViolations(page);
      await use(violations);
      expect(violations, "Content Security Policy violations in the console").toEqual([]);
    },
    { auto: true },
  ],
});

async function readLatestVersion(page: Page): Promise<number> {
  const response = await page.request.get("/api/v1/policy/versions");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { versions: Array<{ version: number }> };
  return body.versions[0]?.version ?? 0;
}

async function publishReviewed(page: Page, expectedVersion: number, changedSetting: string): Promise<void> {
  await page.getByRole("button", { name: "Review and publish" }).click();
  const changes = page.getByRole("table", { name: "Changes against the published version" });
  await expect(changes).toBeVisible();
  await expect(changes.getByRole("cell", { name: changedSetting, exact: true })).toBeVisible();
  await page.getByLabel("Note for the version history").fill("e2e budget change");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`Published version ${expectedVersion}.`);
}

test.describe("finance", () => {
  test.use({ storageState: storageStatePath("finance") });

  test("edits a budget, reviews the diff and publishes", async ({ page }) => {
    const workflow = `e2e-policy-${Date.now()}`;
    await page.goto("/policy");
    await expect(page.getByRole("heading", { level: 1, name: "Policy" })).toBeVisible();
    const before = await readLatestVersion(page);

    await page.getByLabel("Workflow name").fill(workflow);
    await page.getByRole("button", { name: "Add a workflow" }).click();
    const form = page.getByRole("form", { name: `Policy of ${workflow}` });
    await form.getByLabel("Amount (USD)").fill("12,50");
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(form.getByText(/must be a decimal amount in USD/)).toBeVisible();

    await form.getByLabel("Amount (USD)").fill("1234.5");
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(form).toBeHidden();
    await publishReviewed(page, before + 1, "whole policy");

    await page.getByRole("button", { name: `Edit ${workflow}` }).click();
    await form.getByLabel("Amount (USD)").fill("2000");
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(form).toBeHidden();
    await publishReviewed(page, before + 2, "budget.amountUsd");
    expect(await readLatestVersion(page)).toBe(before + 2);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("cannot open the policy page or change the draft", async ({ page }) => {
    await page.goto("/policy");
    await expect(page).toHaveURL(/\/forbidden\?need=analyst$/);
    const response = await page.request.put("/api/v1/policy/draft/workflows/e2e-forbidden", {
      headers: { origin: E2E_BASE_URL },
      data: {},
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  });
});

import { expect, test } from "@playwright/test";

import { watchCspViolations } from "./demo-users";
import { storageStatePath } from "./e2e-settings";

test.describe("finance", () => {
  test.use({ storageState: storageStatePath("finance") });

  test("finance adds a custom price", async ({ page }) => {
    const cspViolations = watchCspViolations(page);
    const model = `e2e-model-${Date.now().toString(36)}`;
    await page.goto("/pricing");
    await expect(page.getByRole("heading", { level: 1, name: "Prices" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Price book" })).toBeVisible();

    await page.getByRole("button", { name: "Add price", exact: true }).click();
    const form = page.getByRole("form", { name: "Price row" });
    await form.getByLabel("Provider", { exact: true }).fill("self-hosted");
    await form.getByLabel("Model", { exact: true }).fill(model);
    // The field's message sits inside its label, so the name only starts with the label text.
    const input = form.getByRole("textbox", { name: /^Input \(USD per million\)/ });
    await input.fill("3,5");
    await form.getByLabel("Output (USD per million)", { exact: true }).fill("14");
    await form.getByLabel("Source URL").fill("https://prices.example.test/e2e");
    await form.getByRole("button", { name: "Save price" }).click();

    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(/must be a decimal string/);
    await expect(form.getByRole("alert")).toHaveText(/must be a decimal string/);

    await input.fill("3.5");
    await form.getByRole("button", { name: "Save price" }).click();
    await expect(form).toBeHidden();

    await page.getByLabel("Filter by provider or model").fill(model);
    const row = page.getByRole("table", { name: "Price book" }).getByRole("row", { name: new RegExp(model) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("$3.5");
    await expect(row).toContainText("$14");
    await expect(row).toContainText("Custom");
    await expect(row.getByRole("link", { name: "Source" })).toHaveAttribute("rel", "noopener noreferrer");
    expect(cspViolations, "Content Security Policy violations in the console").toEqual([]);
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("viewer gets the forbidden page", async ({ page }) => {
    await page.goto("/pricing");
    await expect(page).toHaveURL(/\/forbidden\?need=analyst$/);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });
});

import { expect, test as base, type Page } from "@playwright/test";

import type { Role } from "../lib/auth/roles";
import { formatUsd } from "../lib/ui/format-decimal";

import { demoUser, signInThroughForm, watchCspViolations } from "./demo-users";
import { E2E_BASE_URL } from "./e2e-settings";

/** Every test fails if the browser reported a Content Security Policy violation on any page. */
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

/** Returns a workflow that has spans, read from the board's API with the page's session. */
async function findWorkflow(page: Page): Promise<string> {
  const response = await page.request.get("/api/v1/kpis");
  expect(response.status()).toBe(200);
  const report = (await response.json()) as { workflows: Array<{ workflow: string }> };
  const workflow = report.workflows[0]?.workflow;
  if (!workflow) throw new Error("the seeded server has no workflows");
  return workflow;
}

async function expectForbidden(page: Page, path: string, neededRole: Role): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`/forbidden\\?need=${neededRole}$`));
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByText(`This page needs the ${neededRole} role.`)).toBeVisible();
}

async function expectBoard(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "AI unit economics" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Unit economics per workflow" })).toBeVisible();
}

async function expectWorkflowPage(page: Page, workflow: string): Promise<void> {
  await page.goto(`/workflows/${encodeURIComponent(workflow)}`);
  await expect(page.getByRole("heading", { level: 1, name: workflow })).toBeVisible();
  await expect(page.getByRole("table", { name: "Daily series" })).toBeVisible();
}

/** Opens the budgets page and waits until the budget list has loaded. */
async function openBudgets(page: Page): Promise<void> {
  await page.goto("/budgets");
  await expect(page.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Budgets by workflow" })).toBeVisible();
}

test("viewer sees only the board", async ({ page }) => {
  await signInThroughForm(page, demoUser("viewer"));
  await expectBoard(page);
  const workflow = await findWorkflow(page);
  await expectForbidden(page, `/workflows/${encodeURIComponent(workflow)}`, "analyst");
  await expectForbidden(page, "/budgets", "analyst");
  await expectForbidden(page, "/settings/keys", "admin");
  await expectForbidden(page, "/admin/users", "admin");
  await expectForbidden(page, "/admin/audit", "admin");
});

test("viewer gets 403 changing a budget", async ({ page }) => {
  await signInThroughForm(page, demoUser("viewer"));
  const workflow = await findWorkflow(page);
  const response = await page.request.put(`/api/v1/budgets/${encodeURIComponent(workflow)}`, {
    headers: { origin: E2E_BASE_URL },
    data: { amountUsd: "100", period: "month", timeZone: "UTC" },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
});

test("analyst reads workflows and budgets", async ({ page }) => {
  await signInThroughForm(page, demoUser("analyst"));
  await expectBoard(page);
  await expectWorkflowPage(page, await findWorkflow(page));
  await openBudgets(page);
  const table = page.getByRole("table", { name: "Budgets by workflow" });
  await expect(table.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Set a budget for another workflow" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Budget" })).toHaveCount(0);
  await expectForbidden(page, "/settings/keys", "admin");
  await expectForbidden(page, "/admin/users", "admin");
  await expectForbidden(page, "/admin/audit", "admin");
});

test("finance edits budgets", async ({ page }) => {
  await signInThroughForm(page, demoUser("finance"));
  const workflow = await findWorkflow(page);
  await openBudgets(page);
  await page.getByRole("button", { name: "Set a budget for another workflow" }).click();
  const form = page.getByRole("form", { name: "Budget" });
  await expect(form).toBeVisible();

  // Saving from the browser proves the same-origin check accepts real page requests.
  await form.getByLabel("Workflow").fill(workflow);
  await form.getByLabel("Amount (USD)").fill("1234.5");
  await form.getByLabel("Time zone").fill("UTC");
  const saved = page.waitForResponse(
    (response) => response.request().method() === "PUT" && response.url().includes("/api/v1/budgets/"),
  );
  await form.getByRole("button", { name: "Save budget" }).click();
  expect([200, 201]).toContain((await saved).status());
  const row = page
    .getByRole("table", { name: "Budgets by workflow" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: workflow, exact: true }) });
  await expect(row).toContainText(formatUsd("1234.5", { maximumFractionDigits: 12 }));

  await expectForbidden(page, "/settings/keys", "admin");
  await expectForbidden(page, "/admin/users", "admin");
});

test("admin opens keys, users and audit", async ({ page }) => {
  await signInThroughForm(page, demoUser("admin"));
  await expectBoard(page);
  await expectWorkflowPage(page, await findWorkflow(page));
  await openBudgets(page);
  await expect(page.getByRole("button", { name: "Set a budget for another workflow" })).toBeVisible();

  await page.goto("/settings/keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Create a key" })).toBeVisible();

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users and roles" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "viewer@demo.local" })).toBeVisible();

  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Entries" })).toBeVisible();
});

test("sign-in returns to the requested page", async ({ page }) => {
  await signInThroughForm(page, demoUser("analyst"));
  const workflow = await findWorkflow(page);
  await page.context().clearCookies();

  const path = `/workflows/${encodeURIComponent(workflow)}`;
  await signInThroughForm(page, demoUser("analyst"), path);
  await expect(page).toHaveURL(new URL(path, E2E_BASE_URL).toString());
  await expect(page.getByRole("heading", { level: 1, name: workflow })).toBeVisible();
});

// Signing out ends every session of the user, so this uses the viewer, whose
// saved browser state no other spec uses.
test("sign-out ends the session", async ({ page, browser }) => {
  await signInThroughForm(page, demoUser("viewer"));
  await expectBoard(page);
  const oldState = await page.context().storageState();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // The old cookie, replayed in a fresh browser, no longer opens the board.
  const replay = await browser.newContext({ storageState: oldState });
  try {
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expect(replayPage).toHaveURL(/\/sign-in\?callbackUrl=%2F$/);
    const api = await replayPage.request.get("/api/v1/kpis");
    expect(api.status()).toBe(401);
  } finally {
    await replay.close();
  }
});

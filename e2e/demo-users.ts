import { expect, type Page } from "@playwright/test";

import type { DemoUser } from "../lib/auth/demo-users";
import type { Role } from "../lib/auth/roles";

import { DEMO_USERS_VARIABLE } from "./e2e-settings";

/** Returns the demo account of a role that global setup created. */
export function demoUser(role: Role): DemoUser {
  const json = process.env[DEMO_USERS_VARIABLE];
  if (!json) throw new Error(`${DEMO_USERS_VARIABLE} is not set; run the tests through playwright.config.ts`);
  const user = (JSON.parse(json) as DemoUser[]).find((candidate) => candidate.role === role);
  if (!user) throw new Error(`global setup created no demo user with role ${role}`);
  return user;
}

/**
 * Signs in through the sign-in form at `path` (the sign-in page, or a page
 * that redirects there) and waits until the browser has left the form.
 */
export async function signInThroughForm(page: Page, user: DemoUser, path = "/sign-in"): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in(\?|$)/);
}

/**
 * Collects console messages about Content Security Policy violations, which
 * Chromium logs for every blocked script, style or connection.
 */
export function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

import { defineConfig } from "@playwright/test";

import { E2E_BASE_URL } from "./e2e/e2e-settings";

/**
 * Flags for Debian's Chromium in a container: no sandbox (no user namespaces), no
 * GPU, and none of the background calls to Google services, since there is no
 * network here.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: "./e2e",
  // Starts `next start` on its own database and ingests demo history before the tests.
  globalSetup: "./e2e/global-setup.ts",
  // One seeded server is shared, so the tests run one at a time against it.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    // Signs in each demo user through the form and saves the session for the specs.
    { name: "sign-in", testMatch: "**/*.setup.ts" },
    { name: "chromium", testMatch: "**/*.spec.ts", dependencies: ["sign-in"] },
  ],
});

import path from "node:path";

import type { Role } from "../lib/auth/roles";

// A random port unless E2E_PORT is set, so two test runs on one machine do
// not collide. Playwright's workers inherit the variable from the runner.
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = String(20_000 + Math.floor(Math.random() * 20_000));
}

/** Port of the `next start` server the browser tests run against. */
export const E2E_PORT = Number(process.env.E2E_PORT);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Environment variable in which global setup passes the demo users, as JSON, to the workers. */
export const DEMO_USERS_VARIABLE = "E2E_DEMO_USERS";

/** Browser state (session cookie) of a demo user, written by the sign-in setup project. */
export function storageStatePath(role: Role): string {
  return path.resolve(__dirname, "..", "test-results", ".auth", `${role}.json`);
}

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { openDatabase } from "../db/client";
import { createDemoUsers } from "../lib/auth/demo-users";
import { createApiKey } from "../lib/keys/api-keys";
import { sendHistory } from "../scripts/demo/history";
import { createTestDatabase } from "../test/support/test-database";

import { DEMO_USERS_VARIABLE, E2E_BASE_URL, E2E_PORT } from "./e2e-settings";

/** Days of demo history seeded for the browser tests. */
const SEED_DAYS = 30;

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server at ${url} did not become ready within ${timeoutMs} ms`);
}

/**
 * Starts `next start` on a database of its own, creates an ingest key and one
 * demo user per role, and feeds the server demo history through /v1/traces
 * with the OpenTelemetry SDK, so the pages show real ingested data. The demo
 * users' credentials go to the workers as JSON in E2E_DEMO_USERS.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  const pgliteDir = database.env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), "il-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    PORT: String(E2E_PORT),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: E2E_BASE_URL,
  };
  delete env.DATABASE_URL;
  if (database.env.DATABASE_URL) env.DATABASE_URL = database.env.DATABASE_URL;
  if (pgliteDir) env.PGLITE_DIR = pgliteDir;

  // The key and users are created before the server opens the database: one
  // PGlite folder must never be open in two processes at once.
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir });
  const { secret } = await createApiKey(db, { name: "e2e", kind: "ingest" });
  // Workers start after global setup, so they inherit this variable.
  process.env[DEMO_USERS_VARIABLE] = JSON.stringify(await createDemoUsers(db));
  await db.close();

  const server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(E2E_PORT), "-H", "127.0.0.1"],
    { env, stdio: ["ignore", "inherit", "inherit"], detached: false },
  );
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await database.drop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  };

  try {
    await waitForServer(`${E2E_BASE_URL}/sign-in`, 60_000);
    const today = new Date().toISOString().slice(0, 10);
    await sendHistory({ endpoint: E2E_BASE_URL, apiKey: secret, days: SEED_DAYS, endDate: today, seed: 7 });
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

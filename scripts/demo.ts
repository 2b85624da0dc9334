/**
 * Starts Inference Ledger with demo data, on embedded PGlite unless
 * DATABASE_URL is set:
 *
 *   npm run demo            builds if needed, starts the server on PORT (3000)
 *
 * It sends 90 days of history for three workflows through /v1/traces with the
 * OpenTelemetry SDK, then keeps live traffic flowing from the `openai` client,
 * instrumented by @opentelemetry/instrumentation-openai, against a small
 * OpenAI-compatible server on 127.0.0.1. It creates one sign-in account per
 * role (viewer@demo.local ... admin@demo.local) with new random passwords and
 * prints them. Stop it with Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { openDatabase } from "@/db/client";
import { createDemoUsers, type DemoUser } from "@/lib/auth/demo-users";
import { createApiKey } from "@/lib/keys/api-keys";

import { startFakeOpenAiServer } from "./demo/fake-openai-server";
import { sendHistory } from "./demo/history";
import { startLiveTraffic } from "./demo/live-traffic";

const root = path.resolve(__dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const baseUrl = `http://127.0.0.1:${port}`;
const pgliteDir = process.env.PGLITE_DIR ?? path.join(root, ".data", "demo");
const HISTORY_DAYS = 90;

function newestSourceTime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the app unless a build newer than every source file exists. */
function buildIfStale(): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "db", "drizzle"].map((name) => path.join(root, name));
  const newest = Math.max(...sources.filter(existsSync).map(newestSourceTime));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newest) return;
  console.log("building the app (next build)...");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above");
}

async function waitForServer(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/sign-in`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not answer on ${baseUrl} within 90 s`);
}

/** Formats the demo accounts as an aligned table: role, email, password. */
function formatUserTable(users: DemoUser[]): string {
  const rows = [["role", "email", "password"], ...users.map((user) => [user.role, user.email, user.password])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => `  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`)
    .join("\n");
}

async function main(): Promise<void> {
  buildIfStale();

  // The key and users are written before the server opens the database,
  // because a PGlite folder must never be open in two processes at once.
  const db = await openDatabase({ url: process.env.DATABASE_URL, pgliteDir });
  const { secret } = await createApiKey(db, { name: `demo ${new Date().toISOString()}`, kind: "ingest" });
  const users = await createDemoUsers(db);
  await db.close();

  const server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PGLITE_DIR: pgliteDir,
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
        // A new secret each run also ends the sessions of the previous run.
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: baseUrl,
      },
    },
  );
  const stopServer = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.once("exit", stopServer);
  await waitForServer(server);

  console.log(`sending ${HISTORY_DAYS} days of history through ${baseUrl}/v1/traces ...`);
  const started = Date.now();
  const history = await sendHistory({
    endpoint: baseUrl,
    apiKey: secret,
    days: HISTORY_DAYS,
    onProgress: (progress) => {
      if (progress.dayNumber % 10 === 0 || progress.dayNumber === progress.days) {
        console.log(`  day ${progress.dayNumber}/${progress.days}: ${progress.runs} runs, ${progress.spans} spans`);
      }
    },
  });
  console.log(`history sent: ${history.runs} runs, ${history.spans} spans in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const openAi = await startFakeOpenAiServer();
  const live = startLiveTraffic({
    endpoint: baseUrl,
    apiKey: secret,
    openAiBaseUrl: openAi.url,
    intervalMs: 5000,
    onError: (error) => console.error(`live traffic: ${error.message}`),
  });

  console.log(`
Inference Ledger is running at ${baseUrl}
  board:       ${baseUrl}/
  KPI API:     ${baseUrl}/api/v1/kpis
  ingest key:  ${secret}
  (shown once; send it as "Authorization: Bearer <key>" with OTLP/HTTP to ${baseUrl}/v1/traces)

Sign in at ${baseUrl}/sign-in with one of these demo accounts (new passwords every run):
${formatUserTable(users)}

Live traffic from the openai client arrives every 5 s. Press Ctrl-C to stop.`);

  const shutdown = async () => {
    await live.stop().catch(() => {});
    await openAi.close().catch(() => {});
    stopServer();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  server.once("exit", (code) => {
    console.error(`the server exited (code ${code})`);
    void live.stop().finally(() => process.exit(code ?? 1));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

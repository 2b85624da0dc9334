import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, type Database } from "@/db/client";
import { checkCredentials } from "@/lib/auth/users";

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(REPO_ROOT, "node_modules/.bin/tsx");

// The commands run in child processes against a PGlite folder of their own;
// the test opens that folder only after each command has exited.
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "il-scripts-"));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function runScript(
  script: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir, LOG_LEVEL: "warn", ...extraEnv };
  delete env.DATABASE_URL;
  if (!("PASSWORD" in extraEnv)) delete env.PASSWORD;
  try {
    const { stdout, stderr } = await run(TSX, [path.join("scripts", script), ...args], { cwd: REPO_ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ pgliteDir: dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "";
  }
}

describe("key:create command", () => {
  it("creates a scoped gateway key audited as cli", async () => {
    const result = await runScript("create-key.ts", [
      "--name",
      "edge gateway",
      "--kind",
      "gateway",
      "--workflow",
      "triage",
      "--workflow",
      "refunds",
    ]);
    expect(result.stderr).toContain('created gateway key "edge gateway"');
    expect(result.code).toBe(0);
    const secret = result.stdout.trim();
    expect(secret).toMatch(/^il_gateway_/);

    await withDatabase(async (db) => {
      const keys = await db.query<{ id: string; workflows: string[]; created_by: string }>(
        `select id::text, workflows, created_by from api_keys where name = 'edge gateway'`,
      );
      expect(keys).toHaveLength(1);
      expect(keys[0]!.workflows).toEqual(["triage", "refunds"]);
      const audit = await db.query<{ actor_type: string; actor_id: string; actor_label: string; after: string }>(
        `select actor_type, actor_id, actor_label, after::text from audit_events
          where action = 'api_key.create' and entity_id = $1`,
        [keys[0]!.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_type: "cli", actor_id: "cli", actor_label: osUser() });
      expect(audit[0]!.after).not.toContain(secret);
    });
  });

  it("rejects workflows on an ingest key", async () => {
    const result = await runScript("create-key.ts", ["--name", "collector", "--workflow", "triage"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("only gateway keys can be limited to workflows");
    expect(result.stdout).toBe("");
  });
});

describe("user:create command", () => {
  const password = "long enough passphrase";

  it("creates a user from PASSWORD and prints the id", async () => {
    const result = await runScript(
      "create-user.ts",
      ["--email", "Ops@Example.test", "--name", "Ops Admin", "--role", "admin"],
      { PASSWORD: password },
    );
    expect(result.stderr).toContain("created admin user ops@example.test");
    expect(result.code).toBe(0);
    const id = result.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.stdout + result.stderr).not.toContain(password);

    await withDatabase(async (db) => {
      const check = await checkCredentials(db, {
        email: "ops@example.test",
        password,
        clientAddress: "203.0.113.7",
      });
      expect(check.ok).toBe(true);
      const audit = await db.query<{ actor_type: string; actor_label: string; after: string }>(
        `select actor_type, actor_label, after::text from audit_events
          where action = 'user.create' and entity_id = $1`,
        [id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_type: "cli", actor_label: osUser() });
      expect(audit[0]!.after).not.toMatch(/password|scrypt/i);
    });
  });

  it("rejects a short PASSWORD", async () => {
    const result = await runScript(
      "create-user.ts",
      ["--email", "short@example.test", "--name", "Short", "--role", "viewer"],
      { PASSWORD: "short" },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("at least 12 characters");
    expect(result.stderr).not.toContain("short\n");
  });

  it("asks for PASSWORD without a terminal", async () => {
    const result = await runScript("create-user.ts", [
      "--email",
      "nopass@example.test",
      "--name",
      "No Pass",
      "--role",
      "viewer",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("set PASSWORD");
  });

  it("rejects an unknown role", async () => {
    const result = await runScript(
      "create-user.ts",
      ["--email", "role@example.test", "--name", "Role", "--role", "owner"],
      { PASSWORD: password },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid role ("owner")');
  });
});

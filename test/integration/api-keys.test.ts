import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Log at every level, so the capture below contains every line the key flow can write.
vi.hoisted(() => {
  process.env.LOG_LEVEL = "trace";
});

import { getDatabase } from "@/db/client";
import { log } from "@/lib/log";

import { createApiClient } from "../support/api-client";
import { countAuditRows, readAuditRows } from "../support/audit-rows";
import { jsonSpan, newTraceId, spanIdOf, traceRequest } from "../support/otlp-builders";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let adminCookie: string;
let adminEmail: string;
const written: string[] = [];

function capture(chunk: unknown): void {
  written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
}

beforeAll(async () => {
  // pino writes through its own stream, not process.stdout.write, so both are captured.
  const stream = (log as unknown as Record<symbol, { write: (chunk: string) => boolean }>)[pino.symbols.streamSym]!;
  vi.spyOn(stream, "write").mockImplementation((chunk: string) => {
    capture(chunk);
    return true;
  });
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown, ...rest: never[]) => {
    capture(chunk);
    return stdoutWrite(chunk as string, ...rest);
  }) as typeof process.stdout.write);
  vi.spyOn(process.stderr, "write").mockImplementation(((chunk: unknown, ...rest: never[]) => {
    capture(chunk);
    return stderrWrite(chunk as string, ...rest);
  }) as typeof process.stderr.write);

  server = await serveRoutes();
  callApi = createApiClient(server.url);
  const admin = await sessionCookieFor("admin");
  adminCookie = admin.cookie;
  adminEmail = admin.email;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

function sendSpan(secret: string) {
  const traceId = newTraceId();
  return fetch(`${server.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
    body: JSON.stringify(
      traceRequest([
        jsonSpan({
          traceId,
          spanId: spanIdOf(1),
          start: "2026-03-02T10:00:00Z",
          attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.workflow.name": "key-tests" },
        }),
      ]),
    ),
  });
}

/** Finds every text, JSON and array column in the public schema that contains `needle`. */
async function findInDatabase(needle: string): Promise<string[]> {
  const db = await getDatabase();
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'jsonb', 'ARRAY', 'character varying')
      order by table_name, column_name`,
  );
  expect(columns.length).toBeGreaterThan(10);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const rows = await db.query<{ count: number }>(
      `select count(*)::int as count from "${table}" where "${column}"::text like '%' || $1 || '%'`,
      [needle],
    );
    if (rows[0]!.count > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

describe("API key lifecycle", () => {
  let secret: string;
  let keyId: string;
  let prefix: string;

  it("creates a key and shows the secret once", async () => {
    const created = await callApi("POST", "/api/v1/keys", {
      cookie: adminCookie,
      body: { name: "lifecycle collector", kind: "ingest" },
    });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^il_ingest_[A-Za-z0-9_-]{43}$/);
    expect(created.json.record.name).toBe("lifecycle collector");
    expect(created.json.record.revokedAt).toBeNull();
    expect(Object.keys(created.json.record)).not.toContain("keyHash");
    secret = created.json.key;
    keyId = created.json.record.id;
    prefix = created.json.record.prefix;
    expect(secret.startsWith(prefix)).toBe(true);
  });

  it("lists the key without its secret", async () => {
    const listed = await callApi("GET", "/api/v1/keys", { cookie: adminCookie });
    expect(listed.status).toBe(200);
    const record = listed.json.keys.find((key: { id: string }) => key.id === keyId);
    expect(record).toMatchObject({ name: "lifecycle collector", kind: "ingest", prefix, workflows: null });
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect(JSON.stringify(listed.json)).not.toMatch(/hash/i);
  });

  it("audits creation without secret or hash", async () => {
    const entries = await readAuditRows("api_key", keyId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "api_key.create", actorType: "user", actorLabel: adminEmail });
    expect(entries[0]!.before).toBeNull();
    expect(entries[0]!.after).toMatchObject({ id: keyId, name: "lifecycle collector", prefix });
    expect(JSON.stringify(entries[0])).not.toContain(secret);
    expect(JSON.stringify(entries[0]!.after)).not.toMatch(/hash|secret/i);
  });

  it("accepts spans with the key", async () => {
    const response = await sendSpan(secret);
    expect(response.status).toBe(200);
    const listed = await callApi("GET", "/api/v1/keys", { cookie: adminCookie });
    const record = listed.json.keys.find((key: { id: string }) => key.id === keyId);
    expect(record.lastUsedAt).not.toBeNull();
  });

  it("revokes the key with an audit entry", async () => {
    const revoked = await callApi("DELETE", `/api/v1/keys/${keyId}`, { cookie: adminCookie });
    expect(revoked.status).toBe(200);
    expect(revoked.json.id).toBe(keyId);
    expect(revoked.json.revokedAt).not.toBeNull();

    const entries = await readAuditRows("api_key", keyId);
    expect(entries.map((entry) => entry.action)).toEqual(["api_key.create", "api_key.revoke"]);
    expect(entries[1]!.before.revokedAt).toBeNull();
    expect(entries[1]!.after.revokedAt).toBe(revoked.json.revokedAt);
  });

  it("rejects the revoked key at once", async () => {
    const response = await sendSpan(secret);
    expect(response.status).toBe(401);
  });

  it("revokes twice without a second entry", async () => {
    const before = await countAuditRows();
    const again = await callApi("DELETE", `/api/v1/keys/${keyId}`, { cookie: adminCookie });
    expect(again.status).toBe(200);
    expect(again.json.revokedAt).not.toBeNull();
    expect(await countAuditRows()).toBe(before);
  });

  it("returns 404 for an unknown key", async () => {
    const unknown = await callApi("DELETE", "/api/v1/keys/00000000-0000-4000-8000-000000000000", {
      cookie: adminCookie,
    });
    expect(unknown.status).toBe(404);
    const malformed = await callApi("DELETE", "/api/v1/keys/not-a-uuid", { cookie: adminCookie });
    expect(malformed.status).toBe(404);
  });

  it("never stores the secret in clear", async () => {
    // The prefix is stored on purpose, so finding it shows the search reaches api_keys.
    expect(await findInDatabase(prefix)).toContain("api_keys.prefix");
    expect(await findInDatabase(secret)).toEqual([]);
    expect(await findInDatabase(secret.slice(prefix.length))).toEqual([]);
  });

  it("never logs the secret", () => {
    const output = written.join("");
    expect(output).toContain("API key created");
    expect(output).toContain("API key revoked");
    expect(output).not.toContain(secret);
    expect(output).not.toContain(secret.slice(prefix.length));
  });
});

describe("API key validation", () => {
  it("rejects workflows on an ingest key", async () => {
    const before = await countAuditRows();
    const response = await callApi("POST", "/api/v1/keys", {
      cookie: adminCookie,
      body: { name: "bad", kind: "ingest", workflows: ["a"] },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain("invalid workflows");
    expect(await countAuditRows()).toBe(before);
  });

  it("rejects an unknown kind", async () => {
    const response = await callApi("POST", "/api/v1/keys", {
      cookie: adminCookie,
      body: { name: "bad", kind: "superuser" },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain('invalid kind ("superuser")');
  });

  it("rejects a non-admin", async () => {
    const finance = await sessionCookieFor("finance");
    const response = await callApi("POST", "/api/v1/keys", {
      cookie: finance.cookie,
      body: { name: "sneaky", kind: "ingest" },
    });
    expect(response.status).toBe(403);
  });
});

describe("gateway key scope", () => {
  let financeCookie: string;

  beforeAll(async () => {
    financeCookie = (await sessionCookieFor("finance")).cookie;
    for (const workflow of ["scope-alpha", "scope-beta", "scope-gamma"]) {
      const saved = await callApi("PUT", `/api/v1/budgets/${workflow}`, {
        cookie: financeCookie,
        body: { amountUsd: "100", period: "month", timeZone: "UTC" },
      });
      expect(saved.status).toBe(201);
    }
  });

  async function createKey(body: object): Promise<string> {
    const created = await callApi("POST", "/api/v1/keys", { cookie: adminCookie, body });
    expect(created.status).toBe(201);
    return created.json.key;
  }

  function budgetNames(json: { budgets: Array<{ workflow: string }> }): string[] {
    return json.budgets.map((budget) => budget.workflow).filter((name) => name.startsWith("scope-"));
  }

  it("limits a scoped key to its workflows", async () => {
    const key = await createKey({ name: "edge", kind: "gateway", workflows: ["scope-alpha", "scope-gamma"] });
    const listed = await callApi("GET", "/api/v1/budgets", { bearer: key });
    expect(listed.status).toBe(200);
    expect(budgetNames(listed.json)).toEqual(["scope-alpha", "scope-gamma"]);
    expect(listed.json.unbudgetedWorkflows).toEqual([]);
  });

  it("shows every budget to an unscoped key", async () => {
    const key = await createKey({ name: "edge-all", kind: "gateway" });
    const listed = await callApi("GET", "/api/v1/budgets", { bearer: key });
    expect(listed.status).toBe(200);
    expect(budgetNames(listed.json)).toEqual(["scope-alpha", "scope-beta", "scope-gamma"]);
  });

  it("keeps gateway keys off other routes", async () => {
    const key = await createKey({ name: "edge-probe", kind: "gateway" });
    expect((await sendSpan(key)).status).toBe(403);
    expect((await callApi("GET", "/api/v1/keys", { bearer: key })).status).toBe(403);
    const write = await callApi("PUT", "/api/v1/budgets/scope-alpha", {
      bearer: key,
      body: { amountUsd: "1", period: "day", timeZone: "UTC" },
    });
    expect(write.status).toBe(403);
  });

  it("keeps ingest keys off budgets", async () => {
    const key = await createKey({ name: "collector", kind: "ingest" });
    expect((await callApi("GET", "/api/v1/budgets", { bearer: key })).status).toBe(403);
  });
});

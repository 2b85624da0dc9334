import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";

import { createApiClient } from "../support/api-client";
import { countAuditRows } from "../support/audit-rows";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let adminCookie: string;

const cli = { type: "cli", osUser: "ops-runner" } as const;

beforeAll(async () => {
  server = await serveRoutes();
  callApi = createApiClient(server.url);
  adminCookie = (await sessionCookieFor("admin")).cookie;
  const db = await getDatabase();
  for (let index = 1; index <= 5; index += 1) {
    await recordAudit(db, cli, {
      action: index % 2 === 0 ? "budget.update" : "budget.create",
      entityType: "budget",
      entityId: `audit-flow-${index}`,
      before: null,
      after: { amountUsd: String(index) },
    });
  }
});

afterAll(async () => {
  await server.close();
});

describe("audit_events table", () => {
  it("rejects UPDATE", async () => {
    const db = await getDatabase();
    await expect(db.query(`update audit_events set action = 'tampered'`)).rejects.toThrow(/append-only/);
    const rows = await db.query<{ count: number }>(
      `select count(*)::int as count from audit_events where action = 'tampered'`,
    );
    expect(rows[0]!.count).toBe(0);
  });

  it("rejects DELETE", async () => {
    const db = await getDatabase();
    const before = await countAuditRows();
    await expect(db.query(`delete from audit_events`)).rejects.toThrow(/append-only/);
    expect(await countAuditRows()).toBe(before);
  });

  it("rejects TRUNCATE", async () => {
    const db = await getDatabase();
    const before = await countAuditRows();
    await expect(db.query(`truncate audit_events`)).rejects.toThrow(/append-only/);
    expect(await countAuditRows()).toBe(before);
  });
});

describe("GET /api/v1/audit", () => {
  it("lists newest first with actors", async () => {
    const page = await callApi("GET", "/api/v1/audit?entityType=budget", { cookie: adminCookie });
    expect(page.status).toBe(200);
    const ids = page.json.entries.map((entry: { entityId: string }) => entry.entityId);
    expect(ids.slice(0, 5)).toEqual(["audit-flow-5", "audit-flow-4", "audit-flow-3", "audit-flow-2", "audit-flow-1"]);
    expect(page.json.entries[0]).toMatchObject({ actorType: "cli", actorId: "cli", actorLabel: "ops-runner" });
    expect(page.json.entries[0].after).toEqual({ amountUsd: "5" });
    expect(page.json.nextBeforeId).toBeNull();
  });

  it("filters by action, entity and actor", async () => {
    const byAction = await callApi("GET", "/api/v1/audit?action=budget.update", { cookie: adminCookie });
    expect(byAction.json.entries.map((entry: { entityId: string }) => entry.entityId)).toEqual([
      "audit-flow-4",
      "audit-flow-2",
    ]);
    const byEntity = await callApi("GET", "/api/v1/audit?entityType=budget&entityId=audit-flow-3", {
      cookie: adminCookie,
    });
    expect(byEntity.json.entries).toHaveLength(1);
    const byActor = await callApi("GET", "/api/v1/audit?actor=ops-run", { cookie: adminCookie });
    expect(byActor.json.entries).toHaveLength(5);
  });

  it("pages back with beforeId", async () => {
    const first = await callApi("GET", "/api/v1/audit?entityType=budget&limit=2", { cookie: adminCookie });
    expect(first.json.entries).toHaveLength(2);
    expect(first.json.nextBeforeId).toBe(first.json.entries[1].id);

    const second = await callApi(
      "GET",
      `/api/v1/audit?entityType=budget&limit=2&beforeId=${first.json.nextBeforeId}`,
      { cookie: adminCookie },
    );
    expect(second.json.entries.map((entry: { entityId: string }) => entry.entityId)).toEqual([
      "audit-flow-3",
      "audit-flow-2",
    ]);
    const third = await callApi(
      "GET",
      `/api/v1/audit?entityType=budget&limit=2&beforeId=${second.json.nextBeforeId}`,
      { cookie: adminCookie },
    );
    expect(third.json.entries.map((entry: { entityId: string }) => entry.entityId)).toEqual(["audit-flow-1"]);
    expect(third.json.nextBeforeId).toBeNull();
  });

  it("filters by time range", async () => {
    const future = await callApi("GET", "/api/v1/audit?from=2999-01-01T00:00:00Z", { cookie: adminCookie });
    expect(future.json.entries).toEqual([]);
    const past = await callApi("GET", "/api/v1/audit?entityType=budget&to=2999-01-01T00:00:00%2B02:00", {
      cookie: adminCookie,
    });
    expect(past.json.entries).toHaveLength(5);
  });

  it.each([
    ["limit=501", "invalid limit"],
    ["limit=0", "invalid limit"],
    ["limit=ten", "invalid limit"],
    ["from=yesterday", 'invalid from ("yesterday")'],
    ["beforeId=-3", 'invalid beforeId ("-3")'],
    ["from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "must be after from"],
  ])("rejects %s", async (query, message) => {
    const response = await callApi("GET", `/api/v1/audit?${query}`, { cookie: adminCookie });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain(message);
  });

  it("keeps non-admins out", async () => {
    const finance = await sessionCookieFor("finance");
    expect((await callApi("GET", "/api/v1/audit", { cookie: finance.cookie })).status).toBe(403);
  });
});

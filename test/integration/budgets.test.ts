import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";

import { createApiClient } from "../support/api-client";
import { countAuditRows, readAuditRows } from "../support/audit-rows";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let financeCookie: string;
let financeEmail: string;

beforeAll(async () => {
  server = await serveRoutes();
  callApi = createApiClient(server.url);
  const finance = await sessionCookieFor("finance");
  financeCookie = finance.cookie;
  financeEmail = finance.email;
});

afterAll(async () => {
  await server.close();
});

function putBudget(workflow: string, body: unknown, cookie = financeCookie) {
  return callApi("PUT", `/api/v1/budgets/${encodeURIComponent(workflow)}`, { cookie, body });
}

async function readBudget(workflow: string) {
  const listed = await callApi("GET", "/api/v1/budgets", { cookie: financeCookie });
  expect(listed.status).toBe(200);
  return listed.json.budgets.find((budget: { workflow: string }) => budget.workflow === workflow) ?? null;
}

describe("budget changes", () => {
  const workflow = "support-triage";

  it("creates a budget with one audit entry", async () => {
    const created = await putBudget(workflow, { amountUsd: "1500.50", period: "month", timeZone: "Europe/Berlin" });
    expect(created.status).toBe(201);
    expect(created.json.budget).toMatchObject({
      workflow,
      amountUsd: "1500.5",
      period: "month",
      timeZone: "Europe/Berlin",
    });

    const entries = await readAuditRows("policy", workflow);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "policy.draft_update", actorType: "user", actorLabel: financeEmail });
    expect(entries[0]!.before).toBeNull();
    expect(entries[0]!.after.budget).toEqual({
      amountUsd: "1500.5",
      tokens: null,
      period: "month",
      timeZone: "Europe/Berlin",
      alertThresholdsPercent: [50, 80, 100],
      enforcement: "soft",
    });
  });

  it("updates a budget with one entry holding before and after", async () => {
    const updated = await putBudget(workflow, { amountUsd: "2000", period: "quarter", timeZone: "UTC" });
    expect(updated.status).toBe(200);

    const entries = await readAuditRows("policy", workflow);
    expect(entries).toHaveLength(2);
    expect(entries[1]!.action).toBe("policy.draft_update");
    expect(entries[1]!.before.budget).toMatchObject({
      amountUsd: "1500.5",
      period: "month",
      timeZone: "Europe/Berlin",
    });
    expect(entries[1]!.after.budget).toMatchObject({ amountUsd: "2000", period: "quarter", timeZone: "UTC" });
  });

  it("writes nothing when values are unchanged", async () => {
    const before = await countAuditRows();
    const same = await putBudget(workflow, { amountUsd: "2000.000", period: "quarter", timeZone: "utc" });
    expect(same.status).toBe(200);
    expect(await countAuditRows()).toBe(before);
  });

  it.each([
    [{ amountUsd: "-5", period: "month", timeZone: "UTC" }, 'invalid amountUsd ("-5")'],
    [{ amountUsd: "0", period: "month", timeZone: "UTC" }, 'invalid amountUsd ("0"): must be greater than 0'],
    [{ amountUsd: 12.5, period: "month", timeZone: "UTC" }, "invalid amountUsd (12.5)"],
    [{ amountUsd: "1.0000000000001", period: "month", timeZone: "UTC" }, "invalid amountUsd"],
    [{ amountUsd: "10", period: "year", timeZone: "UTC" }, 'invalid period ("year")'],
    [{ amountUsd: "10", period: "month", timeZone: "Mars/Base" }, 'invalid timeZone ("Mars/Base")'],
    [{ amountUsd: "10", period: "month" }, "invalid timeZone (missing)"],
  ])("rejects %j without an audit entry", async (body, message) => {
    const before = await countAuditRows();
    const rejected = await putBudget(workflow, body);
    expect(rejected.status).toBe(400);
    expect(rejected.json.error.message).toContain(message);
    expect(await countAuditRows()).toBe(before);
    expect((await readBudget(workflow)).amountUsd).toBe("2000");
  });

  it("rolls back a change that fails in the database", async () => {
    const db = await getDatabase();
    // Fails the transaction after the budget row and its audit entry are both written.
    await db.query(`create function fail_fragile_update() returns trigger language plpgsql as $$
      begin
        raise exception 'forced failure for budget %', new.entity_id;
      end $$`);
    await db.query(`create trigger fail_fragile_update after insert on audit_events for each row
      when (new.entity_id = 'fragile' and new.before is not null)
      execute function fail_fragile_update()`);

    const created = await putBudget("fragile", { amountUsd: "10", period: "day", timeZone: "UTC" });
    expect(created.status).toBe(201);
    const before = await countAuditRows();

    const failed = await putBudget("fragile", { amountUsd: "99", period: "week", timeZone: "UTC" });
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.json)).not.toContain("forced failure");
    expect(await countAuditRows()).toBe(before);
    expect(await readBudget("fragile")).toMatchObject({ amountUsd: "10", period: "day" });
    expect((await readAuditRows("policy", "fragile")).map((entry) => entry.action)).toEqual([
      "policy.draft_update",
    ]);
  });

  it("keeps amounts exact", async () => {
    for (const amountUsd of ["0.000000000001", "999999999999999999.999999999999", "0.1"]) {
      const saved = await putBudget("exact", { amountUsd, period: "month", timeZone: "UTC" });
      expect(saved.json.budget.amountUsd).toBe(amountUsd);
      expect((await readBudget("exact")).amountUsd).toBe(amountUsd);
    }
  });

  it("accepts workflow names with slashes and spaces", async () => {
    const name = "billing/refunds v2";
    const saved = await putBudget(name, { amountUsd: "5", period: "week", timeZone: "UTC" });
    expect(saved.status).toBe(201);
    expect(saved.json.budget.workflow).toBe(name);
    expect((await readBudget(name)).amountUsd).toBe("5");
  });

  it("deletes a budget with an audit entry", async () => {
    const deleted = await callApi("DELETE", `/api/v1/budgets/${workflow}`, { cookie: financeCookie });
    expect(deleted.status).toBe(200);
    expect(deleted.json.budget.amountUsd).toBe("2000");
    expect(await readBudget(workflow)).toBeNull();

    const entries = await readAuditRows("policy", workflow);
    expect(entries.at(-1)!.action).toBe("policy.draft_update");
    expect(entries.at(-1)!.before.budget).toMatchObject({ amountUsd: "2000", period: "quarter" });
    expect(entries.at(-1)!.after).toBeNull();

    const before = await countAuditRows();
    const again = await callApi("DELETE", `/api/v1/budgets/${workflow}`, { cookie: financeCookie });
    expect(again.status).toBe(404);
    expect(await countAuditRows()).toBe(before);
  });
});

describe("budget access", () => {
  it("lets analysts read but not write", async () => {
    const analyst = await sessionCookieFor("analyst");
    expect((await callApi("GET", "/api/v1/budgets", { cookie: analyst.cookie })).status).toBe(200);
    const before = await countAuditRows();
    const write = await putBudget("analyst-try", { amountUsd: "1", period: "day", timeZone: "UTC" }, analyst.cookie);
    expect(write.status).toBe(403);
    expect(await countAuditRows()).toBe(before);
  });

  it("keeps viewers out", async () => {
    const viewer = await sessionCookieFor("viewer");
    expect((await callApi("GET", "/api/v1/budgets", { cookie: viewer.cookie })).status).toBe(403);
  });

  it("lists workflows without a budget", async () => {
    const db = await getDatabase();
    await db.query(
      `insert into workflow_daily (workflow, day, runs, llm_calls, tool_calls, input_tokens, output_tokens,
         cost_usd, unpriced_calls, completed_outcomes, failed_outcomes, abandoned_outcomes,
         escalated_outcomes, decisions)
       values ('unbudgeted-flow', '2026-03-01', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
    );
    const listed = await callApi("GET", "/api/v1/budgets", { cookie: financeCookie });
    expect(listed.json.unbudgetedWorkflows).toContain("unbudgeted-flow");
    expect(listed.json.unbudgetedWorkflows).not.toContain("exact");
  });
});

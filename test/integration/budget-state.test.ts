import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/keys/api-keys";
import { getBudgetStates } from "@/lib/policy/budget-state";
import type { Budget } from "@/lib/policy/policy-schema";
import { publishDraft, saveDraftWorkflow } from "@/lib/policy/policy-store";

import { createApiClient } from "../support/api-client";
import { readAuditRows } from "../support/audit-rows";
import { buildWorkflowPolicy } from "../support/policy-fixtures";
import { pickZoneAwayFromMidnight, postSpans, streamedSonnetRun } from "../support/policy-spans";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let ingestKey: string;
let financeCookie: string;
let finance: Principal;
const zone = pickZoneAwayFromMidnight();

beforeAll(async () => {
  server = await serveRoutes();
  ingestKey = (await createApiKey(await getDatabase(), { name: "state", kind: "ingest" })).secret;
  const session = await sessionCookieFor("finance");
  financeCookie = session.cookie;
  finance = { type: "user", userId: session.userId, email: session.email, name: "Finance", role: "finance" };
});

afterAll(async () => {
  await server.close();
});

function dailyBudget(overrides: Partial<Budget>): Budget {
  return {
    amountUsd: null,
    tokens: null,
    period: "day",
    timeZone: zone,
    alertThresholdsPercent: [],
    enforcement: "hard",
    ...overrides,
  };
}

async function sendCall(workflow: string): Promise<void> {
  expect(await postSpans(server.url, ingestKey, streamedSonnetRun(workflow, new Date(Date.now() - 60_000)))).toBe(200);
}

async function stateOf(workflow: string, options: { fresh?: boolean } = { fresh: true }) {
  const states = await getBudgetStates(await getDatabase(), new Date(), options);
  return states.find((state) => state.workflow === workflow);
}

describe("budget state actions", () => {
  it("downgrades past the routing threshold", async () => {
    const policy = buildWorkflowPolicy({ budget: dailyBudget({ amountUsd: "0.10" }) });
    const routing = { ...policy.routing!, downgradeAtPercent: 50, atLimit: "allow" as const };
    await saveDraftWorkflow(finance, "routed", { ...policy, routing });
    const tokensOnly = buildWorkflowPolicy({ budget: dailyBudget({ tokens: 24_000 }), routing: null });
    await saveDraftWorkflow(finance, "tokens-only", tokensOnly);
    const soft = dailyBudget({ amountUsd: "0.06", enforcement: "soft" });
    await saveDraftWorkflow(finance, "soft", buildWorkflowPolicy({ budget: soft, routing: null }));
    await publishDraft(finance, null);

    expect((await stateOf("routed"))?.action).toBe("allow");
    await sendCall("routed");
    const downgraded = await stateOf("routed");
    expect(downgraded?.action).toBe("downgrade");
    expect(downgraded?.percentUsed).toBe(60);
    // At the limit, atLimit "allow" keeps requests on the cheapest tier.
    await sendCall("routed");
    const atLimit = await stateOf("routed");
    expect(atLimit?.percentUsed).toBe(120);
    expect(atLimit?.action).toBe("downgrade");
  });

  it("blocks a token budget at exactly 100 %", async () => {
    await sendCall("tokens-only");
    const half = await stateOf("tokens-only");
    expect(half).toMatchObject({ action: "allow", percentUsed: 50, spentTokens: 12_000, remainingTokens: 12_000 });
    expect(half?.limitUsd).toBeNull();
    expect(half?.remainingUsd).toBeNull();
    await sendCall("tokens-only");
    expect(await stateOf("tokens-only")).toMatchObject({ action: "block", percentUsed: 100, remainingTokens: 0 });
  });

  it("allows a soft budget over its limit", async () => {
    await sendCall("soft");
    expect(await stateOf("soft")).toMatchObject({ action: "allow", percentUsed: 100, enforcement: "soft" });
  });

  it("reuses states until asked for fresh ones", async () => {
    const cached = await stateOf("soft", {});
    await sendCall("soft");
    expect((await stateOf("soft", {}))?.spentUsd).toBe(cached?.spentUsd);
    expect((await stateOf("soft"))?.spentUsd).toBe("0.12");
  });

  it("reports the period in the budget's zone", async () => {
    const state = await stateOf("soft");
    expect(state?.period.timeZone).toBe(zone);
    expect(state?.period.kind).toBe("day");
    const hours = (Date.parse(state!.period.end) - Date.parse(state!.period.start)) / 3_600_000;
    expect([23, 24, 25]).toContain(hours);
  });
});

describe("alerts after ingest", () => {
  it("never fail the ingest", async () => {
    const db = await getDatabase();
    await db.query(`create function fail_broken_alert() returns trigger language plpgsql as $$
      begin
        raise exception 'forced alert failure for %', new.workflow;
      end $$`);
    await db.query(`create trigger fail_broken_alert before insert on budget_alerts for each row
      when (new.workflow = 'broken-alerts') execute function fail_broken_alert()`);
    const budget = dailyBudget({ amountUsd: "0.01", alertThresholdsPercent: [50] });
    await saveDraftWorkflow(finance, "broken-alerts", buildWorkflowPolicy({ budget, routing: null }));
    await publishDraft(finance, null);

    await sendCall("broken-alerts");
    expect((await stateOf("broken-alerts"))?.spentUsd).toBe("0.06");
    const alerts = await db.query(`select 1 from budget_alerts where workflow = 'broken-alerts'`);
    expect(alerts).toHaveLength(0);
  });
});

describe("webhook deletion", () => {
  it("deletes with an audit entry and 404s after", async () => {
    const callApi = createApiClient(server.url);
    const created = await callApi("POST", "/api/v1/webhooks", {
      cookie: financeCookie,
      body: { url: "http://127.0.0.1:9/unused" },
    });
    const id = created.json.webhook.id;
    const deleted = await callApi("DELETE", `/api/v1/webhooks/${id}`, { cookie: financeCookie });
    expect(deleted.status).toBe(200);
    expect(deleted.json.webhook.url).toBe("http://127.0.0.1:9/unused");
    const listed = await callApi("GET", "/api/v1/webhooks", { cookie: financeCookie });
    expect(listed.json.webhooks).toEqual([]);
    expect((await readAuditRows("webhook", id)).map((entry) => entry.action)).toEqual([
      "webhook.create",
      "webhook.delete",
    ]);
    const again = await callApi("DELETE", `/api/v1/webhooks/${id}`, { cookie: financeCookie });
    expect(again.status).toBe(404);
  });
});

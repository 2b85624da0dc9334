import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/keys/api-keys";
import { evaluateBudgetAlerts } from "@/lib/policy/budget-alerts";
import { getBudgetStates } from "@/lib/policy/budget-state";
import { publishDraft, saveDraftWorkflow } from "@/lib/policy/policy-store";
import { startWebhookDispatcher, type WebhookDispatcher } from "@/lib/policy/webhook-dispatcher";

import { createApiClient } from "../support/api-client";
import { readAuditRows } from "../support/audit-rows";
import { buildWorkflowPolicy } from "../support/policy-fixtures";
import { pickZoneAwayFromMidnight, postSpans, streamedSonnetRun } from "../support/policy-spans";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

interface ReceivedCall {
  status: number;
  headers: IncomingMessage["headers"];
  rawBody: string;
}

const WORKFLOW = "f14-claims";

let server: { url: string; close: () => Promise<void> };
let receiver: Server;
let receiverUrl: string;
let ingestKey: string;
let financeCookie: string;
let finance: Principal;
let dispatcher: WebhookDispatcher;
const received: ReceivedCall[] = [];

beforeAll(async () => {
  server = await serveRoutes();
  const db = await getDatabase();
  ingestKey = (await createApiKey(db, { name: "f14 ingest", kind: "ingest" })).secret;
  const session = await sessionCookieFor("finance");
  financeCookie = session.cookie;
  finance = { type: "user", userId: session.userId, email: session.email, name: "Finance", role: "finance" };

  // Returns 500 for the first call, to force a retry, and 204 after.
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = received.length === 0 ? 500 : 204;
      received.push({ status, headers: request.headers, rawBody: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/ledger`;
  dispatcher = startWebhookDispatcher({ db, pollMs: 50, baseDelayMs: 200 });
});

afterAll(async () => {
  await dispatcher.stop();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await server.close();
});

function isValidSignature(secret: string, body: string, header: string | string[] | undefined): boolean {
  if (typeof header !== "string" || !header.startsWith("sha256=")) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(body).digest("hex"));
  const actual = Buffer.from(header.slice("sha256=".length));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("budget alerts end to end", () => {
  let secret: string;
  const zone = pickZoneAwayFromMidnight();

  it("creates a webhook with a one-time secret", async () => {
    const callApi = createApiClient(server.url);
    const created = await callApi("POST", "/api/v1/webhooks", {
      cookie: financeCookie,
      body: { url: receiverUrl },
    });
    expect(created.status).toBe(201);
    secret = created.json.secret;
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);

    const listed = await callApi("GET", "/api/v1/webhooks", { cookie: financeCookie });
    expect(listed.json.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    const entries = await readAuditRows("webhook", created.json.webhook.id);
    expect(entries.map((entry) => entry.action)).toEqual(["webhook.create"]);
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it("rejects a webhook URL that is not http", async () => {
    const callApi = createApiClient(server.url);
    const rejected = await callApi("POST", "/api/v1/webhooks", {
      cookie: financeCookie,
      body: { url: "ftp://127.0.0.1/x" },
    });
    expect(rejected.status).toBe(400);
    expect(rejected.json.error.message).toContain("url");
  });

  it("blocks from call 17 of 20 streamed calls", async () => {
    const policy = buildWorkflowPolicy({
      budget: {
        amountUsd: "1.00",
        tokens: null,
        period: "day",
        timeZone: zone,
        alertThresholdsPercent: [50, 80, 100],
        enforcement: "hard",
      },
      routing: null,
    });
    await saveDraftWorkflow(finance, WORKFLOW, policy);
    await publishDraft(finance, "daily $1.00 budget");
    const db = await getDatabase();

    const start = Date.now() - 10 * 60_000;
    for (let call = 1; call <= 20; call += 1) {
      const status = await postSpans(server.url, ingestKey, streamedSonnetRun(WORKFLOW, new Date(start + call * 1000)));
      expect(status).toBe(200);
      const [state] = await getBudgetStates(db, new Date(), { fresh: true });
      expect(state?.workflow).toBe(WORKFLOW);
      const spentCents = 6 * call;
      expect(state?.spentUsd, `call ${call}`).toBe(String(spentCents / 100));
      expect(state?.spentTokens, `call ${call}`).toBe(12_000 * call);
      if (call >= 17) {
        expect(state?.action, `call ${call}`).toBe("block");
        expect(state?.percentUsed, `call ${call}`).toBeGreaterThanOrEqual(100);
      } else {
        expect(state?.action, `call ${call}`).toBe("allow");
        expect(state?.percentUsed, `call ${call}`).toBeLessThan(100);
      }
      // The ingest itself records the alerts; re-evaluating must not add any.
      const fired = await db.query<{ count: string }>(
        `select count(*)::text as count from budget_alerts where workflow = $1`,
        [WORKFLOW],
      );
      // $0.06 a call reaches 50 % at call 9, 80 % at call 14 and 100 % at call 17.
      const expectedAlerts = [9, 14, 17].filter((first) => call >= first).length;
      expect(fired[0]?.count, `call ${call}`).toBe(String(expectedAlerts));
      expect(await evaluateBudgetAlerts(db)).toEqual([]);
    }
    const [final] = await getBudgetStates(db, new Date(), { fresh: true });
    expect(final?.spentUsd).toBe("1.2");
    expect(final?.remainingUsd).toBe("-0.2");
    expect(final?.thresholdsCrossed).toEqual([50, 80, 100]);
  });

  it("delivers one signed call per threshold", async () => {
    await waitFor(() => received.filter((call) => call.status === 204).length >= 3, 15_000);
    // More spend and more evaluations after every threshold fired add nothing.
    for (let extra = 0; extra < 3; extra += 1) {
      const status = await postSpans(server.url, ingestKey, streamedSonnetRun(WORKFLOW, new Date(Date.now() - 60_000)));
      expect(status).toBe(200);
      expect(await evaluateBudgetAlerts(await getDatabase())).toEqual([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 600));

    const delivered = received.filter((call) => call.status === 204);
    expect(delivered).toHaveLength(3);
    const bodies = delivered.map((call) => JSON.parse(call.rawBody));
    expect(bodies.map((body) => body.threshold).sort((a, b) => a - b)).toEqual([50, 80, 100]);
    for (const [index, call] of delivered.entries()) {
      expect(call.headers["content-type"]).toBe("application/json");
      expect(isValidSignature(secret, call.rawBody, call.headers["x-ledger-signature"])).toBe(true);
      expect(call.headers["x-ledger-delivery"]).toBe(bodies[index].deliveryId);
      expect(bodies[index]).toMatchObject({
        event: "budget.threshold_crossed",
        workflow: WORKFLOW,
        limitUsd: "1",
        period: { kind: "day", timeZone: zone },
      });
    }
    const hundred = bodies.find((body) => body.threshold === 100);
    expect(hundred.spentUsd).toBe("1.02");
    expect(hundred.percentUsed).toBe(102);
  });

  it("retries a delivery after a 500", async () => {
    expect(received[0]!.status).toBe(500);
    const failedId = received[0]!.headers["x-ledger-delivery"];
    const retried = received.slice(1).filter((call) => call.headers["x-ledger-delivery"] === failedId);
    expect(retried).toHaveLength(1);
    expect(retried[0]!.rawBody).toBe(received[0]!.rawBody);
    expect(isValidSignature(secret, retried[0]!.rawBody, retried[0]!.headers["x-ledger-signature"])).toBe(true);
  });

  it("stores one alert row per threshold", async () => {
    const db = await getDatabase();
    const rows = await db.query<{ threshold: string; deliveries: string }>(
      `select a.threshold::text as threshold,
              (select count(*) from webhook_deliveries d
                where d.alert_key = a.workflow || '|' ||
                  to_char(a.period_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '|' ||
                  a.threshold::text)::text as deliveries
         from budget_alerts a where a.workflow = $1 order by a.threshold`,
      [WORKFLOW],
    );
    expect(rows).toEqual([
      { threshold: "50", deliveries: "1" },
      { threshold: "80", deliveries: "1" },
      { threshold: "100", deliveries: "1" },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { createApiKey } from "@/lib/keys/api-keys";

import { jsonSpan, newTraceId, spanIdOf, traceRequest } from "../support/otlp-builders";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let key: string;
let analystCookie: string;

beforeAll(async () => {
  server = await serveRoutes();
  key = (await createApiKey(await getDatabase(), { name: "outcome tests", kind: "ingest" })).secret;
  analystCookie = (await sessionCookieFor("analyst")).cookie;
});

afterAll(async () => {
  await server.close();
});

async function sendOutcomes(outcomes: unknown[]) {
  return fetch(`${server.url}/api/v1/outcomes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ outcomes }),
  });
}

async function sendRun(traceId: string, workflow: string, day: string, attributes: Record<string, string | number> = {}) {
  const response = await fetch(`${server.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(
      traceRequest([
        jsonSpan({
          traceId,
          spanId: spanIdOf(1),
          start: `${day}T10:00:00Z`,
          attributes: { "gen_ai.workflow.name": workflow, ...attributes },
        }),
      ]),
    ),
  });
  expect(response.status).toBe(200);
}

async function kpisOf(workflow: string, day: string, to: string) {
  const response = await fetch(`${server.url}/api/v1/kpis?from=${day}&to=${to}`, {
    headers: { cookie: analystCookie },
  });
  const report = (await response.json()) as { workflows: Array<Record<string, unknown>> };
  return report.workflows.find((entry) => entry.workflow === workflow);
}

describe("outcomes API", () => {
  it("completes a run after the fact, once", async () => {
    const traceId = newTraceId();
    await sendRun(traceId, "late-outcome", "2026-07-01");
    expect((await kpisOf("late-outcome", "2026-07-01", "2026-07-02"))?.completedOutcomes).toBe(0);

    const event = { traceId: traceId.toUpperCase(), outcome: "completed", decisions: 4, occurredAt: "2026-07-01T18:00:00Z", eventId: "crm-1" };
    const first = await sendOutcomes([event]);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: 1, duplicates: 0, runsUpdated: 1, pendingRuns: 0 });
    const repeat = await sendOutcomes([event]);
    expect(await repeat.json()).toEqual({ stored: 0, duplicates: 1, runsUpdated: 0, pendingRuns: 0 });

    const kpis = await kpisOf("late-outcome", "2026-07-01", "2026-07-02");
    expect(kpis?.completedOutcomes).toBe(1);
    expect(kpis?.decisions).toBe(4);
  });

  it("lets the latest outcome win", async () => {
    const traceId = newTraceId();
    await sendRun(traceId, "latest-wins", "2026-07-02", { "finops.outcome": "completed" });
    // An event older than the span's own outcome does not replace it.
    await sendOutcomes([{ traceId, outcome: "failed", occurredAt: "2026-07-01T00:00:00Z" }]);
    let kpis = await kpisOf("latest-wins", "2026-07-02", "2026-07-03");
    expect(kpis?.completedOutcomes).toBe(1);
    expect(kpis?.decisions).toBe(1);

    await sendOutcomes([{ traceId, outcome: "escalated", occurredAt: "2026-07-03T00:00:00Z" }]);
    kpis = await kpisOf("latest-wins", "2026-07-02", "2026-07-03");
    expect(kpis?.completedOutcomes).toBe(0);
    expect(kpis?.decisions).toBe(0);
  });

  it("applies an outcome that arrives before the spans", async () => {
    const traceId = newTraceId();
    const response = await sendOutcomes([{ traceId, outcome: "completed", decisions: 2, occurredAt: "2026-07-04T12:00:00Z" }]);
    expect(await response.json()).toEqual({ stored: 1, duplicates: 0, runsUpdated: 0, pendingRuns: 1 });
    await sendRun(traceId, "outcome-first", "2026-07-04");
    const kpis = await kpisOf("outcome-first", "2026-07-04", "2026-07-05");
    expect(kpis?.completedOutcomes).toBe(1);
    expect(kpis?.decisions).toBe(2);
  });

  it("rejects an invalid outcome naming the field", async () => {
    const response = await sendOutcomes([{ traceId: newTraceId(), outcome: "success", occurredAt: "2026-07-04T12:00:00Z" }]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("outcomes.0.outcome");
    expect(body.error.message).toContain('"success"');
  });
});

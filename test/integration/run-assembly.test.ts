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
  analystCookie = (await sessionCookieFor("analyst")).cookie;
  key = (await createApiKey(await getDatabase(), { name: "run tests", kind: "ingest" })).secret;
});

afterAll(async () => {
  await server.close();
});

async function send(spans: ReturnType<typeof jsonSpan>[], serviceName = "agent-service") {
  const response = await fetch(`${server.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(traceRequest(spans, { serviceName })),
  });
  expect(response.status).toBe(200);
}

async function kpisFor(day: string, to: string) {
  const response = await fetch(`${server.url}/api/v1/kpis?from=${day}&to=${to}`, { headers: { cookie: analystCookie } });
  const report = (await response.json()) as { workflows: Array<Record<string, unknown>> };
  return new Map(report.workflows.map((entry) => [entry.workflow as string, entry]));
}

const llm = (model: string, input: number, output: number) => ({
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": model,
  "gen_ai.usage.input_tokens": input,
  "gen_ai.usage.output_tokens": output,
});

describe("run assembly", () => {
  it("moves a run when its workflow arrives on a later span", async () => {
    const traceId = newTraceId();
    // The child arrives first; its run falls back to the resource's service name.
    await send([
      jsonSpan({
        traceId,
        spanId: spanIdOf(2),
        parentSpanId: spanIdOf(1),
        start: "2026-09-01T10:00:01Z",
        attributes: llm("gpt-4o-mini", 1000, 100),
      }),
    ]);
    let kpis = await kpisFor("2026-09-01", "2026-09-02");
    expect(kpis.get("agent-service")?.runs).toBe(1);

    // The root arrives later with the workflow name and the outcome.
    await send([
      jsonSpan({
        traceId,
        spanId: spanIdOf(1),
        start: "2026-09-01T10:00:00Z",
        durationMs: 5000,
        attributes: {
          "gen_ai.operation.name": "invoke_agent",
          "gen_ai.workflow.name": "supplier-reorder",
          "finops.outcome": "completed",
          "finops.decisions": 3,
        },
      }),
    ]);
    kpis = await kpisFor("2026-09-01", "2026-09-02");
    expect(kpis.get("agent-service")).toBeUndefined();
    const workflow = kpis.get("supplier-reorder");
    expect(workflow?.runs).toBe(1);
    expect(workflow?.llmCalls).toBe(1);
    expect(workflow?.tokens).toBe(1100);
    expect(workflow?.costUsd).toBe("0.00021");
    expect(workflow?.completedOutcomes).toBe(1);
    expect(workflow?.decisions).toBe(3);
  });

  it("moves a run to the day of an earlier span", async () => {
    const traceId = newTraceId();
    await send([
      jsonSpan({
        traceId,
        spanId: spanIdOf(2),
        parentSpanId: spanIdOf(1),
        start: "2026-09-03T00:00:10Z",
        attributes: { ...llm("gpt-4o-mini", 2000, 0), "gen_ai.workflow.name": "late-night" },
      }),
    ]);
    await send([
      jsonSpan({
        traceId,
        spanId: spanIdOf(1),
        start: "2026-09-02T23:59:50Z",
        durationMs: 30_000,
        attributes: { "gen_ai.workflow.name": "late-night", "finops.outcome": "failed" },
      }),
    ]);
    const before = await kpisFor("2026-09-02", "2026-09-03");
    const after = await kpisFor("2026-09-03", "2026-09-04");
    expect(before.get("late-night")?.runs).toBe(1);
    expect(before.get("late-night")?.tokens).toBe(2000);
    expect(before.get("late-night")?.decisions).toBe(0);
    expect(after.get("late-night")).toBeUndefined();
  });

  it("counts nested LLM spans for one request once", async () => {
    const traceId = newTraceId();
    await send([
      jsonSpan({
        traceId,
        spanId: spanIdOf(1),
        start: "2026-09-05T10:00:00Z",
        attributes: { "gen_ai.workflow.name": "nested", "finops.outcome": "completed" },
      }),
      // An instrumentation's span and the SDK's own span for the same request.
      jsonSpan({
        traceId,
        spanId: spanIdOf(2),
        parentSpanId: spanIdOf(1),
        start: "2026-09-05T10:00:01Z",
        attributes: llm("gpt-4o-mini", 1000, 100),
      }),
      jsonSpan({
        traceId,
        spanId: spanIdOf(3),
        parentSpanId: spanIdOf(2),
        start: "2026-09-05T10:00:01Z",
        attributes: llm("gpt-4o-mini", 1000, 100),
      }),
    ]);
    const kpis = await kpisFor("2026-09-05", "2026-09-06");
    expect(kpis.get("nested")?.llmCalls).toBe(1);
    expect(kpis.get("nested")?.tokens).toBe(1100);
    expect(kpis.get("nested")?.costUsd).toBe("0.00021");
  });

  it("keeps unknown models unpriced, not free", async () => {
    const traceId = newTraceId();
    await send([
      jsonSpan({
        traceId,
        spanId: spanIdOf(1),
        start: "2026-09-06T10:00:00Z",
        attributes: {
          ...llm("acme-unknown-model-0315", 1000, 100),
          "gen_ai.provider.name": "acme",
          "gen_ai.workflow.name": "unpriced",
        },
      }),
    ]);
    const kpis = await kpisFor("2026-09-06", "2026-09-07");
    expect(kpis.get("unpriced")?.unpricedCalls).toBe(1);
    expect(kpis.get("unpriced")?.costUsd).toBe("0");
    const db = await getDatabase();
    const rows = await db.query<{ cost: string | null; status: string }>(
      "select cost_usd::text as cost, cost_status as status from spans where trace_id = $1",
      [traceId],
    );
    expect(rows[0]?.cost).toBeNull();
    expect(rows[0]?.status).toBe("unpriced");
  });
});

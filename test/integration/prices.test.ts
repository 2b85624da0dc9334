import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { createApiKey } from "@/lib/keys/api-keys";
import { toUnits } from "@/lib/money/decimal";
import { builtinPriceBook } from "@/lib/pricing/builtin-prices";

import { createApiClient } from "../support/api-client";
import { countAuditRows, readAuditRows } from "../support/audit-rows";
import { jsonSpan, traceRequest, type JsonSpan } from "../support/otlp-builders";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

const PROVIDER = "acme";
const MODEL = "acme-reasoner";
const WORKFLOW = "pricing-probe";
const DAY = "2026-11-02";
const RANGE = "from=2026-11-01&to=2026-11-05";
const PRICE_ID = `${PROVIDER}:${MODEL}:standard:2026-01-01`;

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let financeCookie: string;
let analystCookie: string;
let ingestKey: string;

/** Builds a run with one call of MODEL under an agent span. */
function runSpans(traceId: string, input: number, output: number, start: string): JsonSpan[] {
  return [
    jsonSpan({
      traceId,
      spanId: "2000000000000001",
      start,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.workflow.name": WORKFLOW },
    }),
    jsonSpan({
      traceId,
      spanId: "2000000000000002",
      parentSpanId: "2000000000000001",
      start,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": PROVIDER,
        "gen_ai.request.model": MODEL,
        "gen_ai.usage.input_tokens": input,
        "gen_ai.usage.output_tokens": output,
      },
    }),
  ];
}

async function sendSpans(spans: JsonSpan[]): Promise<void> {
  const response = await fetch(`${server.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ingestKey}` },
    body: JSON.stringify(traceRequest(spans)),
  });
  expect(response.status).toBe(200);
}

async function readWorkflowKpis(): Promise<{ costUsd: string; unpricedCalls: number }> {
  const report = await callApi("GET", `/api/v1/kpis?${RANGE}`, { cookie: analystCookie });
  expect(report.status).toBe(200);
  const row = report.json.workflows.find((entry: { workflow: string }) => entry.workflow === WORKFLOW);
  expect(row, "workflow in the KPI report").toBeDefined();
  return row;
}

function priceBody(overrides: Record<string, unknown> = {}) {
  return {
    provider: PROVIDER,
    model: MODEL,
    effectiveFrom: "2026-01-01",
    inputPerMTok: "3",
    outputPerMTok: "15",
    source: "https://prices.example.test/acme",
    note: "Negotiated rate",
    ...overrides,
  };
}

beforeAll(async () => {
  server = await serveRoutes();
  callApi = createApiClient(server.url);
  financeCookie = (await sessionCookieFor("finance")).cookie;
  analystCookie = (await sessionCookieFor("analyst")).cookie;
  ingestKey = (await createApiKey(await getDatabase(), { name: "prices", kind: "ingest" })).secret;
  await sendSpans([
    ...runSpans("a1000000000000000000000000000001", 1000, 500, `${DAY}T10:00:00Z`),
    ...runSpans("a1000000000000000000000000000002", 2000, 100, `${DAY}T11:00:00Z`),
  ]);
});

afterAll(async () => {
  await server.close();
});

describe("price administration", () => {
  it("lists unpriced usage by model", async () => {
    const listed = await callApi("GET", `/api/v1/prices/unpriced?${RANGE}`, { cookie: analystCookie });
    expect(listed.status).toBe(200);
    const entry = listed.json.unpriced.find((row: { model: string }) => row.model === MODEL);
    expect(entry).toMatchObject({
      provider: PROVIDER,
      calls: 2,
      callsWithoutUsage: 0,
      inputTokens: "3000",
      outputTokens: "600",
    });
    expect(entry.firstSeenNs).toBe((BigInt(Date.parse(`${DAY}T10:00:00Z`)) * 1_000_000n).toString());
    expect(entry.lastSeenNs).toBe((BigInt(Date.parse(`${DAY}T11:00:00Z`)) * 1_000_000n).toString());
  });

  it("rejects a bad decimal without an audit entry", async () => {
    const before = await countAuditRows();
    const response = await callApi("PUT", "/api/v1/prices", {
      cookie: financeCookie,
      body: priceBody({ inputPerMTok: "3,5" }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/^invalid inputPerMTok \("3,5"\)/);
    expect(await countAuditRows()).toBe(before);
  });

  it("adds a custom price with one audit entry", async () => {
    const response = await callApi("PUT", "/api/v1/prices", { cookie: financeCookie, body: priceBody() });
    expect(response.status).toBe(201);
    expect(response.json.price.id).toBe(PRICE_ID);

    const listed = await callApi("GET", `/api/v1/prices?provider=${PROVIDER}&model=${MODEL}`, {
      cookie: analystCookie,
    });
    expect(listed.status).toBe(200);
    expect(listed.json.prices).toHaveLength(1);
    expect(listed.json.prices[0]).toMatchObject({
      id: PRICE_ID,
      origin: "custom",
      overridesBuiltin: false,
      state: "in_force",
      inputPerMTok: "3",
      outputPerMTok: "15",
      verified: false,
    });

    const audit = await readAuditRows("price", PRICE_ID);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("price.create");
    expect(audit[0]!.before).toBeNull();
    expect(audit[0]!.after.outputPerMTok).toBe("15");
  });

  it("saves an unchanged row without an audit entry", async () => {
    const response = await callApi("PUT", "/api/v1/prices", {
      cookie: financeCookie,
      body: priceBody({ sourceCheckedOn: (await readAuditRows("price", PRICE_ID))[0]!.after.sourceCheckedOn }),
    });
    expect(response.status).toBe(200);
    expect(await readAuditRows("price", PRICE_ID)).toHaveLength(1);
  });

  it("rejects an overlapping row naming both rows", async () => {
    const before = await countAuditRows();
    const response = await callApi("PUT", "/api/v1/prices", {
      cookie: financeCookie,
      body: priceBody({ effectiveFrom: "2026-06-01", inputPerMTok: "2" }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain(`${PROVIDER}:${MODEL}:standard:2026-06-01: overlaps ${PRICE_ID}`);
    expect(await countAuditRows()).toBe(before);
  });

  it("rejects a reversed date range by field", async () => {
    const response = await callApi("PUT", "/api/v1/prices", {
      cookie: financeCookie,
      body: priceBody({ effectiveFrom: "2026-03-01", effectiveTo: "2026-02-01" }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/^invalid effectiveTo/);
  });

  it("leaves stored calls unpriced until a reprice", async () => {
    const kpis = await readWorkflowKpis();
    expect(kpis.unpricedCalls).toBe(2);
    expect(toUnits(kpis.costUsd)).toBe(0n);
  });

  it("reprices earlier calls with the exact cost", async () => {
    const response = await callApi("POST", "/api/v1/prices/reprice", {
      cookie: financeCookie,
      body: { from: "2026-11-01", to: "2026-11-05", provider: PROVIDER },
    });
    expect(response.status).toBe(200);
    expect(response.json.reprice).toMatchObject({
      spansExamined: 2,
      spansChanged: 2,
      newlyPriced: 2,
      newlyUnpriced: 0,
      runsRecomputed: 2,
      batches: 1,
    });

    // 1,000 x $3 + 500 x $15, then 2,000 x $3 + 100 x $15, per million tokens.
    const kpis = await readWorkflowKpis();
    expect(kpis.unpricedCalls).toBe(0);
    expect(toUnits(kpis.costUsd)).toBe(toUnits("0.018"));

    const unpriced = await callApi("GET", `/api/v1/prices/unpriced?${RANGE}`, { cookie: analystCookie });
    expect(unpriced.json.unpriced.filter((row: { model: string }) => row.model === MODEL)).toEqual([]);

    const audit = await readAuditRows("price_book", "2026-11-01..2026-11-05");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("price.reprice");
    expect(audit[0]!.after).toMatchObject({ newlyPriced: 2, spansChanged: 2, completed: true });
  });

  it("repricing again changes nothing", async () => {
    const response = await callApi("POST", "/api/v1/prices/reprice", {
      cookie: financeCookie,
      body: { from: "2026-11-01", to: "2026-11-05" },
    });
    expect(response.status).toBe(200);
    expect(response.json.reprice).toMatchObject({ spansExamined: 2, spansChanged: 0, runsRecomputed: 0 });
    expect(toUnits((await readWorkflowKpis()).costUsd)).toBe(toUnits("0.018"));
  });

  it("prices new calls with the new row", async () => {
    await sendSpans(runSpans("a1000000000000000000000000000003", 1_000_000, 0, `${DAY}T12:00:00Z`));
    const kpis = await readWorkflowKpis();
    expect(kpis.unpricedCalls).toBe(0);
    expect(toUnits(kpis.costUsd)).toBe(toUnits("3.018"));
  });

  it("updates a custom row with before and after", async () => {
    const response = await callApi("PUT", "/api/v1/prices", {
      cookie: financeCookie,
      body: priceBody({ outputPerMTok: "12.5" }),
    });
    expect(response.status).toBe(200);
    const audit = await readAuditRows("price", PRICE_ID);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.action).toBe("price.update");
    expect(audit[1]!.before.outputPerMTok).toBe("15");
    expect(audit[1]!.after.outputPerMTok).toBe("12.5");
  });

  it("rejects deleting a built-in row with 409", async () => {
    const before = await countAuditRows();
    const builtin = builtinPriceBook[0]!;
    const response = await callApi("DELETE", `/api/v1/prices/${encodeURIComponent(builtin.id)}`, {
      cookie: financeCookie,
    });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toContain("is built in and cannot be deleted");
    expect(await countAuditRows()).toBe(before);
  });

  it("returns 404 for an unknown row", async () => {
    const response = await callApi("DELETE", `/api/v1/prices/${encodeURIComponent("acme:none:standard:2026-01-01")}`, {
      cookie: financeCookie,
    });
    expect(response.status).toBe(404);
  });

  it("deletes a custom row and reprices it back to unpriced", async () => {
    const response = await callApi("DELETE", `/api/v1/prices/${encodeURIComponent(PRICE_ID)}`, {
      cookie: financeCookie,
    });
    expect(response.status).toBe(200);
    const audit = await readAuditRows("price", PRICE_ID);
    expect(audit).toHaveLength(3);
    expect(audit[2]!.action).toBe("price.delete");
    expect(audit[2]!.after).toBeNull();

    const repriced = await callApi("POST", "/api/v1/prices/reprice", {
      cookie: financeCookie,
      body: { from: "2026-11-02", to: "2026-11-03", model: MODEL.toUpperCase() },
    });
    expect(repriced.status).toBe(200);
    expect(repriced.json.reprice).toMatchObject({ newlyUnpriced: 3, runsRecomputed: 3 });
    const kpis = await readWorkflowKpis();
    expect(kpis.unpricedCalls).toBe(3);
    expect(toUnits(kpis.costUsd)).toBe(0n);
  });

  it("overrides a built-in row and lists it as overridden", async () => {
    const builtin = builtinPriceBook.find((row) => row.effectiveTo === null && row.region === undefined)!;
    const response = await callApi("PUT", "/api/v1/prices", {
      cookie: financeCookie,
      body: {
        provider: builtin.provider,
        model: builtin.model,
        serviceTier: builtin.serviceTier,
        effectiveFrom: builtin.effectiveFrom,
        inputPerMTok: "0.5",
        outputPerMTok: "1",
        source: "https://prices.example.test/contract",
        verified: true,
      },
    });
    expect(response.status).toBe(201);
    const audit = await readAuditRows("price", builtin.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("price.create");
    expect(audit[0]!.before.id).toBe(builtin.id);

    const listed = await callApi(
      "GET",
      `/api/v1/prices?provider=${encodeURIComponent(builtin.provider)}&model=${encodeURIComponent(builtin.model)}`,
      { cookie: analystCookie },
    );
    const rows = listed.json.prices.filter((row: { id: string }) => row.id === builtin.id);
    expect(rows.map((row: { origin: string; state: string }) => `${row.origin}:${row.state}`).sort()).toEqual([
      "builtin:overridden",
      "custom:in_force",
    ]);
    expect(rows.find((row: { origin: string }) => row.origin === "custom").overridesBuiltin).toBe(true);
  });

  it("rejects an analyst's change with 403", async () => {
    const response = await callApi("PUT", "/api/v1/prices", { cookie: analystCookie, body: priceBody() });
    expect(response.status).toBe(403);
  });
});

describe("reprice batches", () => {
  const model = "acme-batch";
  const traces = 501;

  it("reprices more traces than one batch", async () => {
    const spans = Array.from({ length: traces }, (_, index) =>
      jsonSpan({
        traceId: `b2${index.toString(16).padStart(30, "0")}`,
        spanId: "3000000000000001",
        start: "2026-10-10T08:00:00Z",
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": PROVIDER,
          "gen_ai.request.model": model,
          "gen_ai.workflow.name": "batch-probe",
          "gen_ai.usage.input_tokens": 100,
          "gen_ai.usage.output_tokens": 10,
        },
      }),
    );
    await sendSpans(spans);
    const saved = await callApi("PUT", "/api/v1/prices", {
      cookie: financeCookie,
      body: priceBody({ model, inputPerMTok: "1", outputPerMTok: "10" }),
    });
    expect(saved.status).toBe(201);

    const response = await callApi("POST", "/api/v1/prices/reprice", {
      cookie: financeCookie,
      body: { from: "2026-10-10", to: "2026-10-11", model },
    });
    expect(response.status).toBe(200);
    expect(response.json.reprice).toMatchObject({
      spansExamined: traces,
      newlyPriced: traces,
      runsRecomputed: traces,
      batches: 2,
    });

    const report = await callApi("GET", "/api/v1/kpis?from=2026-10-10&to=2026-10-11", { cookie: analystCookie });
    const row = report.json.workflows.find((entry: { workflow: string }) => entry.workflow === "batch-probe");
    expect(row.unpricedCalls).toBe(0);
    // Each call: 100 x $1 + 10 x $10 per million tokens = $0.0002.
    expect(toUnits(row.costUsd)).toBe(toUnits("0.1002"));
  });
});

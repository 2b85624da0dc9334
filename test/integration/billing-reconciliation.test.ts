import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { createApiKey } from "@/lib/keys/api-keys";

import { createApiClient } from "../support/api-client";
import { anthropicCostPage, openAiCostsPage } from "../support/billing-pages";
import { uploadBillingFile } from "../support/billing-uploads";
import { jsonSpan, newTraceId, traceRequest, type JsonSpan } from "../support/otlp-builders";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let ingestKey: string;
let analystCookie: string;

beforeAll(async () => {
  server = await serveRoutes();
  callApi = createApiClient(server.url);
  ingestKey = (await createApiKey(await getDatabase(), { name: "reconcile", kind: "ingest" })).secret;
  analystCookie = (await sessionCookieFor("analyst")).cookie;
});

afterAll(async () => {
  await server.close();
});

async function sendSpans(spans: JsonSpan[]): Promise<void> {
  const response = await fetch(`${server.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ingestKey}` },
    body: JSON.stringify(traceRequest(spans)),
  });
  expect(response.status, await response.text()).toBe(200);
}

interface CallSpec {
  workflow: string;
  start: string;
  provider: string;
  model: string;
  input: number;
  output: number;
  serviceTier?: string;
}

/** One run with one chat call, priced by the built-in price book. */
function callSpans(spec: CallSpec): JsonSpan[] {
  const traceId = newTraceId();
  return [
    jsonSpan({
      traceId,
      spanId: "2000000000000001",
      start: spec.start,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.workflow.name": spec.workflow },
    }),
    jsonSpan({
      traceId,
      spanId: "2000000000000002",
      parentSpanId: "2000000000000001",
      start: spec.start,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": spec.provider,
        "gen_ai.response.model": spec.model,
        "gen_ai.usage.input_tokens": spec.input,
        "gen_ai.usage.output_tokens": spec.output,
        ...(spec.serviceTier ? { "anthropic.response.service_tier": spec.serviceTier } : {}),
      },
    }),
  ];
}

async function upload(body: string, fileName: string) {
  const result = await uploadBillingFile(server.url, body, {
    bearer: ingestKey,
    query: { filename: fileName },
  });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json.import;
}

async function reconcile(from: string, to: string) {
  const result = await callApi("GET", `/api/v1/reconciliation?from=${from}&to=${to}`, {
    cookie: analystCookie,
  });
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return result.json;
}

/**
 * Two providers over two UTC days. Estimates follow the built-in prices:
 * gpt-4o-mini $0.15 in and $0.60 out per million tokens, claude-haiku-4-5 $1
 * and $5 (standard).
 *
 *   openai 11-09    support 1M in 100k out = 0.21; reorder 2M in 50k out = 0.33
 *                   estimated 0.54, billed 0.45 + 0.15 = 0.60
 *   openai 11-10    support 1M in 200k out = 0.27; billed 0.20 + 0.05 = 0.25
 *   anthropic 11-09 support 100k in 10k out = 0.15; billed 10 + 6 cents = 0.16
 *   anthropic 11-09 claude-sonnet-4-5 billed 100 cents = 1.00, no spans: unexplained
 *   anthropic 11-10 reorder 200k in 20k out = 0.30, no bill: unbilled
 */
describe("two-provider reconciliation", () => {
  let report: Awaited<ReturnType<typeof reconcile>>;

  beforeAll(async () => {
    await sendSpans([
      ...callSpans({ workflow: "support", start: "2025-11-09T10:00:00Z", provider: "openai", model: "gpt-4o-mini-2024-07-18", input: 1_000_000, output: 100_000 }),
      ...callSpans({ workflow: "reorder", start: "2025-11-09T11:00:00Z", provider: "openai", model: "gpt-4o-mini", input: 2_000_000, output: 50_000 }),
      ...callSpans({ workflow: "support", start: "2025-11-10T10:00:00Z", provider: "openai", model: "gpt-4o-mini-2024-07-18", input: 1_000_000, output: 200_000 }),
      ...callSpans({ workflow: "support", start: "2025-11-09T12:00:00Z", provider: "anthropic", model: "claude-haiku-4-5-20251001", input: 100_000, output: 10_000 }),
      ...callSpans({ workflow: "reorder", start: "2025-11-10T12:00:00Z", provider: "anthropic", model: "claude-haiku-4-5", input: 200_000, output: 20_000 }),
    ]);
    await upload(
      openAiCostsPage({
        "2025-11-09": [
          { lineItem: "gpt-4o-mini-2024-07-18, input", usd: "0.45" },
          { lineItem: "gpt-4o-mini-2024-07-18, output", usd: "0.15" },
        ],
        "2025-11-10": [
          { lineItem: "gpt-4o-mini-2024-07-18, input", usd: "0.20" },
          { lineItem: "gpt-4o-mini-2024-07-18, output", usd: "0.05" },
        ],
      }),
      "openai-costs.json",
    );
    await upload(
      anthropicCostPage([
        {
          day: "2025-11-09",
          results: [
            { model: "claude-haiku-4-5", tokenType: "uncached_input_tokens", cents: "10.00" },
            { model: "claude-haiku-4-5", tokenType: "output_tokens", cents: "6.00" },
            { model: "claude-sonnet-4-5", tokenType: "output_tokens", cents: "100" },
          ],
        },
      ]),
      "anthropic-costs.json",
    );
    report = await reconcile("2025-11-09", "2025-11-11");
  });

  it("reports each cell's drift and coverage", () => {
    const cells = report.cells.map((cell: Record<string, unknown>) => [
      cell.provider,
      cell.model,
      cell.day,
      cell.estimatedUsd,
      cell.billedUsd,
      cell.differenceUsd,
      cell.differencePercent,
      cell.coverage,
      cell.status,
    ]);
    expect(cells).toEqual([
      ["anthropic", "claude-haiku-4-5", "2025-11-09", "0.15", "0.16", "-0.01", "-6.25", "0.9375", "matched"],
      ["anthropic", "claude-sonnet-4-5", "2025-11-09", "0", "1", "-1", "-100", "0", "unexplained"],
      // 0.54 - 0.60 = -0.06, -10 % of billed; 0.54 of 0.60 explained.
      ["openai", "gpt-4o-mini-2024-07-18", "2025-11-09", "0.54", "0.6", "-0.06", "-10", "0.9", "matched"],
      ["anthropic", "claude-haiku-4-5", "2025-11-10", "0.3", null, null, null, null, "unbilled"],
      // Estimates above the bill explain no more than the bill: coverage 1.
      ["openai", "gpt-4o-mini-2024-07-18", "2025-11-10", "0.27", "0.25", "0.02", "8", "1", "matched"],
    ]);
  });

  it("totals drift and coverage per provider", () => {
    // openai: 0.81 estimated, 0.85 billed, explained 0.54 + 0.25 = 0.79, 0.79 / 0.85.
    // anthropic: 0.45 estimated, 1.16 billed, explained 0.15, 0.15 / 1.16.
    expect(
      report.byProvider.map((row: Record<string, unknown>) => [
        row.provider,
        row.estimatedUsd,
        row.billedUsd,
        row.differenceUsd,
        row.differencePercent,
        row.explainedUsd,
        row.coverage,
      ]),
    ).toEqual([
      ["anthropic", "0.45", "1.16", "-0.71", "-61.2069", "0.15", "0.12931"],
      ["openai", "0.81", "0.85", "-0.04", "-4.7059", "0.79", "0.929412"],
    ]);
  });

  it("totals drift and coverage overall", () => {
    // 1.26 estimated, 2.01 billed, -0.75 = -37.3134 %, explained 0.94 / 2.01 = 0.4676617.
    expect(report.totals).toMatchObject({
      estimatedUsd: "1.26",
      billedUsd: "2.01",
      differenceUsd: "-0.75",
      differencePercent: "-37.3134",
      explainedUsd: "0.94",
      coverage: "0.467662",
      calls: 5,
    });
    // Cost reports carry no amortized view, so effective cost is unknown.
    expect(report.totals.effectiveUsd).toBeNull();
  });

  it("lists unexplained spend and unbilled telemetry apart", () => {
    expect(report.unexplainedSpend.map((cell: { model: string }) => cell.model)).toEqual(["claude-sonnet-4-5"]);
    expect(report.unbilledTelemetry.map((cell: { day: string }) => cell.day)).toEqual(["2025-11-10"]);
  });

  it("allocates the bill to workflows exactly", () => {
    // openai 11-09: 0.60 split 0.21 : 0.33, so 0.2333… and 0.3666…; the last
    // unit of 10^-12 goes to reorder, the larger share.
    expect(report.allocation).toEqual([
      { workflow: "reorder", estimatedUsd: "0.63", allocatedBilledUsd: "0.366666666667", unbilledEstimateUsd: "0.3" },
      { workflow: "support", estimatedUsd: "0.63", allocatedBilledUsd: "0.643333333333", unbilledEstimateUsd: "0" },
    ]);
    // The sonnet bill has no telemetry to follow.
    expect(report.unallocatedBilledUsd).toBe("1");
  });

  it("puts billed cost into the KPIs on request", async () => {
    const range = "from=2025-11-09&to=2025-11-11";
    const estimated = await callApi("GET", `/api/v1/workflows/support/kpis?${range}`, { cookie: analystCookie });
    const billed = await callApi("GET", `/api/v1/workflows/support/kpis?${range}&basis=billed`, {
      cookie: analystCookie,
    });
    expect(estimated.json.basis).toBe("estimated");
    expect(billed.json.basis).toBe("billed");
    const costs = (report: { daily: Array<{ costUsd: string }> }) => report.daily.map((day) => day.costUsd);
    expect(costs(estimated.json)).toEqual(["0.360000000000", "0.270000000000"]);
    // 11-09: 0.233333333333 + 0.16; 11-10: the openai bill of 0.25.
    expect(costs(billed.json)).toEqual(["0.393333333333", "0.250000000000"]);

    const board = await callApi("GET", `/api/v1/kpis?${range}&basis=billed`, { cookie: analystCookie });
    const reorder = board.json.workflows.find((row: { workflow: string }) => row.workflow === "reorder");
    // 0.366666666667 allocated plus the unbilled anthropic estimate of 0.30.
    expect(reorder.costUsd).toBe("0.666666666667");
  });

  it("rejects an unknown basis", async () => {
    const result = await callApi("GET", "/api/v1/kpis?basis=invoice", { cookie: analystCookie });
    expect(result.status).toBe(400);
    expect(result.json.error.message).toContain('invalid basis "invoice"');
  });
});

describe("counted calls", () => {
  it("counts a nested call once, whatever the arrival order", async () => {
    const traceId = newTraceId();
    const call = {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.response.model": "gpt-4o-mini",
      "gen_ai.usage.input_tokens": 1_000_000,
      "gen_ai.usage.output_tokens": 0,
    };
    const root = { traceId, spanId: "3000000000000001", start: "2025-11-20T10:00:00Z", attributes: { "gen_ai.workflow.name": "nested" } };
    const outer = { traceId, spanId: "3000000000000002", parentSpanId: "3000000000000001", start: "2025-11-20T10:00:00Z", attributes: call };
    const inner = { traceId, spanId: "3000000000000003", parentSpanId: "3000000000000002", start: "2025-11-20T10:00:00Z", attributes: call };
    await sendSpans([jsonSpan(root), jsonSpan(outer)]);
    await sendSpans([jsonSpan(inner)]);

    const db = await getDatabase();
    const counted = await db.query<{ span_id: string; counted_calls: number }>(
      `select span_id, counted_calls from spans where trace_id = $1 order by span_id`,
      [traceId],
    );
    expect(counted).toEqual([
      { span_id: "3000000000000001", counted_calls: 0 },
      { span_id: "3000000000000002", counted_calls: 0 },
      { span_id: "3000000000000003", counted_calls: 1 },
    ]);
    const report = await reconcile("2025-11-20", "2025-11-21");
    expect(report.totals.estimatedUsd).toBe("0.15");
    expect(report.totals.calls).toBe(1);
  });

  it("counts a leaf without usage on the ancestor it borrows from", async () => {
    const traceId = newTraceId();
    await sendSpans([
      jsonSpan({
        traceId,
        spanId: "4000000000000001",
        start: "2025-11-21T10:00:00Z",
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.response.model": "gpt-4o-mini",
          "gen_ai.usage.input_tokens": 2_000_000,
          "gen_ai.usage.output_tokens": 0,
        },
      }),
      jsonSpan({
        traceId,
        spanId: "4000000000000002",
        parentSpanId: "4000000000000001",
        start: "2025-11-21T10:00:00Z",
        attributes: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.response.model": "gpt-4o-mini" },
      }),
    ]);
    const report = await reconcile("2025-11-21", "2025-11-22");
    expect(report.totals.estimatedUsd).toBe("0.3");
    expect(report.totals.calls).toBe(1);
  });
});

describe("F13 batch imported three times", () => {
  it("keeps one spend record of $0.0034", async () => {
    // claude-haiku-4-5 batch: 1,800 in at $0.50 and 1,000 out at $2.50 per million.
    await sendSpans(
      callSpans({ workflow: "batch-jobs", start: "2025-11-03T08:00:00Z", provider: "anthropic", model: "claude-haiku-4-5", input: 1_800, output: 1_000, serviceTier: "batch" }),
    );
    const batchInput = { model: "claude-haiku-4-5", tokenType: "uncached_input_tokens", cents: "0.09", serviceTier: "batch" };
    const batchOutput = { model: "claude-haiku-4-5", tokenType: "output_tokens", cents: "0.25", serviceTier: "batch" };
    const other = { model: "claude-sonnet-4-5", tokenType: "output_tokens", cents: "300" };
    const imports = [
      anthropicCostPage([{ day: "2025-11-02", results: [other] }, { day: "2025-11-03", results: [batchInput, batchOutput] }]),
      anthropicCostPage([{ day: "2025-11-03", results: [batchOutput, batchInput] }, { day: "2025-11-04", results: [other] }]),
      anthropicCostPage([{ day: "2025-11-03", results: [batchInput, batchOutput] }]),
    ];
    const results = [];
    for (const [index, page] of imports.entries()) results.push(await upload(page, `batch-${index + 1}.json`));
    expect(results.map((item) => [item.rowsImported, item.rowsDuplicate])).toEqual([[3, 0], [1, 2], [0, 2]]);

    const db = await getDatabase();
    const batch = await db.query<{ lines: number; billed: string }>(
      `select count(*)::int as lines, trim_scale(sum(billed_cost))::text as billed
         from billing_lines where service_tier = 'batch' and provider = 'anthropic'`,
    );
    expect(batch).toEqual([{ lines: 2, billed: "0.0034" }]);

    const report = await reconcile("2025-11-03", "2025-11-04");
    expect(report.cells).toHaveLength(1);
    expect(report.cells[0]).toMatchObject({
      provider: "anthropic",
      model: "claude-haiku-4-5",
      estimatedUsd: "0.0034",
      billedUsd: "0.0034",
      differenceUsd: "0",
      coverage: "1",
    });
  });
});

describe("OpenAI sample reports", () => {
  const samples = path.resolve(__dirname, "../../../shared/samples/openai");

  it("import and reconcile against spans of the same day", async () => {
    // gpt-4o-mini on 2024-11-01: 100k in at $0.15 and 50k out at $0.60 per million = 0.045.
    await sendSpans(
      callSpans({ workflow: "sample-day", start: "2024-11-01T09:30:00Z", provider: "openai", model: "gpt-4o-mini-2024-07-18", input: 100_000, output: 50_000 }),
    );
    const costs = await upload(readFileSync(path.join(samples, "costs-api-example-response.json"), "utf8"), "costs.json");
    expect(costs).toMatchObject({ format: "openai_costs", rowsImported: 1, rowsRejected: 0 });
    const usage = await upload(
      readFileSync(path.join(samples, "usage-completions-api-example-response.json"), "utf8"),
      "usage.json",
    );
    // Uncached input, cache read, cache write and output: one token line each.
    expect(usage).toMatchObject({ format: "openai_usage", rowsImported: 4, rowsRejected: 0 });

    const report = await reconcile("2024-11-01", "2024-11-02");
    // The sample's cost names no line item, so the day's telemetry is compared with it:
    // 0.045 - 0.06 = -0.015, -25 % of billed, 0.045 / 0.06 = 0.75 explained.
    expect(report.cells).toEqual([
      expect.objectContaining({
        provider: "openai",
        model: null,
        day: "2024-11-01",
        estimatedUsd: "0.045",
        billedUsd: "0.06",
        differenceUsd: "-0.015",
        differencePercent: "-25",
        coverage: "0.75",
        status: "matched",
      }),
    ]);
    expect(report.unbilledTelemetry).toEqual([]);
    expect(report.allocation).toEqual([
      { workflow: "sample-day", estimatedUsd: "0.045", allocatedBilledUsd: "0.06", unbilledEstimateUsd: "0" },
    ]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { createApiKey } from "@/lib/keys/api-keys";
import { definePriceRow } from "@/lib/pricing/define-price-row";
import { saveCustomPrice } from "@/lib/pricing/load-price-book";

import { jsonSpan, traceRequest, type JsonSpan } from "../support/otlp-builders";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

/** Series replayed as spans; each has tokens and decisions on every day. */
const SERIES = ["K1-power-law-rising", "K2-fixed-plus-linear"];
const CASES_DIR = path.resolve(__dirname, "../../../shared/cases/kpi");
const MODEL = "kpi-series-probe";

interface SeriesDay {
  day: string;
  completedOutcomes: number;
  decisions: number;
  tokens: number;
  costUsd: number;
}

let server: { url: string; close: () => Promise<void> };
let key: string;
let analystCookie: string;

beforeAll(async () => {
  server = await serveRoutes();
  analystCookie = (await sessionCookieFor("analyst")).cookie;
  const db = await getDatabase();
  key = (await createApiKey(db, { name: "series", kind: "ingest" })).secret;
  // A token of uncached input costs 1 micro-USD, of output 100 micro-USD and a
  // cache read nothing, so any day's cost in micro-USD splits exactly into
  // tokens that add up to the day's token count.
  await saveCustomPrice(
    db,
    definePriceRow({
      provider: "self-hosted",
      model: MODEL,
      effectiveFrom: "2020-01-01",
      inputPerMTok: "1",
      outputPerMTok: "100",
      cacheReadPerMTok: "0",
      source: "https://prices.example.test/kpi-series-probe",
      sourceCheckedOn: "2026-12-04",
      verified: true,
    }),
  );
});

afterAll(async () => {
  await server.close();
});

/** Splits a day's cost into output, uncached input and cache-read tokens. */
function splitTokens(day: SeriesDay) {
  const micros = Math.round(day.costUsd * 1e6);
  const output = Math.floor(micros / 100);
  const uncached = micros - output * 100;
  const cacheRead = day.tokens - output - uncached;
  if (cacheRead < 0) throw new Error(`day ${day.day} cannot be expressed with the probe prices`);
  return { output, uncached, cacheRead };
}

/** One completed run per completed outcome; the first carries the day's tokens and extra decisions. */
function spansForDay(workflow: string, day: SeriesDay, dayIndex: number): JsonSpan[] {
  const spans: JsonSpan[] = [];
  const { output, uncached, cacheRead } = splitTokens(day);
  for (let run = 0; run < day.completedOutcomes; run += 1) {
    const traceId = `${workflow.length.toString(16)}${dayIndex.toString(16).padStart(4, "0")}${run
      .toString(16)
      .padStart(8, "0")}`.padEnd(32, "a");
    const decisions = run === 0 ? day.decisions - (day.completedOutcomes - 1) : 1;
    spans.push(
      jsonSpan({
        traceId,
        spanId: "1000000000000001",
        start: `${day.day}T09:00:00Z`,
        attributes: {
          "gen_ai.operation.name": "invoke_agent",
          "gen_ai.workflow.name": workflow,
          "finops.outcome": "completed",
          "finops.decisions": decisions,
        },
      }),
    );
    if (run === 0) {
      spans.push(
        jsonSpan({
          traceId,
          spanId: "1000000000000002",
          parentSpanId: "1000000000000001",
          start: `${day.day}T09:00:01Z`,
          attributes: {
            "gen_ai.operation.name": "chat",
            "gen_ai.provider.name": "self-hosted",
            "gen_ai.request.model": MODEL,
            "gen_ai.usage.input_tokens": uncached + cacheRead,
            "gen_ai.usage.cache_read.input_tokens": cacheRead,
            "gen_ai.usage.output_tokens": output,
          },
        }),
      );
    }
  }
  return spans;
}

async function send(spans: JsonSpan[]) {
  for (let start = 0; start < spans.length; start += 2000) {
    const response = await fetch(`${server.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify(traceRequest(spans.slice(start, start + 2000))),
    });
    expect(response.status).toBe(200);
  }
}

function expectClose(actual: unknown, expected: number, label: string) {
  expect(typeof actual === "string" || typeof actual === "number", label).toBe(true);
  expect(Math.abs(Number(actual) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

describe.each(SERIES)("KPI series %s from spans", (name) => {
  it("reproduces the expected KPIs through the API", async () => {
    const series = JSON.parse(readFileSync(path.join(CASES_DIR, `${name}.json`), "utf8")) as {
      days: SeriesDay[];
      expected: Record<string, unknown>;
    };
    const workflow = `series-${name}`;
    await send(series.days.flatMap((day, index) => spansForDay(workflow, day, index)));

    const from = series.days[0]!.day;
    const last = new Date(`${series.days.at(-1)!.day}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + 1);
    const to = last.toISOString().slice(0, 10);
    const response = await fetch(`${server.url}/api/v1/workflows/${workflow}/kpis?from=${from}&to=${to}`, { headers: { cookie: analystCookie } });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Record<string, unknown> & { daily: unknown[] };
    const expected = series.expected;

    expect(report.tokens).toBe(expected.tokens);
    expect(report.completedOutcomes).toBe(expected.completedOutcomes);
    expect(report.decisions).toBe(expected.decisions);
    expectClose(report.costUsd, expected.costUsd as number, "costUsd");
    expectClose(report.tokensPerCompletedOutcome, expected.tokensPerCompletedOutcome as number, "tokensPerCompletedOutcome");
    expectClose(report.costPerDecisionUsd, expected.costPerDecisionUsd as number, "costPerDecisionUsd");
    for (const field of ["marginalCostPerDecisionUsd", "costElasticity"]) {
      const actual = report[field] as Record<string, number>;
      const wanted = expected[field] as Record<string, number>;
      for (const stat of ["value", "stdErr", "ciLow", "ciHigh", "r2"]) {
        expectClose(actual[stat], wanted[stat]!, `${field}.${stat}`);
      }
      expect(actual.n).toBe(wanted.n);
    }
    expect(report.verdict).toBe(expected.verdict);
    expect(report.daily).toHaveLength(series.days.length);
  });
});

import { gzipSync } from "node:zlib";

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
  key = (await createApiKey(await getDatabase(), { name: "receiver tests", kind: "ingest" })).secret;
});

afterAll(async () => {
  await server.close();
});

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers },
    body,
  });
}

async function workflowKpis(workflow: string, day: string) {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const to = next.toISOString().slice(0, 10);
  const response = await fetch(`${server.url}/api/v1/kpis?from=${day}&to=${to}`, { headers: { cookie: analystCookie } });
  expect(response.status).toBe(200);
  const report = (await response.json()) as { workflows: Array<Record<string, unknown>> };
  return report.workflows.find((entry) => entry.workflow === workflow);
}

async function countSpans(traceId: string): Promise<number> {
  const db = await getDatabase();
  const rows = await db.query<{ n: number }>(
    "select count(*)::int as n from spans where trace_id = $1",
    [traceId],
  );
  return rows[0]!.n;
}

/** The F08 request: input tokens as a JSON string, output tokens as a JSON number. */
function f08Body(traceId: string, workflow: string, day: string) {
  const request = traceRequest([
    jsonSpan({
      traceId,
      spanId: spanIdOf(1),
      name: "chat gpt-4o-mini",
      start: `${day}T10:00:00Z`,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.workflow.name": workflow,
      },
    }),
  ]) as { resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: unknown[] }] }] }] };
  const span = request.resourceSpans[0].scopeSpans[0].spans[0];
  span.attributes.push(
    { key: "gen_ai.usage.input_tokens", value: { intValue: "1200" } },
    { key: "gen_ai.usage.output_tokens", value: { intValue: 300 } },
    { key: "test.big", value: { intValue: "9007199254740993" } },
  );
  return request;
}

describe("OTLP receiver", () => {
  it("accepts int64 as string and number (F08)", async () => {
    const traceId = newTraceId();
    const response = await post(JSON.stringify(f08Body(traceId, "f08", "2026-10-01")));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});

    const kpis = await workflowKpis("f08", "2026-10-01");
    expect(kpis?.tokens).toBe(1500);
    expect(kpis?.costUsd).toBe("0.00036");
    expect(kpis?.llmCalls).toBe(1);

    const db = await getDatabase();
    const rows = await db.query<{ big: string; input: string }>(
      `select attributes->>'test.big' as big, input_tokens::text as input
         from spans where trace_id = $1`,
      [traceId],
    );
    expect(rows[0]?.big).toBe("9007199254740993");
    expect(rows[0]?.input).toBe("1200");
  });

  it("rejects a malformed intValue naming its path (F08)", async () => {
    const traceId = newTraceId();
    const body = JSON.stringify(f08Body(traceId, "f08-bad", "2026-10-01")).replace(
      '"intValue":"1200"',
      '"intValue":"12x"',
    );
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { message: string };
    expect(error.message).toContain(
      "resourceSpans[0].scopeSpans[0].spans[0].attributes[4].value.intValue",
    );
    expect(await countSpans(traceId)).toBe(0);
  });

  it("rejects a base64 trace id and lower-cases hex (F09)", async () => {
    const base64 = traceRequest([
      jsonSpan({ traceId: "W47/95gDgQPSabYzgT/GDA==", spanId: spanIdOf(1), start: "2026-10-02T00:00:00Z" }),
    ]);
    const rejected = await post(JSON.stringify(base64));
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { message: string }).message).toContain(
      "resourceSpans[0].scopeSpans[0].spans[0].traceId",
    );

    // Upper-case hex is stored lower-case, so it joins spans sent in lower case.
    const upper = traceRequest([
      jsonSpan({ traceId: "5B8EFFF798038103D269B633813FC60E", spanId: "AAAAAAAAAAAAAAA1", start: "2026-10-02T00:00:00Z" }),
    ]);
    const lower = traceRequest([
      jsonSpan({
        traceId: "5b8efff798038103d269b633813fc60e",
        spanId: "aaaaaaaaaaaaaaa2",
        parentSpanId: "aaaaaaaaaaaaaaa1",
        start: "2026-10-02T00:00:01Z",
      }),
    ]);
    expect((await post(JSON.stringify(upper))).status).toBe(200);
    expect((await post(JSON.stringify(lower))).status).toBe(200);
    expect(await countSpans("5b8efff798038103d269b633813fc60e")).toBe(2);
    const db = await getDatabase();
    const runs = await db.query<{ span_count: number }>(
      "select span_count from runs where trace_id = $1",
      ["5b8efff798038103d269b633813fc60e"],
    );
    expect(runs[0]?.span_count).toBe(2);
  });

  it("stores gzip JSON and gzip protobuf alike (F10)", async () => {
    const traceId = newTraceId();
    const response = await post(gzipSync(JSON.stringify(f08Body(traceId, "f10", "2026-10-03"))), {
      "content-encoding": "gzip",
    });
    expect(response.status).toBe(200);
    const kpis = await workflowKpis("f10", "2026-10-03");
    expect(kpis?.tokens).toBe(1500);
    expect(kpis?.costUsd).toBe("0.00036");
  });

  it("answers br with 415 and a broken gzip with 400 (F10)", async () => {
    const body = JSON.stringify(f08Body(newTraceId(), "f10-br", "2026-10-03"));
    expect((await post(body, { "content-encoding": "br" })).status).toBe(415);
    const broken = await post(Buffer.from("not gzip at all"), { "content-encoding": "gzip" });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { message: string }).message).toContain("gzip");
  });

  it("answers other media types with 415", async () => {
    const response = await post("{}", { "content-type": "text/plain" });
    expect(response.status).toBe(415);
  });

  it("requires a valid ingest key", async () => {
    const body = JSON.stringify(f08Body(newTraceId(), "auth", "2026-10-04"));
    expect((await post(body, { authorization: "" })).status).toBe(401);
    expect((await post(body, { authorization: "Bearer il_ingest_wrong" })).status).toBe(401);
  });

  it("stores a repeated delivery once (F12)", async () => {
    const traceId = "5b8efff798038103d269b633813fc60c";
    const request = traceRequest([
      jsonSpan({
        traceId,
        spanId: "eee19b7ec3c1b174",
        name: "chat",
        start: "2026-10-05T08:00:00Z",
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.usage.input_tokens": 1000,
          "gen_ai.usage.output_tokens": 100,
          "gen_ai.workflow.name": "f12",
        },
      }),
    ]);
    expect((await post(JSON.stringify(request))).status).toBe(200);
    expect((await post(JSON.stringify(request))).status).toBe(200);

    const db = await getDatabase();
    const rows = await db.query<{ n: number }>(
      "select count(*)::int as n from spans where trace_id = $1 and span_id = $2",
      [traceId, "eee19b7ec3c1b174"],
    );
    expect(rows[0]?.n).toBe(1);
    const kpis = await workflowKpis("f12", "2026-10-05");
    expect(kpis?.costUsd).toBe("0.00021");
    expect(kpis?.llmCalls).toBe(1);
    expect(kpis?.runs).toBe(1);
  });

  it("reports all-zero span ids as partial success", async () => {
    const traceId = newTraceId();
    const request = traceRequest([
      jsonSpan({ traceId, spanId: "0000000000000000", start: "2026-10-06T00:00:00Z" }),
      jsonSpan({ traceId, spanId: spanIdOf(2), start: "2026-10-06T00:00:00Z" }),
    ]);
    const response = await post(JSON.stringify(request));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(body.partialSuccess.rejectedSpans).toBe("1");
    expect(body.partialSuccess.errorMessage).toContain("spans[0]");
    expect(await countSpans(traceId)).toBe(1);
  });

  it("rejects spans without a start time as partial success", async () => {
    const traceId = newTraceId();
    const span = jsonSpan({ traceId, spanId: spanIdOf(1), start: "2026-10-07T00:00:00Z" });
    const request = traceRequest([{ ...span, startTimeUnixNano: "0" }]);
    const response = await post(JSON.stringify(request));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(body.partialSuccess.rejectedSpans).toBe("1");
    expect(body.partialSuccess.errorMessage).toContain("missing startTimeUnixNano");
    expect(await countSpans(traceId)).toBe(0);
  });

  it("leaves calls with negative tokens unpriced", async () => {
    const traceId = newTraceId();
    const request = traceRequest([
      jsonSpan({
        traceId,
        spanId: spanIdOf(1),
        start: "2026-10-08T00:00:00Z",
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.usage.input_tokens": -5,
          "gen_ai.usage.output_tokens": 100,
          "gen_ai.workflow.name": "negative-tokens",
        },
      }),
    ]);
    expect((await post(JSON.stringify(request))).status).toBe(200);
    const kpis = await workflowKpis("negative-tokens", "2026-10-08");
    expect(kpis?.unpricedCalls).toBe(1);
    expect(kpis?.costUsd).toBe("0");
  });

  it("does not count failed calls without usage as unpriced", async () => {
    const traceId = newTraceId();
    const request = traceRequest([
      jsonSpan({
        traceId,
        spanId: spanIdOf(1),
        start: "2026-10-09T00:00:00Z",
        statusCode: 2,
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.provider.name": "openai",
          "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.workflow.name": "failed-call",
        },
      }),
    ]);
    expect((await post(JSON.stringify(request))).status).toBe(200);
    const kpis = await workflowKpis("failed-call", "2026-10-09");
    expect(kpis?.llmCalls).toBe(1);
    expect(kpis?.unpricedCalls).toBe(0);
  });
});

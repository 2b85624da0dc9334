import { OTLPTraceExporter as OtlpHttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { createApiKey } from "@/lib/keys/api-keys";

import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let key: string;
let analystCookie: string;

beforeAll(async () => {
  server = await serveRoutes();
  analystCookie = (await sessionCookieFor("analyst")).cookie;
  key = (await createApiKey(await getDatabase(), { name: "exporter tests", kind: "ingest" })).secret;
});

afterAll(async () => {
  await server.close();
});

/** Emits one agent run with two LLM calls through the given exporter, dated on `day`. */
async function emitRun(exporter: SpanExporter, workflow: string, day: string): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "exporter-test" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("@opentelemetry/instrumentation-openai", "0.21.0");
  const start = new Date(`${day}T12:00:00Z`);
  const root = tracer.startSpan("invoke_agent reorder", {
    startTime: start,
    attributes: {
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.workflow.name": workflow,
      "finops.outcome": "completed",
      "finops.decisions": 2,
    },
  });
  const { context, trace } = await import("@opentelemetry/api");
  const parent = trace.setSpan(context.active(), root);
  const calls = [
    { model: "gpt-4o-mini", input: 2000, cached: 1800, output: 100 },
    { model: "gpt-4o-mini", input: 1200, cached: 0, output: 300 },
  ];
  for (const [index, call] of calls.entries()) {
    const span = tracer.startSpan(
      `chat ${call.model}`,
      {
        startTime: new Date(start.getTime() + 1000 * (index + 1)),
        attributes: {
          "gen_ai.operation.name": "chat",
          "gen_ai.system": "openai",
          "gen_ai.request.model": call.model,
          "gen_ai.response.model": `${call.model}-2024-07-18`,
          "gen_ai.usage.input_tokens": call.input,
          "gen_ai.usage.cache_read.input_tokens": call.cached,
          "gen_ai.usage.output_tokens": call.output,
          "gen_ai.input.messages": "secret prompt text",
        },
      },
      parent,
    );
    span.end(new Date(start.getTime() + 1000 * (index + 1) + 500));
  }
  root.end(new Date(start.getTime() + 5000));
  await provider.forceFlush();
  await provider.shutdown();
}

const exporters = [
  {
    name: "http/json",
    create: () =>
      new OtlpHttpJsonExporter({ url: `${server.url}/v1/traces`, headers: { Authorization: `Bearer ${key}` } }),
    day: "2026-08-10",
  },
  {
    name: "http/protobuf",
    create: () =>
      new OtlpProtoExporter({ url: `${server.url}/v1/traces`, headers: { Authorization: `Bearer ${key}` } }),
    day: "2026-08-11",
  },
  {
    name: "http/json+gzip",
    create: () =>
      new OtlpHttpJsonExporter({
        url: `${server.url}/v1/traces`,
        headers: { Authorization: `Bearer ${key}` },
        compression: CompressionAlgorithm.GZIP,
      }),
    day: "2026-08-12",
  },
  {
    name: "http/protobuf+gzip",
    create: () =>
      new OtlpProtoExporter({
        url: `${server.url}/v1/traces`,
        headers: { Authorization: `Bearer ${key}` },
        compression: CompressionAlgorithm.GZIP,
      }),
    day: "2026-08-13",
  },
];

describe.each(exporters)("OpenTelemetry $name exporter", ({ name, create, day }) => {
  it("reads back exact tokens and cost", async () => {
    const workflow = `exporter-${name.replace(/[/+]/g, "-")}`;
    await emitRun(create(), workflow, day);

    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const response = await fetch(`${server.url}/api/v1/kpis?from=${day}&to=${next.toISOString().slice(0, 10)}`, { headers: { cookie: analystCookie } });
    const report = (await response.json()) as { currency: string; workflows: Array<Record<string, unknown>> };
    const kpis = report.workflows.find((entry) => entry.workflow === workflow);

    // gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per million tokens.
    // Call 1: 200 × 0.15 + 1,800 × 0.075 + 100 × 0.60 = 225 micro-USD.
    // Call 2: 1,200 × 0.15 + 300 × 0.60 = 360 micro-USD.
    expect(report.currency).toBe("USD");
    expect(kpis?.runs).toBe(1);
    expect(kpis?.llmCalls).toBe(2);
    expect(kpis?.tokens).toBe(3600);
    expect(kpis?.costUsd).toBe("0.000585");
    expect(kpis?.decisions).toBe(2);
    expect(kpis?.costPerDecisionUsd).toBe("0.0002925");
    expect(kpis?.tokensPerCompletedOutcome).toBe("3600");

    const db = await getDatabase();
    const stored = await db.query<{ content: number }>(
      "select count(*)::int as content from spans where attributes ? 'gen_ai.input.messages'",
    );
    expect(stored[0]?.content).toBe(0);
  });
});

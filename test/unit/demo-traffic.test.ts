import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/scripts/demo/fake-openai-server";
import { sendHistory, type HistoryProgress } from "@/scripts/demo/history";
import { startLiveTraffic, type LiveRun } from "@/scripts/demo/live-traffic";
import { planWorkflowDay, WORKFLOW_PROFILES, WORKFLOWS } from "@/scripts/demo/plan";

import { decodeTraceRequest, type CapturedSpan } from "./demo-otlp-decode";

interface CapturedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

/** Records every request and answers with `status` and `responseBody`, empty by default. */
function startCaptureServer(status = 200, responseBody?: Uint8Array): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.writeHead(status, { "content-type": "application/x-protobuf" });
      response.end(responseBody ?? "");
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

const API_KEY = "il_test_ingest_key";
const END_DAY = "2026-03-31";
const DAYS = ["2026-03-29", "2026-03-30", "2026-03-31"];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function captureServer(status = 200, responseBody?: Uint8Array): Promise<CaptureServer> {
  const server = await startCaptureServer(status, responseBody);
  cleanups.push(server.close);
  return server;
}

function decodeAll(requests: CapturedRequest[]): CapturedSpan[] {
  return requests.flatMap((request) => decodeTraceRequest(request.body));
}

function dayOf(nanos: bigint): string {
  return new Date(Number(nanos / 1_000_000n)).toISOString().slice(0, 10);
}

describe("sendHistory", () => {
  it("delivers protobuf with the key", async () => {
    const capture = await captureServer();
    const progress: HistoryProgress[] = [];
    const result = await sendHistory({
      endpoint: capture.url,
      apiKey: API_KEY,
      days: 3,
      endDate: END_DAY,
      seed: "traffic-test",
      onProgress: (step) => progress.push(step),
    });

    expect(capture.requests.length).toBeGreaterThan(0);
    for (const request of capture.requests) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/v1/traces");
      expect(request.headers["content-type"]).toBe("application/x-protobuf");
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.body.length).toBeGreaterThan(0);
    }
    const allBytes = Buffer.concat(capture.requests.map((request) => request.body));
    expect(allBytes.includes("gen_ai.usage.input_tokens")).toBe(true);
    for (const workflow of WORKFLOWS) expect(allBytes.includes(workflow), workflow).toBe(true);

    expect(progress.map((step) => step.day)).toEqual(DAYS);
    expect(progress.at(-1)).toMatchObject({ dayNumber: 3, days: 3, ...result });
  });

  it("sends every planned span", async () => {
    const capture = await captureServer();
    const result = await sendHistory({
      endpoint: `${capture.url}/`,
      apiKey: API_KEY,
      days: 3,
      endDate: new Date(`${END_DAY}T12:00:00Z`),
      seed: "traffic-test",
    });
    const spans = decodeAll(capture.requests);
    const roots = spans.filter((span) => span.parentSpanId === "");

    expect(spans).toHaveLength(result.spans);
    expect(roots).toHaveLength(result.runs);
    expect(new Set(spans.map((span) => span.spanId)).size).toBe(spans.length);

    DAYS.forEach((day, index) => {
      for (const workflow of WORKFLOWS) {
        const planned = planWorkflowDay({
          workflow,
          day,
          daysBeforeEnd: DAYS.length - 1 - index,
          seed: "traffic-test",
        });
        const sent = roots.filter(
          (root) =>
            root.attributes["gen_ai.workflow.name"] === workflow &&
            dayOf(root.startTimeUnixNano) === day,
        );
        expect(sent.length, `${workflow} ${day}`).toBe(planned.length);
      }
    });
  });

  it("links spans into runs", async () => {
    const capture = await captureServer();
    await sendHistory({ endpoint: capture.url, apiKey: API_KEY, days: 3, endDate: END_DAY });
    const spans = decodeAll(capture.requests);
    const byId = new Map(spans.map((span) => [span.spanId, span]));

    for (const span of spans) {
      expect(DAYS).toContain(dayOf(span.startTimeUnixNano));
      expect(span.endTimeUnixNano).toBeGreaterThanOrEqual(span.startTimeUnixNano);
      if (span.parentSpanId === "") continue;
      const parent = byId.get(span.parentSpanId);
      expect(parent?.traceId).toBe(span.traceId);
      expect(parent?.attributes["gen_ai.operation.name"]).toBe("invoke_agent");
      expect(span.startTimeUnixNano).toBeGreaterThanOrEqual(parent?.startTimeUnixNano ?? 0n);
    }
  });

  it("sets GenAI attributes", async () => {
    const capture = await captureServer();
    await sendHistory({ endpoint: capture.url, apiKey: API_KEY, days: 2, endDate: END_DAY });
    const spans = decodeAll(capture.requests);

    const roots = spans.filter((span) => span.parentSpanId === "");
    for (const root of roots) {
      const workflow = root.attributes["gen_ai.workflow.name"] as (typeof WORKFLOWS)[number];
      expect(WORKFLOWS).toContain(workflow);
      expect(root.resource["service.name"]).toBe(WORKFLOW_PROFILES[workflow].serviceName);
      expect(["completed", "failed", "abandoned", "escalated"]).toContain(
        root.attributes["finops.outcome"],
      );
      expect(typeof root.attributes["finops.decisions"]).toBe("bigint");
    }

    const llmCalls = spans.filter((span) =>
      ["chat", "embeddings"].includes(span.attributes["gen_ai.operation.name"] as string),
    );
    expect(llmCalls.length).toBeGreaterThan(0);
    for (const call of llmCalls) {
      expect(call.kind).toBe(3);
      const input = call.attributes["gen_ai.usage.input_tokens"];
      if (input === undefined) {
        expect(call.statusCode, "only failed calls lack usage").toBe(2);
        continue;
      }
      const read = (call.attributes["gen_ai.usage.cache_read.input_tokens"] as bigint) ?? 0n;
      const write = (call.attributes["gen_ai.usage.cache_creation.input_tokens"] as bigint) ?? 0n;
      expect(input as bigint).toBeGreaterThanOrEqual(read + write);
      expect(call.attributes["gen_ai.response.model"]).toBeTypeOf("string");
    }
    const providers = new Set(llmCalls.map((call) => call.attributes["gen_ai.provider.name"]));
    expect([...providers].sort()).toEqual(["anthropic", "gcp.gemini", "openai"]);
  });

  it("repeats ids on resend", async () => {
    const first = await captureServer();
    const second = await captureServer();
    const options = { apiKey: API_KEY, days: 1, endDate: END_DAY, seed: 7 };
    await sendHistory({ ...options, endpoint: first.url });
    await sendHistory({ ...options, endpoint: second.url });

    const ids = (server: CaptureServer) =>
      decodeAll(server.requests)
        .map((span) => `${span.traceId}/${span.spanId}`)
        .sort();
    expect(ids(second)).toEqual(ids(first));
  });

  it("rejects a failed export", async () => {
    const capture = await captureServer(401);
    await expect(
      sendHistory({ endpoint: capture.url, apiKey: "wrong", days: 1, endDate: END_DAY }),
    ).rejects.toThrow(/HTTP 401/);
  });
});

/**
 * ExportTraceServiceResponse with partial_success (field 1) holding
 * rejected_spans (field 1) = 1 and error_message (field 2) = "bad".
 */
const PARTIAL_SUCCESS_RESPONSE = Buffer.from([
  0x0a, 0x07, 0x08, 0x01, 0x12, 0x03, 0x62, 0x61, 0x64,
]);

describe("sendHistory receiver rejections", () => {
  it("rejects on partial success", async () => {
    const capture = await captureServer(200, PARTIAL_SUCCESS_RESPONSE);
    await expect(
      sendHistory({ endpoint: capture.url, apiKey: API_KEY, days: 1, endDate: END_DAY }),
    ).rejects.toThrow(/partial success.*bad/);
  });
});

describe("startLiveTraffic", () => {
  it("exports instrumented OpenAI calls", async () => {
    const capture = await captureServer();
    const openAi: FakeOpenAiServer = await startFakeOpenAiServer();
    cleanups.push(openAi.close);

    const runs: LiveRun[] = [];
    const errors: Error[] = [];
    await new Promise<void>((resolve) => {
      const traffic = startLiveTraffic({
        endpoint: capture.url,
        apiKey: API_KEY,
        openAiBaseUrl: openAi.url,
        intervalMs: 10,
        workflows: ["supplier-reorder", "ledger-close"],
        onError: (error) => errors.push(error),
        onRun: (run) => {
          runs.push(run);
          if (runs.length === 2) resolve(traffic.stop());
        },
      });
    });

    expect(errors).toEqual([]);
    expect(runs.map((run) => run.outcome)).toEqual(["completed", "completed"]);
    expect(capture.requests.length).toBeGreaterThan(0);
    expect(capture.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);

    const spans = decodeAll(capture.requests);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const chats = spans.filter((span) => span.attributes["gen_ai.operation.name"] === "chat");
    expect(chats.length).toBeGreaterThanOrEqual(4);
    for (const chat of chats) {
      expect(chat.scopeName).toBe("@opentelemetry/instrumentation-openai");
      expect(chat.attributes["gen_ai.system"]).toBe("openai");
      expect(chat.attributes["gen_ai.usage.input_tokens"] as bigint).toBeGreaterThan(1_024n);
      expect(chat.attributes["gen_ai.usage.output_tokens"] as bigint).toBeGreaterThan(0n);
      const parent = byId.get(chat.parentSpanId);
      expect(parent?.attributes["gen_ai.operation.name"]).toBe("invoke_agent");
      expect(parent?.attributes["finops.outcome"]).toBe("completed");
    }
    const withMaxTokens = chats.filter(
      (chat) => chat.attributes["gen_ai.request.max_tokens"] === 800n,
    );
    expect(withMaxTokens).toHaveLength(chats.length / 2);

    const workflows = chats.map(
      (chat) => byId.get(chat.parentSpanId)?.attributes["gen_ai.workflow.name"],
    );
    expect(new Set(workflows)).toEqual(new Set(["supplier-reorder", "ledger-close"]));

    const embeddings = spans.filter(
      (span) => span.attributes["gen_ai.operation.name"] === "embeddings",
    );
    expect(embeddings).toHaveLength(1);
    expect(embeddings[0]?.attributes["gen_ai.usage.input_tokens"] as bigint).toBeGreaterThan(0n);
  });
});

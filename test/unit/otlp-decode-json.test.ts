import { readFileSync } from "node:fs";
import path from "node:path";

import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";

import { decodeJsonRequest, parseOtlpJson } from "@/lib/otlp/decode-json";
import { OtlpDecodeError } from "@/lib/otlp/types";
import { normalizeSpan } from "@/lib/spans/normalize";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples/otlp");
const SPAN_PATH = "resourceSpans[0].scopeSpans[0].spans[0]";

type Json = Record<string, unknown>;

function requestWith(span: Json): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: "reorder" } }] },
        scopeSpans: [{ scope: { name: "test-scope", version: "1.0.0" }, spans: [span] }],
      },
    ],
  });
}

function chatSpan(overrides: Json = {}): Json {
  return {
    traceId: "5b8efff798038103d269b633813fc60c",
    spanId: "eee19b7ec3c1b174",
    name: "chat gpt-4o-mini",
    kind: 3,
    startTimeUnixNano: "1544712660000000000",
    endTimeUnixNano: "1544712661000000000",
    attributes: [
      { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
      { key: "gen_ai.usage.input_tokens", value: { intValue: "1200" } },
      { key: "gen_ai.usage.output_tokens", value: { intValue: 300 } },
      { key: "gen_ai.request.model", value: { stringValue: "gpt-4o-mini" } },
    ],
    ...overrides,
  };
}

function decodeText(text: string) {
  return decodeJsonRequest(parseOtlpJson(text));
}

function decodeError(run: () => unknown): OtlpDecodeError {
  try {
    run();
  } catch (error) {
    if (error instanceof OtlpDecodeError) return error;
    throw error;
  }
  throw new Error("expected an OtlpDecodeError");
}

describe("decodeJsonRequest int64 values", () => {
  it("accepts intValue as string and number", () => {
    const { spans } = decodeText(requestWith(chatSpan()));
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes["gen_ai.usage.input_tokens"]).toBe(1200n);
    expect(spans[0]?.attributes["gen_ai.usage.output_tokens"]).toBe(300n);
  });

  it("keeps 9007199254740993 exact in both forms", () => {
    const text = requestWith(
      chatSpan({
        attributes: [
          { key: "as.string", value: { intValue: "9007199254740993" } },
          { key: "as.number", value: { intValue: 0 } },
        ],
      }),
    ).replace('"intValue":0', '"intValue":9007199254740993');
    const attributes = decodeText(text).spans[0]?.attributes ?? {};
    expect(attributes["as.string"]).toBe(9007199254740993n);
    expect(attributes["as.number"]).toBe(9007199254740993n);
  });

  it("round-trips 9007199254740993 into attributesJson", () => {
    const text = requestWith(
      chatSpan({ attributes: [{ key: "big", value: { intValue: "9007199254740993" } }] }),
    );
    const span = decodeText(text).spans[0];
    if (span === undefined) throw new Error("span missing");
    const json = normalizeSpan(span).attributesJson;
    expect(json).toBe('{"big":9007199254740993}');
    expect(parseOtlpJson(json)).toEqual({ big: 9007199254740993n });
  });

  it("rejects 12x naming the exact path", () => {
    const span = chatSpan();
    (span.attributes as Json[])[1] = {
      key: "gen_ai.usage.input_tokens",
      value: { intValue: "12x" },
    };
    const error = decodeError(() => decodeText(requestWith(span)));
    expect(error.field).toBe(`${SPAN_PATH}.attributes[1].value.intValue`);
    expect(error.message).toContain('"12x"');
  });

  it("rejects a fractional intValue", () => {
    const span = chatSpan({ attributes: [{ key: "n", value: { intValue: 1.5 } }] });
    const error = decodeError(() => decodeText(requestWith(span)));
    expect(error.field).toBe(`${SPAN_PATH}.attributes[0].value.intValue`);
  });

  it("rejects an intValue beyond int64", () => {
    const span = chatSpan({
      attributes: [{ key: "n", value: { intValue: "9223372036854775808" } }],
    });
    const error = decodeError(() => decodeText(requestWith(span)));
    expect(error.field).toBe(`${SPAN_PATH}.attributes[0].value.intValue`);
  });

  it("keeps nanosecond times exact as bare numbers", () => {
    const text = requestWith(chatSpan({ startTimeUnixNano: 0, endTimeUnixNano: 1 }))
      .replace('"startTimeUnixNano":0', '"startTimeUnixNano":1700000000123456789')
      .replace('"endTimeUnixNano":1', '"endTimeUnixNano":1700000000987654321');
    const span = decodeText(text).spans[0];
    expect(span?.startTimeUnixNano).toBe(1700000000123456789n);
    expect(span?.endTimeUnixNano).toBe(1700000000987654321n);
  });

  it("rejects a negative time", () => {
    const error = decodeError(() =>
      decodeText(requestWith(chatSpan({ endTimeUnixNano: "-1" }))),
    );
    expect(error.field).toBe(`${SPAN_PATH}.endTimeUnixNano`);
  });
});

describe("decodeJsonRequest ids", () => {
  it("rejects a base64 trace id naming the field", () => {
    const span = chatSpan({ traceId: "W47/95gDgQPSabYzgT/GDA==" });
    const error = decodeError(() => decodeText(requestWith(span)));
    expect(error.field).toBe(`${SPAN_PATH}.traceId`);
    expect(error.message).toContain("hex");
  });

  it("rejects a span id of the wrong length", () => {
    const error = decodeError(() =>
      decodeText(requestWith(chatSpan({ spanId: "eee19b7ec3c1b1" }))),
    );
    expect(error.field).toBe(`${SPAN_PATH}.spanId`);
  });

  it("lower-cases upper-case hex ids", () => {
    const span = chatSpan({
      traceId: "5B8EFFF798038103D269B633813FC60C",
      spanId: "EEE19B7EC3C1B174",
      parentSpanId: "EEE19B7EC3C1B173",
    });
    const decoded = decodeText(requestWith(span)).spans[0];
    expect(decoded?.traceId).toBe("5b8efff798038103d269b633813fc60c");
    expect(decoded?.spanId).toBe("eee19b7ec3c1b174");
    expect(decoded?.parentSpanId).toBe("eee19b7ec3c1b173");
  });

  it("treats an empty parent id as a root", () => {
    const decoded = decodeText(requestWith(chatSpan({ parentSpanId: "" }))).spans[0];
    expect(decoded?.parentSpanId).toBeNull();
  });

  it("rejects all-zero ids as partial success", () => {
    const body = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                chatSpan({ traceId: "00000000000000000000000000000000" }),
                chatSpan({ spanId: "0000000000000000" }),
                chatSpan({ spanId: "eee19b7ec3c1b175" }),
                chatSpan({ spanId: undefined }),
              ],
            },
          ],
        },
      ],
    };
    const result = decodeText(JSON.stringify(body));
    expect(result.spans.map((span) => span.spanId)).toEqual(["eee19b7ec3c1b175"]);
    expect(result.spans[0]?.path).toBe("resourceSpans[0].scopeSpans[0].spans[2]");
    expect(result.rejected).toEqual([
      { path: "resourceSpans[0].scopeSpans[0].spans[0]", reason: "invalid trace id: all zeros" },
      { path: "resourceSpans[0].scopeSpans[0].spans[1]", reason: "invalid span id: all zeros" },
      { path: "resourceSpans[0].scopeSpans[0].spans[3]", reason: "missing span id" },
    ]);
  });
});

describe("decodeJsonRequest values", () => {
  it("decodes every AnyValue kind", () => {
    const span = chatSpan({
      attributes: [
        { key: "s", value: { stringValue: "text" } },
        { key: "b", value: { boolValue: true } },
        { key: "d", value: { doubleValue: 72.5 } },
        { key: "nan", value: { doubleValue: "NaN" } },
        { key: "bytes", value: { bytesValue: "AAAwOQ==" } },
        {
          key: "list",
          value: { arrayValue: { values: [{ intValue: "1" }, { stringValue: "two" }, {}] } },
        },
        {
          key: "map",
          value: { kvlistValue: { values: [{ key: "inner", value: { boolValue: false } }] } },
        },
        { key: "empty", value: {} },
      ],
    });
    const attributes = decodeText(requestWith(span)).spans[0]?.attributes ?? {};
    expect(attributes.s).toBe("text");
    expect(attributes.b).toBe(true);
    expect(attributes.d).toBe(72.5);
    expect(attributes.nan).toBeNaN();
    expect(attributes.bytes).toEqual(new Uint8Array([0, 0, 48, 57]));
    expect(attributes.list).toEqual([1n, "two", null]);
    expect(attributes.map).toEqual({ inner: false });
    expect(attributes.empty).toBeNull();
  });

  it("names the path of a bad nested value", () => {
    const span = chatSpan({
      attributes: [
        {
          key: "list",
          value: { arrayValue: { values: [{ intValue: "1" }, { intValue: "x" }] } },
        },
      ],
    });
    const error = decodeError(() => decodeText(requestWith(span)));
    expect(error.field).toBe(`${SPAN_PATH}.attributes[0].value.arrayValue.values[1].intValue`);
  });

  it("rejects invalid base64 bytes", () => {
    const span = chatSpan({ attributes: [{ key: "b", value: { bytesValue: "not base64!" } }] });
    const error = decodeError(() => decodeText(requestWith(span)));
    expect(error.field).toBe(`${SPAN_PATH}.attributes[0].value.bytesValue`);
  });

  it("accepts proto field names", () => {
    const body = {
      resource_spans: [
        {
          scope_spans: [
            {
              spans: [
                {
                  trace_id: "5b8efff798038103d269b633813fc60c",
                  span_id: "eee19b7ec3c1b174",
                  parent_span_id: "eee19b7ec3c1b173",
                  start_time_unix_nano: "5",
                  end_time_unix_nano: "6",
                  attributes: [{ key: "n", value: { int_value: "7" } }],
                },
              ],
            },
          ],
        },
      ],
    };
    const span = decodeText(JSON.stringify(body)).spans[0];
    expect(span?.parentSpanId).toBe("eee19b7ec3c1b173");
    expect(span?.startTimeUnixNano).toBe(5n);
    expect(span?.attributes.n).toBe(7n);
  });

  it("reads kind and status by number or name", () => {
    const span = chatSpan({
      kind: "SPAN_KIND_CLIENT",
      status: { code: 2, message: "rate limited" },
    });
    const decoded = decodeText(requestWith(span)).spans[0];
    expect(decoded?.kind).toBe(3);
    expect(decoded?.statusCode).toBe(2);
    expect(decoded?.statusMessage).toBe("rate limited");
  });

  it("ignores unknown fields", () => {
    const span = chatSpan({ futureField: { nested: [1, 2] }, flags: 257 });
    const result = decodeText(requestWith(span));
    expect(result.spans).toHaveLength(1);
  });

  it("rejects a non-array resourceSpans", () => {
    const error = decodeError(() => decodeText('{"resourceSpans":{}}'));
    expect(error.field).toBe("resourceSpans");
  });

  it("decodes an empty request", () => {
    expect(decodeText("{}")).toEqual({ spans: [], rejected: [] });
  });
});

describe("decodeJsonRequest samples", () => {
  it("decodes the opentelemetry-proto example", () => {
    const text = readFileSync(path.join(SAMPLES, "otel-proto-examples-trace.json"), "utf8");
    const { spans, rejected } = decodeText(text);
    expect(rejected).toEqual([]);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.traceId).toBe("5b8efff798038103d269b633813fc60c");
    expect(spans[0]?.kind).toBe(2);
    expect(spans[0]?.startTimeUnixNano).toBe(1544712660000000000n);
    expect(spans[0]?.scope).toEqual({ name: "my.library", version: "1.0.0" });
    expect(spans[0]?.resource["service.name"]).toBe("my.service");
  });

  it("decodes the Jaeger example trace", () => {
    const text = readFileSync(path.join(SAMPLES, "jaeger-example_trace.json"), "utf8");
    const { spans, rejected } = decodeText(text);
    expect(rejected).toEqual([]);
    expect(spans).toHaveLength(5);
    expect(spans[0]?.scope).toEqual({ name: "", version: "" });
  });

  it("decodes the Jaeger OTLP trace", () => {
    const text = readFileSync(path.join(SAMPLES, "jaeger-otel_traces_01.json"), "utf8");
    const { spans, rejected } = decodeText(text);
    expect(rejected).toEqual([]);
    expect(spans).toHaveLength(4);
    expect(spans[0]?.statusCode).toBe(2);
    expect(spans[0]?.attributes["peer.ipv4"]).toBe(23456n);
    expect(spans[0]?.attributes.blob).toEqual(new Uint8Array([0, 0, 48, 57]));
    expect(spans[0]?.attributes.temperature).toBe(72.5);
  });
});

describe("decodeJsonRequest with otlp-transformer", () => {
  it("matches the spans the SDK serialized", () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "ledger-test" }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer("@opentelemetry/instrumentation-openai", "0.21.0");
    const parent = tracer.startSpan("invoke_agent", { startTime: [1700000000, 1] });
    const child = tracer.startSpan(
      "chat gpt-4o-mini",
      {
        kind: SpanKind.CLIENT,
        startTime: [1700000000, 123456789],
        attributes: { "gen_ai.usage.input_tokens": 2 ** 40 + 1, ratio: 0.25, tags: ["a", "b"] },
      },
      trace.setSpan(context.active(), parent),
    );
    child.setStatus({ code: SpanStatusCode.ERROR, message: "boom" });
    child.end([1700000001, 5]);
    parent.end([1700000002, 0]);

    const [childSpan, parentSpan] = exporter.getFinishedSpans();
    if (childSpan === undefined || parentSpan === undefined) throw new Error("spans missing");
    const bytes = JsonTraceSerializer.serializeRequest([childSpan, parentSpan]);
    const { spans } = decodeText(new TextDecoder().decode(bytes));

    expect(spans).toHaveLength(2);
    const decoded = spans[0];
    expect(decoded?.traceId).toBe(childSpan.spanContext().traceId);
    expect(decoded?.spanId).toBe(childSpan.spanContext().spanId);
    expect(decoded?.parentSpanId).toBe(parentSpan.spanContext().spanId);
    expect(spans[1]?.parentSpanId).toBeNull();
    expect(decoded?.kind).toBe(3);
    expect(decoded?.startTimeUnixNano).toBe(1700000000123456789n);
    expect(decoded?.endTimeUnixNano).toBe(1700000001000000005n);
    expect(decoded?.attributes).toEqual({
      "gen_ai.usage.input_tokens": 1099511627777n,
      ratio: 0.25,
      tags: ["a", "b"],
    });
    expect(decoded?.statusCode).toBe(2);
    expect(decoded?.statusMessage).toBe("boom");
    expect(decoded?.scope).toEqual({
      name: "@opentelemetry/instrumentation-openai",
      version: "0.21.0",
    });
  });
});

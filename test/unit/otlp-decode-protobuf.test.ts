import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";

import { decodeJsonRequest, parseOtlpJson } from "@/lib/otlp/decode-json";
import {
  decodeProtobufRequest,
  encodeExportTraceServiceResponse,
} from "@/lib/otlp/decode-protobuf";
import { OtlpDecodeError } from "@/lib/otlp/types";

const SPAN_PATH = "resourceSpans[0].scopeSpans[0].spans[0]";

/** Records an agent span and a chat span below it with the real SDK. */
function recordSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "ledger-test", "host.cpus": 8 }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("@opentelemetry/instrumentation-openai", "0.21.0");
  const parent = tracer.startSpan("invoke_agent", { startTime: [1700000000, 1] });
  const child = tracer.startSpan(
    "chat gpt-4o-mini",
    {
      kind: SpanKind.CLIENT,
      startTime: [1700000000, 123456789],
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.usage.input_tokens": 1200,
        "big.int": 2 ** 60,
        "negative.int": -5,
        ratio: 0.25,
        flag: true,
        "gen_ai.response.finish_reasons": ["stop", "length"],
        label: "déjà vu, a key with non-ASCII text that is longer than thirty-two bytes",
      },
    },
    trace.setSpan(context.active(), parent),
  );
  child.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
  child.end([1700000001, 5]);
  parent.end([1700000002, 0]);
  return exporter.getFinishedSpans();
}

/** Encodes a varint. This and the helpers below build requests the SDK cannot produce. */
function varint(value: number | bigint): number[] {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return bytes;
}

function field(number: number, payload: number[] | string): number[] {
  const bytes = typeof payload === "string" ? [...new TextEncoder().encode(payload)] : payload;
  return [...varint((number << 3) | 2), ...varint(bytes.length), ...bytes];
}

function fixed64(number: number, value: bigint): number[] {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, value, true);
  return [...varint((number << 3) | 1), ...bytes];
}

function hexBytes(hex: string): number[] {
  return (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
}

function requestOf(spans: number[][], extra: { resourceFirst?: boolean } = {}): Uint8Array {
  const resource = field(1, field(1, [...field(1, "service.name"), ...field(2, field(1, "svc"))]));
  const scopeSpans = field(2, [
    ...spans.flatMap((span) => field(2, span)),
    ...field(1, [...field(1, "late-scope"), ...field(2, "2.0")]),
  ]);
  const body =
    extra.resourceFirst === false ? [...scopeSpans, ...resource] : [...resource, ...scopeSpans];
  return Uint8Array.from(field(1, body));
}

/** A span with usable times; `more` fields come last, so they override the defaults. */
function spanOf(traceId: string, spanId: string, more: number[] = []): number[] {
  const times = [...fixed64(7, 1n), ...fixed64(8, 1n << 62n)];
  return [...field(1, hexBytes(traceId)), ...field(2, hexBytes(spanId)), ...field(5, "s"), ...times, ...more];
}

const TRACE_ID = "5b8efff798038103d269b633813fc60c";
const SPAN_ID = "eee19b7ec3c1b174";

function decodeError(run: () => unknown): OtlpDecodeError {
  try {
    run();
  } catch (error) {
    if (error instanceof OtlpDecodeError) return error;
    throw error;
  }
  throw new Error("expected an OtlpDecodeError");
}

describe("decodeProtobufRequest with otlp-transformer", () => {
  const spans = recordSpans();
  const [child, parent] = spans;
  if (child === undefined || parent === undefined) throw new Error("spans missing");
  const bytes = ProtobufTraceSerializer.serializeRequest(spans);
  if (bytes === undefined) throw new Error("serializer returned nothing");

  it("decodes ids and times exactly", () => {
    const [decoded, decodedParent] = decodeProtobufRequest(bytes).spans;
    expect(decoded?.traceId).toBe(child.spanContext().traceId);
    expect(decoded?.spanId).toBe(child.spanContext().spanId);
    expect(decoded?.parentSpanId).toBe(parent.spanContext().spanId);
    expect(decodedParent?.parentSpanId).toBeNull();
    expect(decoded?.startTimeUnixNano).toBe(1700000000123456789n);
    expect(decoded?.endTimeUnixNano).toBe(1700000001000000005n);
    expect(decoded?.path).toBe(SPAN_PATH);
  });

  it("decodes attributes of every type", () => {
    const decoded = decodeProtobufRequest(bytes).spans[0];
    expect(decoded?.attributes).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.usage.input_tokens": 1200n,
      "big.int": 1152921504606846976n,
      "negative.int": -5n,
      ratio: 0.25,
      flag: true,
      "gen_ai.response.finish_reasons": ["stop", "length"],
      label: "déjà vu, a key with non-ASCII text that is longer than thirty-two bytes",
    });
  });

  it("decodes resource, scope, kind and status", () => {
    const decoded = decodeProtobufRequest(bytes).spans[0];
    expect(decoded?.resource["service.name"]).toBe("ledger-test");
    expect(decoded?.resource["host.cpus"]).toBe(8n);
    expect(decoded?.scope).toEqual({
      name: "@opentelemetry/instrumentation-openai",
      version: "0.21.0",
    });
    expect(decoded?.kind).toBe(3);
    expect(decoded?.name).toBe("chat gpt-4o-mini");
    expect(decoded?.statusCode).toBe(2);
    expect(decoded?.statusMessage).toBe("rate limited");
  });

  it("agrees with the JSON decoder", () => {
    const json = new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));
    const fromJson = decodeJsonRequest(parseOtlpJson(json));
    const fromProtobuf = decodeProtobufRequest(bytes);
    // JSON.stringify writes 2^60 in its shortest double form, so compare the rest.
    for (const request of [fromJson, fromProtobuf]) delete request.spans[0]?.attributes["big.int"];
    expect(fromProtobuf).toEqual(fromJson);
  });

  it("rejects every truncated prefix", () => {
    for (let length = 1; length < bytes.length; length++) {
      expect(() => decodeProtobufRequest(bytes.subarray(0, length))).toThrow(OtlpDecodeError);
    }
  });
});

describe("decodeProtobufRequest hand-built requests", () => {
  it("rejects a short trace id naming the field", () => {
    const request = requestOf([spanOf("5b8efff798038103", SPAN_ID)]);
    const error = decodeError(() => decodeProtobufRequest(request));
    expect(error.field).toBe(`${SPAN_PATH}.traceId`);
    expect(error.message).toContain("8 bytes, expected 16");
  });

  it("rejects a long span id naming the field", () => {
    const request = requestOf([spanOf(TRACE_ID, `${SPAN_ID}00`)]);
    expect(decodeError(() => decodeProtobufRequest(request)).field).toBe(`${SPAN_PATH}.spanId`);
  });

  it("rejects all-zero and missing ids as partial success", () => {
    const request = requestOf([
      spanOf("0".repeat(32), SPAN_ID),
      spanOf(TRACE_ID, "0".repeat(16)),
      spanOf(TRACE_ID, SPAN_ID),
      [...field(5, "no ids"), ...fixed64(7, 1n), ...fixed64(8, 2n)],
    ]);
    const result = decodeProtobufRequest(request);
    expect(result.spans.map((span) => span.path)).toEqual([
      "resourceSpans[0].scopeSpans[0].spans[2]",
    ]);
    expect(result.rejected).toEqual([
      { path: "resourceSpans[0].scopeSpans[0].spans[0]", reason: "invalid trace id: all zeros" },
      { path: "resourceSpans[0].scopeSpans[0].spans[1]", reason: "invalid span id: all zeros" },
      { path: "resourceSpans[0].scopeSpans[0].spans[3]", reason: "missing trace id" },
    ]);
  });

  it("rejects spans without usable times", () => {
    const request = requestOf([
      spanOf(TRACE_ID, SPAN_ID, fixed64(7, 0n)),
      spanOf(TRACE_ID, "eee19b7ec3c1b175", fixed64(8, 0n)),
      spanOf(TRACE_ID, "eee19b7ec3c1b176", [...fixed64(7, 10n), ...fixed64(8, 9n)]),
    ]);
    const result = decodeProtobufRequest(request);
    expect(result.spans).toEqual([]);
    expect(result.rejected.map((span) => span.reason)).toEqual([
      "missing startTimeUnixNano",
      "missing endTimeUnixNano",
      "endTimeUnixNano 9 is before startTimeUnixNano 10",
    ]);
  });

  it("skips unknown fields of every wire type", () => {
    const unknown = [
      ...varint((99 << 3) | 0),
      ...varint(300),
      ...varint((98 << 3) | 5),
      1,
      2,
      3,
      4,
      ...fixed64(97, 7n),
      ...field(96, "ignored"),
    ];
    const request = requestOf([spanOf(TRACE_ID, SPAN_ID, [...unknown, ...fixed64(7, 42n)])]);
    const span = decodeProtobufRequest(request).spans[0];
    expect(span?.startTimeUnixNano).toBe(42n);
  });

  it("accepts resource and scope after the spans", () => {
    const request = requestOf([spanOf(TRACE_ID, SPAN_ID)], { resourceFirst: false });
    const span = decodeProtobufRequest(request).spans[0];
    expect(span?.resource).toEqual({ "service.name": "svc" });
    expect(span?.scope).toEqual({ name: "late-scope", version: "2.0" });
  });

  it("names the path of a bad attribute value", () => {
    const badValue = field(2, [...varint((3 << 3) | 2), 0]);
    const attribute = field(9, [...field(1, "n"), ...badValue]);
    const request = requestOf([spanOf(TRACE_ID, SPAN_ID, attribute)]);
    const error = decodeError(() => decodeProtobufRequest(request));
    expect(error.field).toBe(`${SPAN_PATH}.attributes[0].value.intValue`);
    expect(error.message).toContain("wire type 2, expected 0");
  });

  it("decodes negative and 64-bit ints exactly", () => {
    const values = [-1n, -(2n ** 63n), 2n ** 63n - 1n, 9007199254740993n, 0n, 127n, 128n];
    const attributes = values.flatMap((value, i) =>
      field(9, [...field(1, `n${i}`), ...field(2, [...varint(3 << 3), ...varint(value)])]),
    );
    const span = decodeProtobufRequest(requestOf([spanOf(TRACE_ID, SPAN_ID, attributes)])).spans[0];
    expect(values.map((_, i) => span?.attributes[`n${i}`])).toEqual(values);
  });

  it("decodes kvlist and bytes values", () => {
    const kvlist = field(6, field(1, [...field(1, "inner"), ...field(2, field(1, "x"))]));
    const attributes = [
      ...field(9, [...field(1, "map"), ...field(2, kvlist)]),
      ...field(9, [...field(1, "raw"), ...field(2, field(7, [0, 255]))]),
      ...field(9, [...field(1, "empty"), ...field(2, [])]),
    ];
    const span = decodeProtobufRequest(requestOf([spanOf(TRACE_ID, SPAN_ID, attributes)])).spans[0];
    expect(span?.attributes.map).toEqual({ inner: "x" });
    expect(span?.attributes.raw).toEqual(new Uint8Array([0, 255]));
    expect(span?.attributes.empty).toBeNull();
  });

  it("decodes an empty request", () => {
    expect(decodeProtobufRequest(new Uint8Array(0))).toEqual({ spans: [], rejected: [] });
  });
});

describe("encodeExportTraceServiceResponse", () => {
  it("encodes full success as an empty message", () => {
    const bytes = encodeExportTraceServiceResponse(null);
    expect(bytes).toHaveLength(0);
    expect(ProtobufTraceSerializer.deserializeResponse(bytes)).toEqual({});
  });

  it("encodes a partial success the SDK can read", () => {
    const bytes = encodeExportTraceServiceResponse({
      rejectedSpans: 300,
      errorMessage: "2 spans had an all-zero trace id",
    });
    expect(ProtobufTraceSerializer.deserializeResponse(bytes)).toEqual({
      partialSuccess: { rejectedSpans: 300, errorMessage: "2 spans had an all-zero trace id" },
    });
  });

  it("rejects a negative count", () => {
    expect(() =>
      encodeExportTraceServiceResponse({ rejectedSpans: -1, errorMessage: "" }),
    ).toThrow(RangeError);
  });
});

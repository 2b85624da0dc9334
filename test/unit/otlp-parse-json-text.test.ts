import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseOtlpJson } from "@/lib/otlp/decode-json";
import { OtlpDecodeError } from "@/lib/otlp/types";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples/otlp");

describe("parseOtlpJson", () => {
  it("matches JSON.parse on the samples", () => {
    for (const file of ["otel-proto-examples-trace.json", "jaeger-otel_traces_01.json"]) {
      const text = readFileSync(path.join(SAMPLES, file), "utf8");
      expect(parseOtlpJson(text)).toEqual(JSON.parse(text));
    }
  });

  it("returns BigInt only beyond the safe range", () => {
    const parsed = parseOtlpJson(
      "[9007199254740991, 9007199254740993, -9007199254740993, 123456789012345678901, 1.5e3, 0]",
    );
    expect(parsed).toEqual([
      9007199254740991,
      9007199254740993n,
      -9007199254740993n,
      123456789012345678901n,
      1500,
      0,
    ]);
  });

  it("decodes string escapes", () => {
    const text = String.raw`{"a":"tab\tquote\"slash\/\u00e9\ud83d\ude00"}`;
    expect(parseOtlpJson(text)).toEqual(JSON.parse(text));
  });

  it("keeps __proto__ as a plain key", () => {
    const parsed = parseOtlpJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("skips a byte order mark", () => {
    expect(parseOtlpJson('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it.each([
    ["trailing comma", '{"a":1,}'],
    ["leading zero", "[01]"],
    ["unterminated string", '{"a":"b'],
    ["control character", '["a\nb"]'],
    ["bad escape", String.raw`["\x"]`],
    ["trailing text", "{} x"],
    ["empty input", ""],
    ["bare word", "[nope]"],
  ])("rejects %s", (_name, text) => {
    expect(() => parseOtlpJson(text)).toThrow(OtlpDecodeError);
  });

  it("rejects nesting past the limit", () => {
    const deep = "[".repeat(300) + "]".repeat(300);
    expect(() => parseOtlpJson(deep)).toThrow(/nesting deeper/);
  });

  it("names the body and offset in errors", () => {
    try {
      parseOtlpJson('{"a":tru}');
      throw new Error("expected a parse error");
    } catch (error) {
      expect(error).toBeInstanceOf(OtlpDecodeError);
      expect((error as OtlpDecodeError).field).toBe("body");
      expect((error as OtlpDecodeError).message).toContain("offset 5");
    }
  });
});

import { describe, expect, it } from "vitest";

import { JsonNumber, JsonSyntaxError, parseExactJson } from "@/lib/billing/parse-exact-json";

describe("parseExactJson", () => {
  it("keeps number literals as text", () => {
    const { value } = parseExactJson('[0.06, 1e-7, -12, 0.8958740000000000123, 9007199254740993]');
    expect(value).toEqual([
      new JsonNumber("0.06"),
      new JsonNumber("1e-7"),
      new JsonNumber("-12"),
      new JsonNumber("0.8958740000000000123"),
      new JsonNumber("9007199254740993"),
    ]);
  });

  it("reads strings, literals and nesting like JSON.parse", () => {
    const text = String.raw`{"a":"tab\tquote\"\u00e9","b":[true,false,null],"c":{"d":{}}}`;
    expect(parseExactJson(text).value).toEqual(JSON.parse(text));
  });

  it("records the line where each object starts", () => {
    const document = parseExactJson('{\n  "data": [\n    {"x": 1},\n\n    {"y": 2}\n  ]\n}');
    const root = document.value as { data: object[] };
    expect(document.lineOf(root)).toBe(1);
    expect(root.data.map((item) => document.lineOf(item))).toEqual([3, 5]);
  });

  it("keeps __proto__ as a plain key", () => {
    const value = parseExactJson('{"__proto__":{"polluted":true}}').value as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
  });

  const invalid: Array<[string, number]> = [
    ['{"a": 01}', 1],
    ['{"a":\n 1.}', 2],
    ['{"a": [1, 2', 1],
    ['{\n"a": "line\nbreak"}', 2],
    ['{"a": 1} x', 1],
    ["[1,]", 1],
  ];
  it.each(invalid)("rejects %j with its line", (text, line) => {
    let caught: unknown;
    try {
      parseExactJson(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JsonSyntaxError);
    expect((caught as JsonSyntaxError).line).toBe(line);
  });
});

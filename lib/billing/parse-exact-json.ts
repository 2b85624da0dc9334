/**
 * A JSON parser for billing API pages that keeps every number as its source
 * text, so `"amount": {"value": 0.06}` stays the decimal 0.06 and never
 * becomes the double nearest to it. It also records the line on which each
 * object starts, which the importers report as the source line.
 */

export class JsonNumber {
  constructor(readonly text: string) {}
}

export type ExactJsonValue =
  | string
  | boolean
  | null
  | JsonNumber
  | ExactJsonValue[]
  | { [key: string]: ExactJsonValue };

export type ExactJsonObject = { [key: string]: ExactJsonValue };

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`invalid JSON on line ${line}: ${detail}`);
    this.name = "JsonSyntaxError";
  }
}

export interface ExactJsonDocument {
  value: ExactJsonValue;
  /** 1-based line on which an object of this document starts. */
  lineOf(object: object): number | null;
}

/** Nesting limit, so a hostile page fails with an error instead of a stack overflow. */
const MAX_DEPTH = 128;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text; throws JsonSyntaxError with the line of the first error. */
export function parseExactJson(text: string): ExactJsonDocument {
  const parser = new ExactJsonParser(text);
  const value = parser.parseDocument();
  const lines = parser.objectLines;
  return { value, lineOf: (object) => lines.get(object) ?? null };
}

class ExactJsonParser {
  readonly objectLines = new WeakMap<object, number>();
  private pos = 0;
  private line = 1;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseDocument(): ExactJsonValue {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("unexpected text after the JSON value");
    return value;
  }

  private fail(detail: string): never {
    throw new JsonSyntaxError(this.line, detail);
  }

  private skipWhitespace(): void {
    for (;;) {
      const char = this.text[this.pos];
      if (char === "\n") this.line++;
      else if (char !== " " && char !== "\t" && char !== "\r") return;
      this.pos++;
    }
  }

  private parseValue(): ExactJsonValue {
    const char = this.text[this.pos];
    if (char === '"') return this.parseString();
    if (char === "{") return this.parseObject();
    if (char === "[") return this.parseArray();
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) {
      return this.parseNumber();
    }
    for (const [word, value] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    if (char === undefined) return this.fail("unexpected end of input");
    return this.fail(`unexpected ${JSON.stringify(char)}`);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  private parseObject(): ExactJsonObject {
    this.enter();
    const result: ExactJsonObject = {};
    this.objectLines.set(result, this.line);
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail("expected a string key");
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail('expected ":"');
      this.pos++;
      this.skipWhitespace();
      // defineProperty, because a plain assignment to "__proto__" would replace the prototype.
      Object.defineProperty(result, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      const separator = this.text[this.pos++];
      if (separator === "}") break;
      if (separator !== ",") this.fail('expected "," or "}"');
      this.skipWhitespace();
    }
    this.depth--;
    return result;
  }

  private parseArray(): ExactJsonValue[] {
    this.enter();
    const result: ExactJsonValue[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipWhitespace();
      const separator = this.text[this.pos++];
      if (separator === "]") break;
      if (separator !== ",") this.fail('expected "," or "]"');
      this.skipWhitespace();
    }
    this.depth--;
    return result;
  }

  private parseString(): string {
    let result = "";
    let chunkStart = ++this.pos;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail("unterminated string");
      if (code < 0x20) this.fail("control character in string");
      if (code === 0x22) break;
      if (code !== 0x5c) {
        this.pos++;
        continue;
      }
      result += this.text.slice(chunkStart, this.pos);
      const escape = this.text[this.pos + 1] ?? "";
      if (escape === "u") {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape");
        result += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const replacement = ESCAPES[escape];
        if (replacement === undefined) this.fail(`invalid escape "\\${escape}"`);
        result += replacement;
        this.pos += 2;
      }
      chunkStart = this.pos;
    }
    result += this.text.slice(chunkStart, this.pos);
    this.pos++;
    return result;
  }

  private parseNumber(): JsonNumber {
    NUMBER_PATTERN.lastIndex = this.pos;
    const match = NUMBER_PATTERN.exec(this.text);
    if (!match) return this.fail("invalid number");
    const next = this.text[this.pos + match[0].length];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) this.fail("invalid number");
    this.pos += match[0].length;
    return new JsonNumber(match[0]);
  }
}

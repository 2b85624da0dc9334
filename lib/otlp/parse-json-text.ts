/**
 * A JSON parser that keeps large integer literals exact.
 *
 * OTLP/JSON senders may write int64 values (attribute `intValue`, nanosecond
 * times) as bare numbers, and `JSON.parse` rounds any integer above 2^53 to the
 * nearest double. Node 20 has no access to a literal's source text in a
 * reviver, so this parser reads the text itself. An integer literal beyond
 * Number.MAX_SAFE_INTEGER becomes a BigInt, and every other value is what
 * `JSON.parse` would return.
 */
import { OtlpDecodeError } from "./types";

/** Nesting limit, so a hostile body fails with a 400 instead of a stack overflow. */
const MAX_DEPTH = 256;
/** Integer literals of at most 15 digits are below 10^15 < 2^53, so doubles hold them exactly. */
const SAFE_DIGITS = 15;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

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

/**
 * Parses JSON text like `JSON.parse`, except that integer literals outside the
 * safe range come back as BigInt. Throws OtlpDecodeError (field `body`) on
 * invalid JSON. A leading byte order mark is skipped.
 */
export function parseOtlpJson(text: string): unknown {
  const parser = new JsonTextParser(text);
  return parser.parseDocument();
}

class JsonTextParser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipWhitespace();
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("unexpected text after the JSON value");
    return value;
  }

  private fail(detail: string): never {
    throw new OtlpDecodeError("body", `invalid JSON at offset ${this.pos}: ${detail}`);
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
      pos++;
    }
    this.pos = pos;
  }

  private parseValue(): unknown {
    const code = this.text.charCodeAt(this.pos);
    if (code === QUOTE) return this.parseString();
    if (code === OPEN_BRACE) return this.parseObject();
    if (code === OPEN_BRACKET) return this.parseArray();
    if (code === MINUS || (code >= 0x30 && code <= 0x39)) return this.parseNumber();
    if (this.text.startsWith("true", this.pos)) return this.consumeLiteral(4, true);
    if (this.text.startsWith("false", this.pos)) return this.consumeLiteral(5, false);
    if (this.text.startsWith("null", this.pos)) return this.consumeLiteral(4, null);
    if (Number.isNaN(code)) this.fail("unexpected end of input");
    return this.fail(`unexpected character ${JSON.stringify(this.text[this.pos])}`);
  }

  private consumeLiteral<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  private parseObject(): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === CLOSE_BRACE) {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== QUOTE) this.fail("expected a string key");
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text.charCodeAt(this.pos) !== COLON) this.fail('expected ":"');
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue();
      if (key === "__proto__") {
        // A plain assignment would replace the object's prototype.
        Object.defineProperty(result, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[key] = value;
      }
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.pos++);
      if (code === CLOSE_BRACE) break;
      if (code !== COMMA) this.fail('expected "," or "}"');
      this.skipWhitespace();
    }
    this.depth--;
    return result;
  }

  private parseArray(): unknown[] {
    this.enter();
    const result: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) === CLOSE_BRACKET) {
      this.pos++;
      this.depth--;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipWhitespace();
      const code = this.text.charCodeAt(this.pos++);
      if (code === CLOSE_BRACKET) break;
      if (code !== COMMA) this.fail('expected "," or "]"');
      this.skipWhitespace();
    }
    this.depth--;
    return result;
  }

  private parseString(): string {
    const text = this.text;
    const start = this.pos + 1;
    let pos = start;
    // Fast path: no escapes, so the value is one slice of the input.
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (code === BACKSLASH) break;
      if (code < 0x20 || Number.isNaN(code)) {
        this.pos = pos;
        this.fail(Number.isNaN(code) ? "unterminated string" : "control character in string");
      }
      pos++;
    }
    return this.parseEscapedString(start, pos);
  }

  private parseEscapedString(start: number, firstEscape: number): string {
    const text = this.text;
    let result = text.slice(start, firstEscape);
    let pos = firstEscape;
    let chunkStart = pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) break;
      if (Number.isNaN(code) || code < 0x20) {
        this.pos = pos;
        this.fail(Number.isNaN(code) ? "unterminated string" : "control character in string");
      }
      if (code !== BACKSLASH) {
        pos++;
        continue;
      }
      result += text.slice(chunkStart, pos);
      const escape = text[pos + 1] ?? "";
      if (escape === "u") {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.pos = pos;
          this.fail("invalid \\u escape");
        }
        result += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else {
        const replacement = ESCAPES[escape];
        if (replacement === undefined) {
          this.pos = pos;
          this.fail(`invalid escape "\\${escape}"`);
        }
        result += replacement;
        pos += 2;
      }
      chunkStart = pos;
    }
    this.pos = pos + 1;
    return result + text.slice(chunkStart, pos);
  }

  private parseNumber(): number | bigint {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === MINUS) pos++;

    const intStart = pos;
    pos = this.skipDigits(pos);
    const intDigits = pos - intStart;
    if (intDigits === 0) this.failAt(pos, "expected a digit");
    if (intDigits > 1 && text.charCodeAt(intStart) === 0x30) {
      this.failAt(intStart, "leading zero in number");
    }

    let isInteger = true;
    if (text.charCodeAt(pos) === 0x2e) {
      isInteger = false;
      const fractionStart = pos + 1;
      pos = this.skipDigits(fractionStart);
      if (pos === fractionStart) this.failAt(pos, "expected a digit after the decimal point");
    }

    const exponentMark = text.charCodeAt(pos);
    if (exponentMark === 0x65 || exponentMark === 0x45) {
      isInteger = false;
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === MINUS) pos++;
      const exponentStart = pos;
      pos = this.skipDigits(pos);
      if (pos === exponentStart) this.failAt(pos, "expected a digit in the exponent");
    }

    this.pos = pos;
    const literal = text.slice(start, pos);
    if (!isInteger || intDigits <= SAFE_DIGITS) return Number(literal);
    const exact = BigInt(literal);
    const rounded = Number(literal);
    return Number.isSafeInteger(rounded) ? rounded : exact;
  }

  private skipDigits(from: number): number {
    let pos = from;
    for (;;) {
      const code = this.text.charCodeAt(pos);
      if (code < 0x30 || code > 0x39 || Number.isNaN(code)) return pos;
      pos++;
    }
  }

  private failAt(pos: number, detail: string): never {
    this.pos = pos;
    return this.fail(detail);
  }
}

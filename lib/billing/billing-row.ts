/**
 * Pieces every importer shares: reading cells of a source row, rejecting a row
 * with its column and reason, charge keys, and the loop that turns CSV rows
 * into billing lines or rejections.
 */
import { createHash } from "node:crypto";

import { CsvFormatError, type CsvRow } from "./csv-reader";
import { normalizeDecimal, shiftDecimal } from "./decimal-text";
import { parseBillingDate } from "./parse-billing-date";
import type { BillingLine, RejectedBillingRow } from "./types";

export type SourceRow = Record<string, string | null>;
export type BillingReadItem = { line: BillingLine } | { rejected: RejectedBillingRow };

/** ISO 4217 "no currency involved": the currency of token lines that carry no amount. */
export const NO_CURRENCY = "XXX";

/** Thrown by a row mapper; the reading loop reports it as a rejected row. */
export class BillingRowError extends Error {
  constructor(
    readonly column: string | null,
    readonly reason: string,
  ) {
    super(column ? `${column}: ${reason}` : reason);
    this.name = "BillingRowError";
  }
}

/** Literal markers that exports write for a missing value (`NULL` in the FOCUS sample data). */
const NULL_LITERALS = new Set(["null"]);

/** Returns the cell's text, or null when the column is absent, empty or a NULL literal. */
export function readCell(row: SourceRow, column: string): string | null {
  const value = row[column];
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "" || NULL_LITERALS.has(trimmed.toLowerCase())) return null;
  return trimmed;
}

export function requireCell(row: SourceRow, column: string): string {
  const value = readCell(row, column);
  if (value === null) throw new BillingRowError(column, "missing value");
  return value;
}

/** Reads a decimal cell as normalized text; rejects text that is not a decimal number. */
export function readDecimalCell(row: SourceRow, column: string): string | null {
  const text = readCell(row, column);
  if (text === null) return null;
  const decimal = normalizeDecimal(text);
  if (decimal === null) {
    throw new BillingRowError(column, `invalid decimal ${JSON.stringify(text)}`);
  }
  return decimal;
}

/** Reads a date cell as an ISO instant; rejects text that is not a date. */
export function readDateCell(row: SourceRow, column: string): string | null {
  const text = readCell(row, column);
  if (text === null) return null;
  const instant = parseBillingDate(text);
  if (instant === null) {
    throw new BillingRowError(column, `invalid date ${JSON.stringify(text)}`);
  }
  return instant;
}

export function requireDateCell(row: SourceRow, column: string): string {
  const instant = readDateCell(row, column);
  if (instant === null) throw new BillingRowError(column, "missing date");
  return instant;
}

/** Builds a sourceRow from a CSV row, keeping the text exactly as read. */
export function buildSourceRow(row: CsvRow): SourceRow {
  if (row.fields.length !== row.header.length) {
    throw new BillingRowError(
      null,
      `expected ${row.header.length} fields as in the header, found ${row.fields.length}`,
    );
  }
  const source: SourceRow = {};
  row.header.forEach((name, index) => {
    source[name] = row.fields[index] ?? null;
  });
  return source;
}

/**
 * Hashes identifying names and values into a charge key (SHA-256), so the
 * same charge gets the same key in any re-export.
 */
export function hashChargeKey(prefix: string, parts: Array<[string, string | null]>): string {
  const digest = createHash("sha256").update(JSON.stringify(parts)).digest("hex");
  return `${prefix}:sha256:${digest}`;
}

/** Joins values into a charge key with "|", escaping "|" and "\" inside them. */
export function joinChargeKey(parts: Array<string | null>): string {
  return parts.map((part) => (part ?? "").replace(/[\\|]/g, (char) => `\\${char}`)).join("|");
}

const TOKEN_UNIT_PATTERN = /^(?:(\d+)\s*([KM])?|([KM]))?\s*tokens?$/i;
const BLOCK_POWERS: Record<string, number> = { K: 3, M: 6 };

/**
 * Converts a billed quantity to a token count when its unit names tokens
 * (`Tokens`, `1K tokens`, `1M Tokens`, `K tokens`); returns null otherwise.
 */
export function readTokensFromQuantity(
  quantity: string | null,
  unit: string | null,
): string | null {
  if (quantity === null || unit === null) return null;
  const match = TOKEN_UNIT_PATTERN.exec(unit.trim());
  if (!match) return null;
  const [, count = "1", prefixedLetter, bareLetter] = match;
  const letter = (prefixedLetter ?? bareLetter ?? "").toUpperCase();
  const scaled = shiftDecimal(quantity, BLOCK_POWERS[letter] ?? 0);
  const factor = BigInt(count);
  return factor === 1n ? scaled : multiplyByInteger(scaled, factor);
}

function multiplyByInteger(decimal: string, factor: bigint): string {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const product = BigInt(whole + fraction) * factor;
  const text = shiftDecimal(product.toString(), -fraction.length);
  return negative && text !== "0" ? `-${text}` : text;
}

/**
 * Maps CSV rows to billing lines. A mapper error becomes a rejected row with
 * the row's line. A CSV syntax error ends the file with one rejection,
 * because nothing after an unclosed quote can be trusted.
 */
export async function* mapCsvRows(
  rows: AsyncIterable<CsvRow>,
  mapRow: (source: SourceRow, line: number) => BillingLine[],
): AsyncGenerator<BillingReadItem> {
  try {
    for await (const row of rows) {
      let lines: BillingLine[];
      try {
        lines = mapRow(buildSourceRow(row), row.line);
      } catch (error) {
        if (!(error instanceof BillingRowError)) throw error;
        yield { rejected: { line: row.line, column: error.column, reason: error.reason } };
        continue;
      }
      for (const line of lines) yield { line };
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    yield { rejected: { line: error.line, column: null, reason: error.message, fatal: true } };
  }
}

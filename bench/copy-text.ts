/**
 * Writing rows with `COPY ... FROM STDIN` in PostgreSQL's text format through
 * postgres.js.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type postgres from "postgres";

import { fromUnits } from "@/lib/money/decimal";

/** Rows per chunk written to the COPY stream. */
const ROWS_PER_CHUNK = 1_000;
const COPY_SPECIAL = /[\\\t\n\r]/;

export type CopyValue = string | number | bigint | null;

/** Escapes one value for COPY text format, writing null as `\N`. */
export function formatCopyValue(value: CopyValue): string {
  if (value === null) return "\\N";
  const text = typeof value === "string" ? value : value.toString();
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (character) => {
    if (character === "\\") return "\\\\";
    if (character === "\t") return "\\t";
    if (character === "\n") return "\\n";
    return "\\r";
  });
}

export function formatCopyLine(values: readonly CopyValue[]): string {
  return `${values.map(formatCopyValue).join("\t")}\n`;
}

function* chunkLines<T>(rows: readonly T[], format: (row: T) => string): Generator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    let chunk = "";
    const end = Math.min(rows.length, start + ROWS_PER_CHUNK);
    for (let index = start; index < end; index += 1) chunk += format(rows[index]!);
    yield chunk;
  }
}

/** Streams the rows into `table` with one COPY statement. */
export async function copyInto<T>(
  sql: postgres.Sql | postgres.TransactionSql,
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  format: (row: T) => string,
): Promise<void> {
  const writable = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  await pipeline(Readable.from(chunkLines(rows, format)), writable);
}

function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Column names and a line formatter for records whose fields are named like
 * their table's columns in camelCase (RunSummary and `runs`, DailyDelta and
 * `workflow_daily`). `costUnits` (10^-12 USD) goes to `cost_usd` as a decimal.
 */
export function describeRecordColumns<T extends object>(
  sample: T,
): { columns: string[]; format: (record: T) => string } {
  const fields = Object.keys(sample) as Array<keyof T & string>;
  const columns = fields.map((field) => (field === "costUnits" ? "cost_usd" : toSnakeCase(field)));
  const format = (record: T) =>
    formatCopyLine(
      fields.map((field) => {
        const value = record[field] as unknown;
        if (field === "costUnits") return fromUnits(value as bigint);
        return value as CopyValue;
      }),
    );
  return { columns, format };
}

import { readFileSync } from "node:fs";
import path from "node:path";

import type { BillingReadItem } from "@/lib/billing/billing-row";
import { readBillingLines, type BillingReadOptions } from "@/lib/billing/read-billing-file";
import type { BillingLine, BillingSourceFormat, RejectedBillingRow } from "@/lib/billing/types";

export const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
export const FOCUS_SAMPLE = path.join(SAMPLES, "focus/focus-1.0_focus_sample_1000rows.csv");

export function readSample(relativePath: string): Buffer {
  return readFileSync(path.join(SAMPLES, relativePath));
}

export async function* bytesOf(...parts: Array<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === "string" ? Buffer.from(part) : part;
}

export interface ReadResult {
  lines: BillingLine[];
  rejected: RejectedBillingRow[];
}

export async function collectItems(
  items: AsyncIterable<BillingReadItem> | Iterable<BillingReadItem>,
): Promise<ReadResult> {
  const result: ReadResult = { lines: [], rejected: [] };
  for await (const item of items) {
    if ("line" in item) result.lines.push(item.line);
    else result.rejected.push(item.rejected);
  }
  return result;
}

export function readAll(
  content: string | Uint8Array,
  format?: BillingSourceFormat,
  options?: BillingReadOptions,
): Promise<ReadResult> {
  return collectItems(readBillingLines(bytesOf(content), format, options));
}

/** Writes rows as CSV, quoting every field, with "" inside quotes. */
export function toCsv(rows: string[][]): string {
  const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;
  return rows.map((row) => row.map(quote).join(",")).join("\n") + "\n";
}

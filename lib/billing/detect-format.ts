/**
 * Tells billing formats apart: CSV by the columns of its header, JSON report
 * pages by the fields of their buckets and results.
 */
import { CsvTokenizer } from "./csv-reader";
import { isJsonObject } from "./json-pages";
import { detectOpenAiExportKind } from "./openai-usage-csv";
import { parseExactJson, type ExactJsonValue } from "./parse-exact-json";
import type { BillingSourceFormat } from "./types";

const CUR_COLUMNS = [
  "line_item_line_item_type",
  "line_item_usage_type",
  "identity_line_item_id",
  "lineItem/LineItemType",
  "lineItem/UsageType",
  "identity/LineItemId",
];

/** Detects a CSV format from its header row; null when no known format matches. */
export function detectCsvFormat(header: readonly string[]): BillingSourceFormat | null {
  const columns = new Set(header.map((name) => name.replace(/^\uFEFF/, "").trim()));
  const hasFocusCharge = columns.has("ChargePeriodStart") || columns.has("ChargeCategory");
  if (columns.has("BilledCost") && hasFocusCharge) return "focus";
  if (CUR_COLUMNS.some((name) => columns.has(name))) return "aws_cur2";
  if (detectOpenAiExportKind([...columns]) !== null) return "openai_usage_csv";
  return null;
}

/** Detects a report page from the fields of its first known result, or returns null. */
export function detectJsonFormat(value: ExactJsonValue): BillingSourceFormat | null {
  if (!isJsonObject(value) || !Array.isArray(value.data)) return null;
  for (const bucket of value.data) {
    if (!isJsonObject(bucket) || !Array.isArray(bucket.results)) continue;
    const anthropic = "starting_at" in bucket;
    for (const result of bucket.results) {
      if (!isJsonObject(result)) continue;
      const object = typeof result.object === "string" ? result.object : "";
      if (object === "organization.costs.result") return "openai_costs";
      if (object === "organization.usage.completions.result") return "openai_usage";
      if (anthropic && "amount" in result) return "anthropic_cost";
      if (anthropic && ("uncached_input_tokens" in result || "output_tokens" in result)) {
        return "anthropic_usage";
      }
      if (!anthropic && isJsonObject(result.amount)) return "openai_costs";
      if (!anthropic && "input_tokens" in result) return "openai_usage";
    }
  }
  return null;
}

/**
 * Detects the format of a file from its text: the whole text for JSON, at
 * least the header line for CSV.
 */
export function detectBillingFormat(text: string): BillingSourceFormat | null {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) {
    try {
      return detectJsonFormat(parseExactJson(start).value);
    } catch {
      return null;
    }
  }
  const newline = start.search(/\r?\n/);
  const tokenizer = new CsvTokenizer();
  const firstLine = newline < 0 ? start : start.slice(0, newline + 1);
  const header = tokenizer.push(firstLine)[0] ?? tokenizer.finish();
  return header ? detectCsvFormat(header.fields) : null;
}

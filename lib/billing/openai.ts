/**
 * OpenAI organization Costs API and Usage API (completions) pages, and the
 * rows of the same data exported as CSV from the dashboard. The JSON pages
 * and the CSV rows share one mapper per report, and each passes its own
 * column names.
 */
import {
  BillingRowError,
  joinChargeKey,
  NO_CURRENCY,
  readCell,
  readDecimalCell,
  readTokensFromQuantity,
  type BillingReadItem,
  type SourceRow,
} from "./billing-row";
import { isWholeNumber, subtractIntegers } from "./decimal-text";
import { mapReportPage } from "./json-pages";
import { formatUnixSeconds } from "./parse-billing-date";
import { applyBatchTier, OPENAI_MODEL_PREFIX } from "./recognize-cloud-ai";
import type { BillingLine, TokenDirection } from "./types";

/** Column names of one report in one encoding: JSON results flattened with dots, or CSV headers. */
export interface OpenAiCostColumns {
  amount: string;
  currency: string;
}

export const COSTS_JSON_COLUMNS: OpenAiCostColumns = {
  amount: "amount.value",
  currency: "amount.currency",
};
export const COSTS_CSV_COLUMNS: OpenAiCostColumns = {
  amount: "amount_value",
  currency: "amount_currency",
};

/**
 * Recognizes a Costs API line item such as "gpt-4o-mini-2024-07-18, input",
 * "gpt-4o-2024-08-06, cached input" or "gpt-4o, output, batch". Items without
 * a token qualifier count as AI only when they start with a model family.
 * NOTE: the qualifier words come from third-party examples; the batch and
 * tier forms have not been seen in a real Costs API response.
 */
export function recognizeOpenAiLineItem(lineItem: string): NonNullable<BillingLine["ai"]> | null {
  const [modelPart = "", ...qualifierParts] = lineItem.split(",").map((part) => part.trim());
  const qualifiers = qualifierParts.join(" ").toLowerCase();
  const batch = /\bbatch\b/.test(qualifiers);
  let direction: TokenDirection | null = null;
  if (/\bcached\b|\bcache read\b/.test(qualifiers)) direction = "cache_read";
  else if (/\bcache write\b/.test(qualifiers)) direction = "cache_write";
  else if (/\binput\b/.test(qualifiers)) direction = applyBatchTier("input", batch);
  else if (/\boutput\b/.test(qualifiers)) direction = applyBatchTier("output", batch);
  if (direction === null && !OPENAI_MODEL_PREFIX.test(modelPart)) return null;
  const tier = /\b(flex|priority|scale)\b/.exec(qualifiers)?.[1] ?? (batch ? "batch" : null);
  return {
    modelProvider: "openai",
    model: modelPart.toLowerCase() || null,
    tokenDirection: direction,
    tokens: null,
    serviceTier: tier,
  };
}

function readBucketPeriod(row: SourceRow): { start: string; end: string } {
  const start = readUnixSecondsCell(row, "start_time");
  const end = readUnixSecondsCell(row, "end_time");
  return { start, end };
}

function readUnixSecondsCell(row: SourceRow, column: string): string {
  const text = readCell(row, column);
  const seconds = text !== null && /^\d+(?:\.0+)?$/.test(text) ? Number(text.split(".")[0]) : NaN;
  const instant = formatUnixSeconds(seconds);
  if (instant === null) {
    throw new BillingRowError(column, `invalid Unix time ${JSON.stringify(text ?? "")}`);
  }
  return instant;
}

/** Maps one Costs API result (or dashboard cost export row); an empty amount gives no line. */
export function mapOpenAiCostRow(
  row: SourceRow,
  sourceLine: number,
  columns: OpenAiCostColumns,
): BillingLine[] {
  const { start, end } = readBucketPeriod(row);
  const amount = readDecimalCell(row, columns.amount);
  if (amount === null) return [];
  const currencyText = readCell(row, columns.currency);
  if (currencyText === null) throw new BillingRowError(columns.currency, "missing currency");

  const lineItem = readCell(row, "line_item");
  const projectId = readCell(row, "project_id");
  const apiKeyId = readCell(row, "api_key_id");
  const quantity = readDecimalCell(row, "quantity");
  const unit = readCell(row, "quantity_unit");
  const recognized = lineItem === null ? null : recognizeOpenAiLineItem(lineItem);
  const ai = recognized ? { ...recognized, tokens: readTokensFromQuantity(quantity, unit) } : null;

  return [
    {
      sourceLine,
      sourceRow: row,
      chargeKey: joinChargeKey(["openai", "cost", start, lineItem, projectId, apiKeyId]),
      provider: "openai",
      billingAccountId: readCell(row, "organization_id"),
      subAccountId: projectId,
      serviceName: null,
      chargeCategory: "Usage",
      chargePeriodStart: start,
      chargePeriodEnd: end,
      currency: currencyText.toUpperCase(),
      billedCost: amount,
      effectiveCost: null,
      listCost: null,
      contractedCost: null,
      ai,
      chargeDescription: lineItem,
      quantity,
      unit,
    },
  ];
}

function readTokenCount(row: SourceRow, column: string): string | null {
  const value = readDecimalCell(row, column);
  if (value !== null && !isWholeNumber(value)) {
    const text = JSON.stringify(readCell(row, column));
    throw new BillingRowError(column, `token count ${text} is not a whole number`);
  }
  return value;
}

function readBoolean(row: SourceRow, column: string): boolean {
  const text = readCell(row, column)?.toLowerCase() ?? null;
  if (text === null || text === "false" || text === "0") return false;
  if (text === "true" || text === "1") return true;
  throw new BillingRowError(column, `invalid boolean ${JSON.stringify(text)}`);
}

/**
 * Maps one completions usage result (or dashboard activity export row) to
 * token lines without cost. `input_tokens` includes cached tokens and cache
 * writes. So the uncached share is `input_uncached_tokens` where given, else
 * input minus cached minus cache writes, and a negative share is rejected.
 */
export function mapOpenAiUsageRow(row: SourceRow, sourceLine: number): BillingLine[] {
  const { start, end } = readBucketPeriod(row);
  const input = readTokenCount(row, "input_tokens");
  const cached = readTokenCount(row, "input_cached_tokens");
  const cacheWrite = readTokenCount(row, "input_cache_write_tokens");
  let uncached = readTokenCount(row, "input_uncached_tokens");
  if (uncached === null && input !== null) {
    uncached = subtractIntegers(subtractIntegers(input, cached ?? "0"), cacheWrite ?? "0");
    if (uncached.startsWith("-")) {
      throw new BillingRowError(
        "input_tokens",
        `input_tokens ${input} is less than its cached and cache-write tokens`,
      );
    }
  }
  const output = readTokenCount(row, "output_tokens");

  const batch = readBoolean(row, "batch");
  const tierText = readCell(row, "service_tier");
  const serviceTier = batch ? "batch" : tierText;
  const model = readCell(row, "model");
  const keyParts = [
    start,
    model,
    readCell(row, "project_id"),
    readCell(row, "user_id"),
    readCell(row, "api_key_id"),
    batch ? "batch" : "",
    tierText,
  ];

  const directions: Array<[TokenDirection, string | null]> = [
    [applyBatchTier("input", batch), uncached],
    ["cache_read", cached],
    ["cache_write", cacheWrite],
    [applyBatchTier("output", batch), output],
  ];
  const lines: BillingLine[] = [];
  for (const [direction, tokens] of directions) {
    if (tokens === null || tokens === "0") continue;
    lines.push({
      sourceLine,
      sourceRow: row,
      chargeKey: joinChargeKey(["openai", "usage", ...keyParts, direction]),
      provider: "openai",
      billingAccountId: readCell(row, "organization_id"),
      subAccountId: readCell(row, "project_id"),
      serviceName: null,
      chargeCategory: "Usage",
      chargePeriodStart: start,
      chargePeriodEnd: end,
      currency: NO_CURRENCY,
      billedCost: null,
      effectiveCost: null,
      listCost: null,
      contractedCost: null,
      ai: { modelProvider: "openai", model, tokenDirection: direction, tokens, serviceTier },
      quantity: tokens,
      unit: "tokens",
    });
  }
  return lines;
}

/** Reads a Costs API page (`GET /v1/organization/costs`), small enough to read whole. */
export function readOpenAiCostsPage(text: string): Generator<BillingReadItem> {
  return mapReportPage(text, (row, line) => mapOpenAiCostRow(row, line, COSTS_JSON_COLUMNS));
}

/** Reads a completions Usage API page (`GET /v1/organization/usage/completions`). */
export function readOpenAiUsagePage(text: string): Generator<BillingReadItem> {
  return mapReportPage(text, mapOpenAiUsageRow);
}

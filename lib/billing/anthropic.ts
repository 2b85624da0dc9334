/**
 * Anthropic Admin API reports: the cost report (GET /v1/organizations/cost_report)
 * and the messages usage report (GET /v1/organizations/usage_report/messages).
 *
 * Shapes as documented in the Claude API reference pages "Get Cost Report" and
 * "Get Messages Usage Report" (platform.claude.com/docs/en/api/admin/...): both
 * return `data[]` buckets with `starting_at`/`ending_at` (RFC 3339) and
 * `results[]`. A cost `amount` is a decimal string in the currency's lowest
 * unit, so "123.45" USD cents is $1.2345.
 */
import {
  BillingRowError,
  joinChargeKey,
  NO_CURRENCY,
  readCell,
  readDecimalCell,
  requireDateCell,
  type BillingReadItem,
  type SourceRow,
} from "./billing-row";
import { isWholeNumber, shiftDecimal } from "./decimal-text";
import { mapReportPage } from "./json-pages";
import { applyBatchTier } from "./recognize-cloud-ai";
import type { BillingLine, TokenDirection } from "./types";

/** Digits of the minor unit per ISO 4217, the unit in which the report writes amounts. */
const MINOR_UNIT_DIGITS: Record<string, number> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  JPY: 0,
};

type TokenKind = "input" | "output" | "cache_read" | "cache_write_5m" | "cache_write_1h";

const COST_TOKEN_TYPES: Record<string, TokenKind> = {
  uncached_input_tokens: "input",
  output_tokens: "output",
  cache_read_input_tokens: "cache_read",
  "cache_creation.ephemeral_5m_input_tokens": "cache_write_5m",
  "cache_creation.ephemeral_1h_input_tokens": "cache_write_1h",
};

/** Usage report fields, in the order their lines are emitted. */
const USAGE_TOKEN_FIELDS: Array<[string, TokenKind]> = [
  ["uncached_input_tokens", "input"],
  ["cache_creation.ephemeral_5m_input_tokens", "cache_write_5m"],
  ["cache_creation.ephemeral_1h_input_tokens", "cache_write_1h"],
  ["cache_read_input_tokens", "cache_read"],
  ["output_tokens", "output"],
];

function toDirection(kind: TokenKind, serviceTier: string | null): TokenDirection {
  if (kind === "input" || kind === "output") return applyBatchTier(kind, serviceTier === "batch");
  return kind;
}

/** Converts an amount in minor units ("123.45" cents) to major units ("1.2345"), exactly. */
export function convertMinorUnits(amount: string, currency: string): string {
  const digits = MINOR_UNIT_DIGITS[currency];
  if (digits === undefined) {
    throw new BillingRowError(
      "currency",
      `no minor-unit size known for currency ${JSON.stringify(currency)}`,
    );
  }
  return shiftDecimal(amount, -digits);
}

function readPeriod(row: SourceRow): { start: string; end: string } {
  return { start: requireDateCell(row, "starting_at"), end: requireDateCell(row, "ending_at") };
}

/** Maps one cost report result to a billing line. */
export function mapAnthropicCostRow(row: SourceRow, sourceLine: number): BillingLine[] {
  const { start, end } = readPeriod(row);
  const cents = readDecimalCell(row, "amount");
  if (cents === null) throw new BillingRowError("amount", "missing amount");
  const currencyText = readCell(row, "currency");
  if (currencyText === null) throw new BillingRowError("currency", "missing currency");
  const currency = currencyText.toUpperCase();
  const amount = convertMinorUnits(cents, currency);

  const costType = readCell(row, "cost_type");
  const tokenType = readCell(row, "token_type");
  const serviceTier = readCell(row, "service_tier");
  const model = readCell(row, "model");
  const description = readCell(row, "description");
  const workspaceId = readCell(row, "workspace_id");
  let ai: BillingLine["ai"] = null;
  if (costType === "tokens") {
    const kind = tokenType === null ? undefined : COST_TOKEN_TYPES[tokenType];
    ai = {
      modelProvider: "anthropic",
      model,
      tokenDirection: kind ? toDirection(kind, serviceTier) : tokenType === null ? null : "other",
      tokens: null,
      serviceTier,
    };
  }
  const keyParts = [
    start,
    workspaceId,
    description,
    model,
    costType,
    tokenType,
    serviceTier,
    readCell(row, "context_window"),
    readCell(row, "inference_geo"),
    readCell(row, "speed"),
  ];
  return [
    {
      sourceLine,
      sourceRow: row,
      chargeKey: joinChargeKey(["anthropic", "cost", ...keyParts]),
      provider: "anthropic",
      billingAccountId: null,
      subAccountId: workspaceId,
      serviceName: null,
      chargeCategory: "Usage",
      chargePeriodStart: start,
      chargePeriodEnd: end,
      currency,
      billedCost: amount,
      effectiveCost: null,
      listCost: null,
      contractedCost: null,
      ai,
      chargeDescription: description,
      quantity: null,
      unit: null,
    },
  ];
}

function readCount(row: SourceRow, column: string): string | null {
  const value = readDecimalCell(row, column);
  if (value !== null && (!isWholeNumber(value) || value.startsWith("-"))) {
    const text = JSON.stringify(readCell(row, column));
    throw new BillingRowError(column, `count ${text} is not a whole number`);
  }
  return value;
}

/** Maps one messages usage result to one token line per non-zero token field. */
export function mapAnthropicUsageRow(row: SourceRow, sourceLine: number): BillingLine[] {
  const { start, end } = readPeriod(row);
  const model = readCell(row, "model");
  const serviceTier = readCell(row, "service_tier");
  const workspaceId = readCell(row, "workspace_id");
  const keyParts = [
    start,
    readCell(row, "api_key_id"),
    workspaceId,
    model,
    serviceTier,
    readCell(row, "context_window"),
    readCell(row, "inference_geo"),
  ];
  const base = {
    sourceLine,
    sourceRow: row,
    provider: "anthropic",
    billingAccountId: null,
    subAccountId: workspaceId,
    serviceName: null,
    chargeCategory: "Usage" as const,
    chargePeriodStart: start,
    chargePeriodEnd: end,
    currency: NO_CURRENCY,
    billedCost: null,
    effectiveCost: null,
    listCost: null,
    contractedCost: null,
  };
  const lines: BillingLine[] = [];
  for (const [field, kind] of USAGE_TOKEN_FIELDS) {
    const tokens = readCount(row, field);
    if (tokens === null || tokens === "0") continue;
    const direction = toDirection(kind, serviceTier);
    lines.push({
      ...base,
      chargeKey: joinChargeKey(["anthropic", "usage", ...keyParts, direction]),
      ai: { modelProvider: "anthropic", model, tokenDirection: direction, tokens, serviceTier },
      quantity: tokens,
      unit: "tokens",
    });
  }
  const webSearches = readCount(row, "server_tool_use.web_search_requests");
  if (webSearches !== null && webSearches !== "0") {
    lines.push({
      ...base,
      chargeKey: joinChargeKey(["anthropic", "usage", ...keyParts, "web_search_requests"]),
      ai: null,
      quantity: webSearches,
      unit: "web_search_requests",
    });
  }
  return lines;
}

/** Reads a cost report page; pages are small API responses, so the text is read whole. */
export function readAnthropicCostPage(text: string): Generator<BillingReadItem> {
  return mapReportPage(text, mapAnthropicCostRow);
}

/** Reads a messages usage report page. */
export function readAnthropicUsagePage(text: string): Generator<BillingReadItem> {
  return mapReportPage(text, mapAnthropicUsageRow);
}

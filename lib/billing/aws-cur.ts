/**
 * AWS Cost and Usage Report rows: CUR 2.0 (snake_case columns such as
 * `line_item_usage_type`, product attributes in the `product` map column)
 * and the legacy CUR (slash-style columns such as `lineItem/UsageType`),
 * whose names are mapped to the CUR 2.0 names before reading.
 *
 * Costs are never filled from one another. BilledCost is the net unblended
 * cost where the row has one, else the unblended cost. ListCost is the public
 * on-demand cost. EffectiveCost is the reservation or Savings Plans effective
 * cost of covered usage, and null on every other line type.
 */
import {
  BillingRowError,
  hashChargeKey,
  mapCsvRows,
  readCell,
  readDateCell,
  readDecimalCell,
  readTokensFromQuantity,
  requireCell,
  requireDateCell,
  type BillingReadItem,
  type SourceRow,
} from "./billing-row";
import type { CsvRow } from "./csv-reader";
import { recognizeBedrockUsageType } from "./recognize-cloud-ai";
import type { BillingLine, ChargeCategory } from "./types";

/**
 * Line item types to FOCUS ChargeCategory. Discounts and Savings Plans
 * negations offset usage, as in the FinOps Foundation focus_converters AWS
 * mapping; credits and refunds are FOCUS credits.
 */
const LINE_ITEM_CATEGORIES: Record<string, ChargeCategory> = {
  Usage: "Usage",
  DiscountedUsage: "Usage",
  SavingsPlanCoveredUsage: "Usage",
  SavingsPlanNegation: "Usage",
  BundledDiscount: "Usage",
  Discount: "Usage",
  EdpDiscount: "Usage",
  PrivateRateDiscount: "Usage",
  Fee: "Purchase",
  RIFee: "Purchase",
  SavingsPlanRecurringFee: "Purchase",
  SavingsPlanUpfrontFee: "Purchase",
  Tax: "Tax",
  Credit: "Credit",
  Refund: "Credit",
};

/** Effective-cost columns by line item type, the net column first. */
const EFFECTIVE_COST_COLUMNS: Record<string, readonly string[]> = {
  SavingsPlanCoveredUsage: [
    "savings_plan_net_savings_plan_effective_cost",
    "savings_plan_savings_plan_effective_cost",
  ],
  DiscountedUsage: ["reservation_net_effective_cost", "reservation_effective_cost"],
};

/** Columns that identify a line when the export leaves out the identity columns. */
const IDENTITY_FALLBACK_COLUMNS = [
  "bill_payer_account_id",
  "line_item_usage_account_id",
  "line_item_line_item_type",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_operation",
  "line_item_resource_id",
  "line_item_line_item_description",
] as const;

function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** Maps a legacy CUR column (`lineItem/UsageType`) to its CUR 2.0 name (`line_item_usage_type`). */
export function normalizeCurColumnName(name: string): string {
  const slash = name.indexOf("/");
  if (slash < 0) return name;
  return `${toSnakeCase(name.slice(0, slash))}_${toSnakeCase(name.slice(slash + 1))}`;
}

/**
 * Reads a CUR 2.0 map column. Exports write it as JSON; Athena-style
 * `{key=value, key2=value2}` text is read too. Returns {} for anything else.
 */
export function parseCurMapColumn(text: string | null): Record<string, string> {
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
    }
  } catch {
    const match = /^\{(.*)\}$/s.exec(text.trim());
    if (match?.[1]) {
      const entries = match[1].split(/,\s*(?=[\w:.-]+=)/).map((pair) => {
        const equals = pair.indexOf("=");
        return [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()];
      });
      return Object.fromEntries(entries.filter(([key]) => key));
    }
  }
  return {};
}

/** Reads CUR rows of either naming into billing lines and rejections. */
export function readAwsCurRows(rows: AsyncIterable<CsvRow>): AsyncGenerator<BillingReadItem> {
  const names = new Map<string, string>();
  return mapCsvRows(rows, (source, line) => {
    const normalized: SourceRow = {};
    for (const [name, value] of Object.entries(source)) {
      let normalizedName = names.get(name);
      if (normalizedName === undefined) {
        normalizedName = normalizeCurColumnName(name);
        names.set(name, normalizedName);
      }
      normalized[normalizedName] = value;
    }
    return [mapAwsCurRow(normalized, source, line)];
  });
}

/**
 * Maps one CUR row, given with CUR 2.0 column names; `sourceRow` is the row
 * as the file named its columns, kept for audit.
 */
export function mapAwsCurRow(
  row: SourceRow,
  sourceRow: SourceRow,
  sourceLine: number,
): BillingLine {
  const lineItemType = requireCell(row, "line_item_line_item_type");
  const chargeCategory =
    LINE_ITEM_CATEGORIES[lineItemType] ?? (/Discount$/.test(lineItemType) ? "Usage" : null);
  if (chargeCategory === null) {
    throw new BillingRowError(
      "line_item_line_item_type",
      `unknown line item type ${JSON.stringify(lineItemType)}`,
    );
  }
  const chargePeriodStart = requireDateCell(row, "line_item_usage_start_date");
  const chargePeriodEnd = requireDateCell(row, "line_item_usage_end_date");
  readDateCell(row, "bill_billing_period_start_date");
  readDateCell(row, "bill_billing_period_end_date");
  const currency = requireCell(row, "line_item_currency_code").toUpperCase();

  const netUnblended = readDecimalCell(row, "line_item_net_unblended_cost");
  const unblended = readDecimalCell(row, "line_item_unblended_cost");
  const billedCost = netUnblended ?? unblended;
  if (billedCost === null) throw new BillingRowError("line_item_unblended_cost", "missing value");
  const listCost = readDecimalCell(row, "pricing_public_on_demand_cost");
  let effectiveCost: string | null = null;
  for (const column of EFFECTIVE_COST_COLUMNS[lineItemType] ?? []) {
    effectiveCost ??= readDecimalCell(row, column);
  }

  const quantity = readDecimalCell(row, "line_item_usage_amount");
  const unit = readCell(row, "pricing_unit");
  const usageType = readCell(row, "line_item_usage_type");
  const recognized = usageType === null ? null : recognizeBedrockUsageType(usageType);
  const ai = recognized ? { ...recognized, tokens: readTokensFromQuantity(quantity, unit) } : null;
  const productName =
    readCell(row, "product_product_name") ??
    parseCurMapColumn(readCell(row, "product")).product_name ??
    null;

  return {
    sourceLine,
    sourceRow,
    chargeKey: buildCurChargeKey(row, chargePeriodStart, chargePeriodEnd),
    provider: "aws",
    billingAccountId: readCell(row, "bill_payer_account_id"),
    subAccountId: readCell(row, "line_item_usage_account_id"),
    serviceName: productName ?? readCell(row, "line_item_product_code"),
    chargeCategory,
    chargePeriodStart,
    chargePeriodEnd,
    currency,
    billedCost,
    effectiveCost,
    listCost,
    contractedCost: null,
    ai,
    chargeDescription: readCell(row, "line_item_line_item_description"),
    quantity,
    unit,
  };
}

/**
 * Builds the key from identity_line_item_id and identity_time_interval. A
 * CUR 2.0 export whose column selection left them out gets a SHA-256 of
 * IDENTITY_FALLBACK_COLUMNS and the usage period instead.
 */
function buildCurChargeKey(row: SourceRow, start: string, end: string): string {
  const lineItemId = readCell(row, "identity_line_item_id");
  const interval = readCell(row, "identity_time_interval");
  if (lineItemId !== null && interval !== null) return `aws:cur:${lineItemId}:${interval}`;
  const parts: Array<[string, string | null]> = [
    ["line_item_usage_start_date", start],
    ["line_item_usage_end_date", end],
  ];
  for (const column of IDENTITY_FALLBACK_COLUMNS) parts.push([column, readCell(row, column)]);
  return hashChargeKey("aws:cur", parts);
}

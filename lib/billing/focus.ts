/**
 * FOCUS 1.0 to 1.2 rows (AWS, Azure, Google Cloud and Oracle exports) mapped
 * to billing lines. The four cost columns are read apart and never filled
 * from one another: BilledCost is the invoice view, EffectiveCost the
 * amortized view, ListCost the public-price view, ContractedCost the
 * negotiated-price view.
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
import { recognizeFocusAi } from "./recognize-focus-ai";
import type { BillingLine, ChargeCategory } from "./types";

export interface FocusReadOptions {
  /**
   * Currency for files without a BillingCurrency column (some FOCUS spec
   * examples). Without it such rows are rejected; no currency is guessed.
   */
  defaultCurrency?: string;
}

const CHARGE_CATEGORIES: Record<string, ChargeCategory> = {
  usage: "Usage",
  purchase: "Purchase",
  tax: "Tax",
  credit: "Credit",
  adjustment: "Adjustment",
};

/** Provider names as FOCUS exports write them, mapped to the ledger's provider ids. */
const PROVIDER_IDS: Array<[RegExp, string]> = [
  [/^(?:aws|amazon web services\b.*)$/i, "aws"],
  [/^(?:microsoft|microsoft azure|azure)$/i, "microsoft"],
  [/^(?:google|google cloud(?: platform)?|gcp)$/i, "google"],
  [/^(?:oracle|oci|oracle cloud infrastructure)$/i, "oracle"],
];

/**
 * Columns whose values identify a charge when the file has no line id. The
 * amounts are left out on purpose, so that a restated amount in a later
 * export keeps its key and replaces the earlier amount.
 */
const IDENTITY_COLUMNS = [
  "BillingAccountId",
  "SubAccountId",
  "BillingPeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeFrequency",
  "ServiceName",
  "ResourceId",
  "RegionId",
  "AvailabilityZone",
  "SkuId",
  "SkuPriceId",
  "SkuMeter",
  "PricingCategory",
  "PricingUnit",
  "CommitmentDiscountId",
  "CommitmentDiscountStatus",
  "CapacityReservationId",
  "ChargeDescription",
  "Tags",
  "x_UsageType",
  "x_Operation",
  "x_SkuMeterName",
] as const;

const DATE_COLUMNS = ["BillingPeriodStart", "BillingPeriodEnd"] as const;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Reads FOCUS CSV rows into billing lines and rejections. */
export function readFocusRows(
  rows: AsyncIterable<CsvRow>,
  options: FocusReadOptions = {},
): AsyncGenerator<BillingReadItem> {
  return mapCsvRows(rows, (source, line) => [mapFocusRow(source, line, options)]);
}

/** Maps one FOCUS row; throws BillingRowError naming the column at fault. */
export function mapFocusRow(
  row: SourceRow,
  sourceLine: number,
  options: FocusReadOptions = {},
): BillingLine {
  const chargePeriodStart = requireDateCell(row, "ChargePeriodStart");
  const chargePeriodEnd = requireDateCell(row, "ChargePeriodEnd");
  for (const column of DATE_COLUMNS) readDateCell(row, column);

  const billedCost = readDecimalCell(row, "BilledCost");
  const effectiveCost = readDecimalCell(row, "EffectiveCost");
  const listCost = readDecimalCell(row, "ListCost");
  const contractedCost = readDecimalCell(row, "ContractedCost");

  const chargeCategory = readChargeCategory(row);
  const currency = readCurrency(row, options);
  const provider = readProvider(row);
  const consumedQuantity = readDecimalCell(row, "ConsumedQuantity");
  const pricingQuantity = readDecimalCell(row, "PricingQuantity");
  const quantity = consumedQuantity ?? pricingQuantity;
  const unit = readCell(row, consumedQuantity !== null ? "ConsumedUnit" : "PricingUnit");

  const recognized = recognizeFocusAi(row, provider);
  const ai = recognized
    ? { ...recognized, tokens: readFocusTokens(quantity, unit, recognized.modelProvider) }
    : null;

  return {
    sourceLine,
    sourceRow: row,
    chargeKey: buildFocusChargeKey(row, provider, chargePeriodStart, chargePeriodEnd),
    provider,
    billingAccountId: readCell(row, "BillingAccountId"),
    subAccountId: readCell(row, "SubAccountId"),
    serviceName: readCell(row, "ServiceName"),
    chargeCategory,
    chargePeriodStart,
    chargePeriodEnd,
    currency,
    billedCost,
    effectiveCost,
    listCost,
    contractedCost,
    ai,
    chargeDescription: readCell(row, "ChargeDescription"),
    quantity,
    unit,
  };
}

function readChargeCategory(row: SourceRow): ChargeCategory {
  const text = requireCell(row, "ChargeCategory");
  const category = CHARGE_CATEGORIES[text.toLowerCase()];
  if (!category) {
    throw new BillingRowError(
      "ChargeCategory",
      `invalid value ${JSON.stringify(text)}: expected Usage, Purchase, Tax, Credit or Adjustment`,
    );
  }
  return category;
}

function readCurrency(row: SourceRow, options: FocusReadOptions): string {
  const text = readCell(row, "BillingCurrency") ?? options.defaultCurrency ?? null;
  if (text === null) {
    throw new BillingRowError("BillingCurrency", "missing value and no default currency was given");
  }
  const currency = text.toUpperCase();
  if (!CURRENCY_PATTERN.test(currency)) {
    throw new BillingRowError("BillingCurrency", `invalid ISO 4217 code ${JSON.stringify(text)}`);
  }
  return currency;
}

/** ProviderName (FOCUS 1.0-1.2), ServiceProviderName (1.3), then the invoice issuer. */
export function readProvider(row: SourceRow): string {
  const name =
    readCell(row, "ProviderName") ??
    readCell(row, "ServiceProviderName") ??
    readCell(row, "InvoiceIssuerName") ??
    readCell(row, "PublisherName");
  if (name === null) return "unknown";
  for (const [pattern, id] of PROVIDER_IDS) if (pattern.test(name)) return id;
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "unknown";
}

/**
 * Builds the key from the provider and the row's `Id` column, an extension
 * column of the FOCUS sample data. Without it, the key is a SHA-256 of
 * IDENTITY_COLUMNS and the normalized charge period, so `2024-10-01 00:00:00`
 * and `2024-10-01T00:00:00Z` give the same key.
 */
function buildFocusChargeKey(row: SourceRow, provider: string, start: string, end: string): string {
  const id = readCell(row, "Id");
  if (id !== null) return `focus:${provider}:id:${id}`;
  const parts: Array<[string, string | null]> = [
    ["ProviderName", provider],
    ["ChargePeriodStart", start],
    ["ChargePeriodEnd", end],
  ];
  for (const column of IDENTITY_COLUMNS) {
    const isDate = column === "BillingPeriodStart";
    parts.push([column, isDate ? readDateCell(row, column) : readCell(row, column)]);
  }
  return hashChargeKey(`focus:${provider}`, parts);
}

/**
 * Tokens billed by an AI line, when its unit is a token unit. Azure meters
 * that name tokens carry the bare block units `1K` and `1M`.
 */
function readFocusTokens(
  quantity: string | null,
  unit: string | null,
  modelProvider: string,
): string | null {
  const tokens = readTokensFromQuantity(quantity, unit);
  if (tokens !== null || unit === null) return tokens;
  // NOTE: the Azure block-unit reading follows the FinOps toolkit PricingUnits table
  // (1K = 1000 units); no real Azure OpenAI FOCUS row was available to confirm it.
  if (modelProvider.startsWith("azure.") && /^1[KM]$/i.test(unit.trim())) {
    return readTokensFromQuantity(quantity, `${unit.trim()} tokens`);
  }
  return null;
}

/** Small FOCUS CSV files for the integration tests, built row by row. */

export const FOCUS_TEST_COLUMNS = [
  "Id",
  "ProviderName",
  "BillingAccountId",
  "SubAccountId",
  "BillingCurrency",
  "ChargeCategory",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ServiceName",
  "ServiceCategory",
  "SkuMeter",
  "x_UsageType",
  "ConsumedQuantity",
  "ConsumedUnit",
] as const;

export type FocusTestRow = Partial<Record<(typeof FOCUS_TEST_COLUMNS)[number], string>>;

/** Defaults of a plain AWS storage charge on 2025-03-01. */
const DEFAULTS: FocusTestRow = {
  ProviderName: "AWS",
  BillingAccountId: "111122223333",
  SubAccountId: "444455556666",
  BillingCurrency: "USD",
  ChargeCategory: "Usage",
  ChargePeriodStart: "2025-03-01 00:00:00",
  ChargePeriodEnd: "2025-03-02 00:00:00",
  BilledCost: "1.00",
  EffectiveCost: "1.00",
  ListCost: "1.00",
  ServiceName: "Amazon Simple Storage Service",
  ServiceCategory: "Storage",
  ConsumedQuantity: "1",
  ConsumedUnit: "GB-Mo",
};

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes a FOCUS CSV with a header line; a row's missing columns take the defaults. */
export function buildFocusCsv(rows: readonly FocusTestRow[]): string {
  const lines = [FOCUS_TEST_COLUMNS.join(",")];
  rows.forEach((row, index) => {
    const values = { ...DEFAULTS, Id: `test-${index + 1}`, ...row };
    lines.push(FOCUS_TEST_COLUMNS.map((column) => quote(values[column] ?? "")).join(","));
  });
  return `${lines.join("\n")}\n`;
}

/** A Bedrock token charge as AWS writes it in FOCUS, for one model and direction. */
export function bedrockTokenRow(params: {
  id: string;
  day: string;
  usageType: string;
  tokens: string;
  billedCost: string;
  effectiveCost?: string;
}): FocusTestRow {
  return {
    Id: params.id,
    ChargePeriodStart: `${params.day} 00:00:00`,
    ChargePeriodEnd: `${nextDay(params.day)} 00:00:00`,
    BilledCost: params.billedCost,
    EffectiveCost: params.effectiveCost ?? params.billedCost,
    ListCost: params.billedCost,
    ServiceName: "Amazon Bedrock",
    ServiceCategory: "AI and Machine Learning",
    x_UsageType: params.usageType,
    ConsumedQuantity: params.tokens,
    ConsumedUnit: "Tokens",
  };
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { addDecimals } from "@/lib/money/decimal";

import { FOCUS_SAMPLE, readAll, readSample, toCsv } from "./billing-fixtures";

const BOM = "\uFEFF";
const SAMPLE_TEXT = readFileSync(FOCUS_SAMPLE, "utf8");
const SAMPLE_LINES = SAMPLE_TEXT.split("\n");

/**
 * Per-provider sums computed once, independently of this code, with:
 *   python3 -c "import csv; from decimal import Decimal; ..." summing
 *   Decimal(BilledCost) and Decimal(EffectiveCost) per ProviderName over
 *   csv.DictReader(open(FOCUS_SAMPLE, newline='', encoding='utf-8-sig')).
 */
const EXPECTED_BY_PROVIDER = {
  aws: { rows: 942, billed: "18.0066386184", effective: "13" },
  microsoft: { rows: 51, billed: "1.97651418586", effective: "1.97651418586" },
  oracle: { rows: 7, billed: "0.53707392473", effective: "0" },
};

const MINI_HEADER = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "BillingCurrency",
  "ChargeCategory",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ProviderName",
  "ResourceId",
  "Tags",
  "x_Custom",
];

function miniRow(overrides: Partial<Record<(typeof MINI_HEADER)[number], string>>): string[] {
  const defaults: Record<string, string> = {
    BilledCost: "1.00",
    EffectiveCost: "0.90",
    ListCost: "1.20",
    ContractedCost: "0.95",
    BillingCurrency: "USD",
    ChargeCategory: "Usage",
    ChargePeriodStart: "2024-09-18 22:00:00",
    ChargePeriodEnd: "2024-09-18 23:00:00",
    ProviderName: "AWS",
    ResourceId: "r-1",
    Tags: "{}",
    x_Custom: "kept",
  };
  return MINI_HEADER.map((name) => overrides[name] ?? defaults[name] ?? "");
}

describe("FOCUS sample", () => {
  it("imports all 1,000 rows", async () => {
    const { lines, rejected } = await readAll(SAMPLE_TEXT);
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(1000);
  });

  it("sums costs per provider exactly", async () => {
    const { lines } = await readAll(SAMPLE_TEXT);
    for (const [provider, expected] of Object.entries(EXPECTED_BY_PROVIDER)) {
      const own = lines.filter((line) => line.provider === provider);
      expect(own).toHaveLength(expected.rows);
      expect(addDecimals(own.map((line) => line.billedCost ?? "0"))).toBe(expected.billed);
      expect(addDecimals(own.map((line) => line.effectiveCost ?? "0"))).toBe(expected.effective);
    }
  });

  it("maps the first row", async () => {
    const { lines } = await readAll(SAMPLE_TEXT);
    const first = lines[0];
    expect(first?.sourceLine).toBe(2);
    expect(first?.chargeKey).toBe("focus:aws:id:11472");
    expect(first?.chargePeriodStart).toBe("2024-09-18T22:00:00.000Z");
    expect(first?.chargePeriodEnd).toBe("2024-09-18T23:00:00.000Z");
    expect(first?.billedCost).toBe("0.0000008");
    expect(first?.effectiveCost).toBe("0");
    expect(first?.listCost).toBe("0.0000008");
    expect(first?.contractedCost).toBe("0");
    expect(first?.subAccountId).toBe("51738928782");
    expect(first?.quantity).toBe("2");
    expect(first?.unit).toBe("Requests");
    expect(first?.ai).toBeNull();
    expect(first?.sourceRow.AvailabilityZone).toBe("NULL");
  });

  it("reads gzip input", async () => {
    const { lines, rejected } = await readAll(gzipSync(Buffer.from(SAMPLE_TEXT)));
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(1000);
  });

  it("skips the header of a second export after a mid-file BOM", async () => {
    const part = `${BOM}${SAMPLE_LINES.slice(0, 11).join("\n")}\n`;
    const { lines, rejected } = await readAll(part + part);
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(20);
    expect(lines[10]?.sourceLine).toBe(13);
    expect(lines[10]?.chargeKey).toBe(lines[0]?.chargeKey);
    expect(new Set(lines.map((line) => line.chargeKey)).size).toBe(10);
  });
});

describe("FOCUS spec examples", () => {
  const examples: Array<[string, number]> = [
    ["focus-spec-example_virtual_currency_pricing_model_a2.csv", 3],
    ["focus-spec-example_virtual_currency_pricing_model_c.csv", 2],
    ["focus-spec-example_saas_spend_agreements_b2.csv", 14],
    [
      "focus-spec-example_one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv",
      3,
    ],
  ];

  it.each(examples)("parses %s", async (file, count) => {
    const { lines, rejected } = await readAll(readSample(`focus/${file}`), undefined, {
      defaultCurrency: "USD",
    });
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(count);
  });

  it("reads BOM headers and M/D/YY dates", async () => {
    const { lines } = await readAll(readSample("focus/focus-spec-example_virtual_currency_pricing_model_a2.csv"));
    const first = lines[0];
    expect(first?.chargePeriodStart).toBe("2025-04-01T00:00:00.000Z");
    expect(first?.chargePeriodEnd).toBe("2025-04-02T00:00:00.000Z");
    expect(first?.billedCost).toBe("0");
    expect(first?.contractedCost).toBe("490");
    expect(first?.effectiveCost).toBe("490");
    expect(first?.provider).toBe("acmecorp");
  });

  it("rejects rows without a currency", async () => {
    const file =
      "focus/focus-spec-example_one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv";
    const { lines, rejected } = await readAll(readSample(file));
    expect(lines).toHaveLength(0);
    expect(rejected.map((row) => row.column)).toEqual(["BillingCurrency", "BillingCurrency", "BillingCurrency"]);
    expect(rejected.map((row) => row.line)).toEqual([2, 4, 6]);
  });
});

describe("FOCUS rows", () => {
  it("keeps quoted newlines in Tags", async () => {
    const tags = '{"team": "ml",\n"note": "two\nlines"}';
    const csv = toCsv([MINI_HEADER, miniRow({ Tags: tags }), miniRow({ ResourceId: "r-2" })]);
    const { lines, rejected } = await readAll(csv);
    expect(rejected).toEqual([]);
    expect(lines[0]?.sourceRow.Tags).toBe(tags);
    expect(lines.map((line) => line.sourceLine)).toEqual([2, 5]);
  });

  it("maps NULL literals and empty cells to null", async () => {
    const csv =
      MINI_HEADER.join(",") +
      "\nNULL,null,,NULL,USD,Usage,2024-09-18 22:00:00,2024-09-18 23:00:00,AWS,NULL,NULL,\n";
    const { lines, rejected } = await readAll(csv);
    expect(rejected).toEqual([]);
    expect(lines[0]?.billedCost).toBeNull();
    expect(lines[0]?.effectiveCost).toBeNull();
    expect(lines[0]?.listCost).toBeNull();
    expect(lines[0]?.contractedCost).toBeNull();
    expect(lines[0]?.sourceRow.ResourceId).toBe("NULL");
  });

  it("keeps the four costs apart", async () => {
    const row = miniRow({ BilledCost: "8.50", EffectiveCost: "NULL", ListCost: "10.00", ContractedCost: "" });
    const { lines } = await readAll(toCsv([MINI_HEADER, row]));
    expect(lines[0]?.billedCost).toBe("8.5");
    expect(lines[0]?.effectiveCost).toBeNull();
    expect(lines[0]?.listCost).toBe("10");
    expect(lines[0]?.contractedCost).toBeNull();
  });

  it("rejects a bad date with line and column", async () => {
    const csv = toCsv([
      MINI_HEADER,
      miniRow({}),
      miniRow({ ChargePeriodEnd: "2024-09-31 00:00:00" }),
      miniRow({ ResourceId: "r-3" }),
    ]);
    const { lines, rejected } = await readAll(csv);
    expect(lines).toHaveLength(2);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.line).toBe(3);
    expect(rejected[0]?.column).toBe("ChargePeriodEnd");
    expect(rejected[0]?.reason).toContain("2024-09-31 00:00:00");
  });

  it("rejects a non-decimal cost", async () => {
    const { rejected } = await readAll(toCsv([MINI_HEADER, miniRow({ ListCost: "$10.00" })]));
    expect(rejected).toEqual([{ line: 2, column: "ListCost", reason: 'invalid decimal "$10.00"' }]);
  });

  it("rejects an unknown ChargeCategory", async () => {
    const { rejected } = await readAll(toCsv([MINI_HEADER, miniRow({ ChargeCategory: "Refund" })]));
    expect(rejected[0]?.column).toBe("ChargeCategory");
  });

  it("rejects a row with a wrong field count", async () => {
    const csv = `${MINI_HEADER.join(",")}\n1,2,3\n`;
    const { rejected } = await readAll(csv, "focus");
    expect(rejected[0]?.line).toBe(2);
    expect(rejected[0]?.reason).toContain("found 3");
  });

  it("keeps x_ and unknown columns in sourceRow", async () => {
    const { lines } = await readAll(toCsv([MINI_HEADER, miniRow({})]));
    expect(lines[0]?.sourceRow.x_Custom).toBe("kept");
  });

  it("hashes identity the same for any date form", async () => {
    const csv = toCsv([
      MINI_HEADER,
      miniRow({}),
      miniRow({ ChargePeriodStart: "2024-09-18T22:00:00Z", ChargePeriodEnd: "2024-09-18T23:00:00Z" }),
      miniRow({ BilledCost: "2.00" }),
      miniRow({ ResourceId: "r-2" }),
    ]);
    const { lines } = await readAll(csv);
    const keys = lines.map((line) => line.chargeKey);
    expect(keys[0]).toMatch(/^focus:aws:sha256:[0-9a-f]{64}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
  });
});

import { describe, expect, it } from "vitest";

import { normalizeCurColumnName, parseCurMapColumn } from "@/lib/billing/aws-cur";
import { addDecimals } from "@/lib/money/decimal";

import { readAll, readSample, toCsv } from "./billing-fixtures";

const LEGACY_SAMPLE = "aws-cur/legacy-cur_sample-anonymous-aws-export-dataset.csv";

const CUR2_HEADER = [
  "identity_line_item_id",
  "identity_time_interval",
  "bill_payer_account_id",
  "line_item_usage_account_id",
  "line_item_line_item_type",
  "line_item_usage_start_date",
  "line_item_usage_end_date",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_usage_amount",
  "line_item_currency_code",
  "line_item_unblended_cost",
  "line_item_net_unblended_cost",
  "pricing_public_on_demand_cost",
  "pricing_unit",
  "savings_plan_savings_plan_effective_cost",
  "reservation_effective_cost",
  "product",
];

function cur2Row(overrides: Record<string, string>): string[] {
  const defaults: Record<string, string> = {
    identity_line_item_id: "abc123",
    identity_time_interval: "2025-03-01T00:00:00Z/2025-03-02T00:00:00Z",
    bill_payer_account_id: "111122223333",
    line_item_usage_account_id: "444455556666",
    line_item_line_item_type: "Usage",
    line_item_usage_start_date: "2025-03-01T00:00:00Z",
    line_item_usage_end_date: "2025-03-02T00:00:00Z",
    line_item_product_code: "AmazonEC2",
    line_item_usage_type: "USE1-BoxUsage:m5.large",
    line_item_usage_amount: "24",
    line_item_currency_code: "USD",
    line_item_unblended_cost: "10.00",
    line_item_net_unblended_cost: "8.50",
    pricing_public_on_demand_cost: "10.00",
    pricing_unit: "Hrs",
    savings_plan_savings_plan_effective_cost: "",
    reservation_effective_cost: "",
    product: '{"product_name":"Amazon Elastic Compute Cloud","region":"us-east-1"}',
  };
  return CUR2_HEADER.map((name) => overrides[name] ?? defaults[name] ?? "");
}

describe("AWS CUR legacy sample", () => {
  it("imports all 1,281 rows with 12 Tax rows", async () => {
    const { lines, rejected } = await readAll(readSample(LEGACY_SAMPLE));
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(1281);
    expect(lines.filter((line) => line.chargeCategory === "Tax")).toHaveLength(12);
    expect(lines.filter((line) => line.ai !== null)).toHaveLength(0);
  });

  it("sums costs exactly", async () => {
    // Expected sums from Python's decimal module over the same CSV columns.
    const { lines } = await readAll(readSample(LEGACY_SAMPLE));
    expect(addDecimals(lines.map((line) => line.billedCost ?? "0"))).toBe("1.6823086974");
    expect(addDecimals(lines.map((line) => line.listCost ?? "0"))).toBe("3.3561726949");
    const tax = lines.filter((line) => line.chargeCategory === "Tax");
    expect(addDecimals(tax.map((line) => line.billedCost ?? "0"))).toBe("0.08");
  });

  it("maps slash-style columns", async () => {
    const { lines } = await readAll(readSample(LEGACY_SAMPLE));
    const first = lines[0];
    expect(first?.chargeKey).toBe(
      "aws:cur:qmooz4hg3jabcdabcdabcdabcdabcdabcdabcdabcjqpgg7ep3a:2023-11-01T00:00:00Z/2023-11-02T00:00:00Z",
    );
    expect(first?.billingAccountId).toBe("123412340534");
    expect(first?.serviceName).toBe("AWS CloudTrail");
    expect(first?.chargePeriodStart).toBe("2023-11-01T00:00:00.000Z");
    expect(first?.sourceRow["lineItem/LineItemType"]).toBe("Tax");
    expect(lines[14]?.billedCost).toBe("0.0000000181");
    expect(lines[14]?.effectiveCost).toBeNull();
  });
});

describe("AWS CUR 2.0", () => {
  it("takes net unblended as billed cost", async () => {
    const { lines, rejected } = await readAll(toCsv([CUR2_HEADER, cur2Row({})]));
    expect(rejected).toEqual([]);
    expect(lines[0]?.billedCost).toBe("8.5");
    expect(lines[0]?.listCost).toBe("10");
    expect(lines[0]?.effectiveCost).toBeNull();
    expect(lines[0]?.serviceName).toBe("Amazon Elastic Compute Cloud");
  });

  it("falls back to unblended without net", async () => {
    const { lines } = await readAll(toCsv([CUR2_HEADER, cur2Row({ line_item_net_unblended_cost: "" })]));
    expect(lines[0]?.billedCost).toBe("10");
  });

  it("reads effective cost of covered usage", async () => {
    const csv = toCsv([
      CUR2_HEADER,
      cur2Row({
        line_item_line_item_type: "SavingsPlanCoveredUsage",
        savings_plan_savings_plan_effective_cost: "6.20",
      }),
      cur2Row({ line_item_line_item_type: "DiscountedUsage", reservation_effective_cost: "5.10" }),
    ]);
    const { lines } = await readAll(csv);
    expect(lines.map((line) => line.effectiveCost)).toEqual(["6.2", "5.1"]);
  });

  it("recognizes Bedrock token lines", async () => {
    const csv = toCsv([
      CUR2_HEADER,
      cur2Row({
        line_item_product_code: "AmazonBedrock",
        line_item_usage_type: "USE1-Claude3.5Sonnet-input-tokens",
        line_item_usage_amount: "29.481",
        pricing_unit: "1K tokens",
        product: '{"product_name":"Amazon Bedrock"}',
      }),
      cur2Row({ line_item_usage_type: "USE1-Llama3-70B-output-tokens-cross-region", pricing_unit: "Units" }),
    ]);
    const { lines } = await readAll(csv);
    expect(lines[0]?.ai).toMatchObject({
      modelProvider: "aws.bedrock",
      model: "claude3.5sonnet",
      tokenDirection: "input",
      tokens: "29481",
    });
    expect(lines[0]?.serviceName).toBe("Amazon Bedrock");
    expect(lines[1]?.ai).toMatchObject({ tokenDirection: "output", inferenceRoute: "cross-region", tokens: null });
  });

  it("rejects an unknown line item type", async () => {
    const { rejected } = await readAll(toCsv([CUR2_HEADER, cur2Row({ line_item_line_item_type: "Mystery" })]));
    expect(rejected).toEqual([
      { line: 2, column: "line_item_line_item_type", reason: 'unknown line item type "Mystery"' },
    ]);
  });

  it("hashes a key without identity columns", async () => {
    const withoutIdentity = cur2Row({ identity_line_item_id: "" });
    const csv = toCsv([CUR2_HEADER, withoutIdentity, withoutIdentity]);
    const { lines } = await readAll(csv);
    expect(lines[0]?.chargeKey).toMatch(/^aws:cur:sha256:[0-9a-f]{64}$/);
    expect(lines[1]?.chargeKey).toBe(lines[0]?.chargeKey);
  });
});

describe("CUR helpers", () => {
  const names: Array<[string, string]> = [
    ["lineItem/UsageType", "line_item_usage_type"],
    ["identity/LineItemId", "identity_line_item_id"],
    ["bill/PayerAccountId", "bill_payer_account_id"],
    ["pricing/publicOnDemandCost", "pricing_public_on_demand_cost"],
    ["savingsPlan/SavingsPlanEffectiveCost", "savings_plan_savings_plan_effective_cost"],
    ["savingsPlan/SavingsPlanARN", "savings_plan_savings_plan_arn"],
    ["product/servicecode", "product_servicecode"],
    ["line_item_usage_type", "line_item_usage_type"],
  ];
  it.each(names)("renames %s", (legacy, cur2) => {
    expect(normalizeCurColumnName(legacy)).toBe(cur2);
  });

  it("parses JSON and Athena map text", () => {
    expect(parseCurMapColumn('{"product_name":"Amazon Bedrock"}')).toEqual({ product_name: "Amazon Bedrock" });
    expect(parseCurMapColumn("{product_name=Amazon Bedrock, region=us-east-1}")).toEqual({
      product_name: "Amazon Bedrock",
      region: "us-east-1",
    });
    expect(parseCurMapColumn("not a map")).toEqual({});
  });
});

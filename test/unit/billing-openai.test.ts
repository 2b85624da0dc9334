import { describe, expect, it } from "vitest";

import { readOpenAiCostsPage, readOpenAiUsagePage } from "@/lib/billing/openai";

import { collectItems, readAll, readSample, toCsv } from "./billing-fixtures";

function costsPage(results: object[], start = 1730419200): string {
  return JSON.stringify({
    object: "page",
    data: [{ object: "bucket", start_time: start, end_time: start + 86400, results }],
    has_more: false,
    next_page: null,
  });
}

function usagePage(result: object): string {
  return JSON.stringify({
    object: "page",
    data: [{ object: "bucket", start_time: 1730419200, end_time: 1730505600, results: [result] }],
  });
}

describe("OpenAI Costs API", () => {
  it("parses the spec example", async () => {
    const { lines, rejected } = await readAll(readSample("openai/costs-api-example-response.json"));
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      provider: "openai",
      currency: "USD",
      billedCost: "0.06",
      effectiveCost: null,
      listCost: null,
      chargePeriodStart: "2024-11-01T00:00:00.000Z",
      chargePeriodEnd: "2024-11-02T00:00:00.000Z",
      ai: null,
      sourceLine: 9,
    });
  });

  it("keeps amount.value digits exactly", async () => {
    // Literal JSON text, because JSON.stringify would round the first value to a double.
    const results = [
      '{"amount":{"value":0.8958740000000000123,"currency":"usd"},',
      '"line_item":"gpt-5-mini-2025-08-07, input","project_id":"proj_1"},',
      '{"amount":{"value":1e-7,"currency":"usd"},',
      '"line_item":"gpt-5-mini-2025-08-07, output","project_id":"proj_1"}',
    ].join("");
    const text = costsPage([]).replace('"results":[]', `"results":[${results}]`);
    const { lines } = await collectItems(readOpenAiCostsPage(text));
    expect(lines.map((line) => line.billedCost)).toEqual(["0.8958740000000000123", "0.0000001"]);
    expect(lines[0]?.ai).toMatchObject({ model: "gpt-5-mini-2025-08-07", tokenDirection: "input" });
    expect(lines[0]?.subAccountId).toBe("proj_1");
  });

  it("builds the same key for the same charge", async () => {
    const result = { amount: { value: 1.5, currency: "usd" }, line_item: "gpt-4o, output", project_id: "p" };
    const first = await collectItems(readOpenAiCostsPage(costsPage([result])));
    const otherProject = { ...result, project_id: "q" };
    const again = await collectItems(readOpenAiCostsPage(costsPage([result, otherProject])));
    expect(again.lines[0]?.chargeKey).toBe(first.lines[0]?.chargeKey);
    expect(again.lines[1]?.chargeKey).not.toBe(first.lines[0]?.chargeKey);
  });

  it("rejects a non-numeric amount with its path", async () => {
    const text = costsPage([{ amount: { value: "n/a", currency: "usd" } }]);
    const { rejected } = await collectItems(readOpenAiCostsPage(text));
    expect(rejected[0]?.column).toBe("data[0].results[0].amount.value");
  });
});

describe("OpenAI Usage API", () => {
  it("splits the spec example by direction", async () => {
    const { lines, rejected } = await readAll(readSample("openai/usage-completions-api-example-response.json"));
    expect(rejected).toEqual([]);
    expect(lines.map((line) => [line.ai?.tokenDirection, line.ai?.tokens])).toEqual([
      ["input", "500"],
      ["cache_read", "400"],
      ["cache_write", "100"],
      ["output", "500"],
    ]);
    expect(lines.every((line) => line.billedCost === null)).toBe(true);
    expect(new Set(lines.map((line) => line.chargeKey)).size).toBe(4);
  });

  it("subtracts cached tokens from input", async () => {
    const page = usagePage({
      input_tokens: 2000,
      input_cached_tokens: 1800,
      output_tokens: 100,
      model: "gpt-4o-mini",
    });
    const { lines } = await collectItems(readOpenAiUsagePage(page));
    expect(lines.map((line) => [line.ai?.tokenDirection, line.ai?.tokens])).toEqual([
      ["input", "200"],
      ["cache_read", "1800"],
      ["output", "100"],
    ]);
  });

  it("marks batch usage", async () => {
    const page = usagePage({ input_tokens: 10, output_tokens: 5, model: "gpt-5", batch: true });
    const { lines } = await collectItems(readOpenAiUsagePage(page));
    expect(lines.map((line) => line.ai?.tokenDirection)).toEqual(["batch_input", "batch_output"]);
    expect(lines[0]?.ai?.serviceTier).toBe("batch");
  });

  it("rejects cached tokens above input", async () => {
    const page = usagePage({ input_tokens: 100, input_cached_tokens: 1000, output_tokens: 5 });
    const { lines, rejected } = await collectItems(readOpenAiUsagePage(page));
    expect(lines).toEqual([]);
    expect(rejected[0]?.column).toBe("data[0].results[0].input_tokens");
  });
});

describe("OpenAI dashboard CSV", () => {
  it("reads the cost export", async () => {
    const csv = toCsv([
      [
        "start_time",
        "end_time",
        "start_time_iso",
        "end_time_iso",
        "amount_value",
        "amount_currency",
        "line_item",
        "project_id",
        "organization_id",
        "organization_name",
      ],
      [
        "1759622400",
        "1759708800",
        "2025-10-05T00:00:00+00:00",
        "2025-10-06T00:00:00+00:00",
        "0.8958740000000000",
        "usd",
        "gpt-5-mini-2025-08-07, input",
        "proj_1",
        "org-1",
        "Personal",
      ],
      ["1759968000", "1760054400", "2025-10-09T00:00:00+00:00", "2025-10-10T00:00:00+00:00"]
        .concat(Array(6).fill("")),
    ]);
    const { lines, rejected } = await readAll(csv);
    expect(rejected).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      billedCost: "0.895874",
      currency: "USD",
      billingAccountId: "org-1",
      subAccountId: "proj_1",
      chargePeriodStart: "2025-10-05T00:00:00.000Z",
    });
    expect(lines[0]?.ai?.tokenDirection).toBe("input");
  });

  it("reads the activity export", async () => {
    const csv = toCsv([
      [
        "start_time",
        "end_time",
        "project_id",
        "num_model_requests",
        "model",
        "batch",
        "service_tier",
        "input_tokens",
        "output_tokens",
        "input_cached_tokens",
        "input_uncached_tokens",
      ],
      [
        "1759622400",
        "1759708800",
        "proj_1",
        "10.0",
        "gpt-4o-2024-08-06",
        "FALSE",
        "default",
        "59200.0",
        "10646.0",
        "5760.0",
        "53440.0",
      ],
    ]);
    const { lines, rejected } = await readAll(csv);
    expect(rejected).toEqual([]);
    expect(lines.map((line) => [line.ai?.tokenDirection, line.ai?.tokens])).toEqual([
      ["input", "53440"],
      ["cache_read", "5760"],
      ["output", "10646"],
    ]);
    expect(lines[0]?.ai?.serviceTier).toBe("default");
  });
});

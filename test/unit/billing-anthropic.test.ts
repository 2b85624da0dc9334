import { describe, expect, it } from "vitest";

import { readAnthropicCostPage, readAnthropicUsagePage } from "@/lib/billing/anthropic";
import type { BillingLine } from "@/lib/billing/types";
import { addDecimals } from "@/lib/money/decimal";

import { collectItems, readAll } from "./billing-fixtures";

interface Bucket {
  day: string;
  results: object[];
}

function page(buckets: Bucket[]): string {
  return JSON.stringify({
    data: buckets.map(({ day, results }) => ({
      starting_at: `${day}T00:00:00Z`,
      ending_at: `${nextDay(day)}T00:00:00Z`,
      results,
    })),
    has_more: false,
    next_page: null,
  });
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function costResult(
  amount: string,
  tokenType: string,
  serviceTier = "standard",
  model = "claude-haiku-4-5",
) {
  return {
    amount,
    currency: "USD",
    cost_type: "tokens",
    description: `${model} ${serviceTier} ${tokenType}`,
    model,
    service_tier: serviceTier,
    token_type: tokenType,
    workspace_id: "wrkspc_1",
    context_window: "0-200k",
  };
}

/** Stores lines by chargeKey, so a re-imported charge replaces itself. */
function storeByKey(imports: BillingLine[][]): Map<string, BillingLine> {
  const store = new Map<string, BillingLine>();
  for (const lines of imports) for (const line of lines) store.set(line.chargeKey, line);
  return store;
}

describe("Anthropic cost report", () => {
  it("converts cents to dollars exactly", async () => {
    const text = page([
      {
        day: "2025-08-01",
        results: [costResult("123.45", "uncached_input_tokens"), costResult("123.78912", "output_tokens")],
      },
    ]);
    const { lines, rejected } = await collectItems(readAnthropicCostPage(text));
    expect(rejected).toEqual([]);
    expect(lines.map((line) => line.billedCost)).toEqual(["1.2345", "1.2378912"]);
    expect(lines[0]?.currency).toBe("USD");
    expect(lines[0]?.effectiveCost).toBeNull();
  });

  it("maps token types to directions", async () => {
    const types = [
      "uncached_input_tokens",
      "output_tokens",
      "cache_read_input_tokens",
      "cache_creation.ephemeral_5m_input_tokens",
      "cache_creation.ephemeral_1h_input_tokens",
    ];
    const text = page([{ day: "2025-08-01", results: types.map((type) => costResult("1", type)) }]);
    const { lines } = await collectItems(readAnthropicCostPage(text));
    expect(lines.map((line) => line.ai?.tokenDirection)).toEqual([
      "input",
      "output",
      "cache_read",
      "cache_write_5m",
      "cache_write_1h",
    ]);
  });

  it("keeps tool costs without AI recognition", async () => {
    const webSearch = {
      amount: "1000",
      currency: "USD",
      cost_type: "web_search",
      description: "Web search",
    };
    const text = page([{ day: "2025-08-01", results: [webSearch] }]);
    const { lines } = await collectItems(readAnthropicCostPage(text));
    expect(lines[0]?.billedCost).toBe("10");
    expect(lines[0]?.ai).toBeNull();
  });

  it("rejects a non-decimal amount", async () => {
    const text = page([{ day: "2025-08-01", results: [costResult("12,5", "output_tokens")] }]);
    const { rejected } = await collectItems(readAnthropicCostPage(text));
    expect(rejected[0]?.column).toBe("data[0].results[0].amount");
    expect(rejected[0]?.line).toBeGreaterThan(0);
  });

  it("records a batch reported by three overlapping imports once", async () => {
    const batchInput = costResult("0.09", "uncached_input_tokens", "batch");
    const batchOutput = costResult("0.25", "output_tokens", "batch");
    const other = costResult("3.00", "output_tokens", "standard", "claude-sonnet-4-5");
    const imports = [
      page([
        { day: "2025-03-08", results: [other] },
        { day: "2025-03-09", results: [batchInput, batchOutput] },
      ]),
      page([
        { day: "2025-03-09", results: [batchOutput, batchInput] },
        { day: "2025-03-10", results: [other] },
      ]),
      page([{ day: "2025-03-09", results: [batchInput, batchOutput] }]),
    ];
    const read = await Promise.all(imports.map((text) => collectItems(readAnthropicCostPage(text))));
    const batchKeys = read.map(({ lines }) =>
      lines.filter((line) => line.ai?.serviceTier === "batch").map((line) => line.chargeKey).sort(),
    );
    expect(batchKeys[1]).toEqual(batchKeys[0]);
    expect(batchKeys[2]).toEqual(batchKeys[0]);

    const store = storeByKey(read.map(({ lines }) => lines));
    const batchLines = [...store.values()].filter((line) => line.ai?.serviceTier === "batch");
    expect(batchLines.map((line) => line.ai?.tokenDirection).sort()).toEqual(["batch_input", "batch_output"]);
    expect(addDecimals(batchLines.map((line) => line.billedCost ?? "0"))).toBe("0.0034");
    expect(store.size).toBe(4);
  });
});

describe("Anthropic usage report", () => {
  const docsResult = {
    api_key_id: "apikey_01Rj2N8SVvo6BePZj99NhmiT",
    cache_creation: { ephemeral_1h_input_tokens: 1000, ephemeral_5m_input_tokens: 500 },
    cache_read_input_tokens: 200,
    context_window: "0-200k",
    model: "claude-sonnet-4-20250514",
    output_tokens: 500,
    server_tool_use: { web_search_requests: 10 },
    service_tier: "standard",
    uncached_input_tokens: 1500,
    workspace_id: "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ",
  };

  it("splits the documented example", async () => {
    const { lines, rejected } = await readAll(page([{ day: "2025-08-01", results: [docsResult] }]));
    expect(rejected).toEqual([]);
    expect(lines.map((line) => [line.ai?.tokenDirection ?? line.unit, line.quantity])).toEqual([
      ["input", "1500"],
      ["cache_write_5m", "500"],
      ["cache_write_1h", "1000"],
      ["cache_read", "200"],
      ["output", "500"],
      ["web_search_requests", "10"],
    ]);
    expect(lines[0]?.billedCost).toBeNull();
    expect(lines[0]?.currency).toBe("XXX");
  });

  it("keys a batch the same in overlapping imports", async () => {
    const batch = {
      uncached_input_tokens: 1800,
      output_tokens: 1000,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      model: "claude-haiku-4-5",
      service_tier: "batch",
      workspace_id: null,
      api_key_id: null,
    };
    const imports = [
      page([{ day: "2025-03-08", results: [] }, { day: "2025-03-09", results: [batch] }]),
      page([{ day: "2025-03-09", results: [batch] }, { day: "2025-03-10", results: [] }]),
      page([{ day: "2025-03-09", results: [batch] }]),
    ];
    const read = await Promise.all(imports.map((text) => collectItems(readAnthropicUsagePage(text))));
    const store = storeByKey(read.map(({ lines }) => lines));
    expect([...store.values()].map((line) => [line.ai?.tokenDirection, line.ai?.tokens])).toEqual([
      ["batch_input", "1800"],
      ["batch_output", "1000"],
    ]);
  });
});

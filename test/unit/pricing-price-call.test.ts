import { describe, expect, it } from "vitest";

import { priceCall, type PricedCall } from "@/lib/pricing/price-call";
import type { CallCost, PriceRow } from "@/lib/pricing/types";
import type { TokenUsage } from "@/lib/spans/types";

import { nanosAt, testRow, usageOf } from "./pricing-fixtures";

const AT = nanosAt("2025-11-03T10:00:00Z");

function callOf(
  model: string,
  usage: TokenUsage | null,
  overrides: Partial<PricedCall> = {},
): PricedCall {
  return { provider: null, model, serviceTier: null, startTimeUnixNano: AT, usage, ...overrides };
}

/** A standard-tier OpenAI row for `acme-chat` or the given model. */
function chatRow(inputPerMTok: string, outputPerMTok: string, model = "acme-chat"): PriceRow {
  return testRow({ provider: "openai", model, inputPerMTok, outputPerMTok });
}

function codeOf(result: CallCost): string | null {
  return result.status === "unpriced" ? result.code : null;
}

describe("priceCall long-context tier", () => {
  const pro: PriceRow = testRow({
    provider: "gcp.gemini",
    model: "gemini-2.5-pro",
    inputPerMTok: "1.25",
    cacheReadPerMTok: "0.125",
    outputPerMTok: "10",
    longContextThresholdTokens: 200_000,
    longInputPerMTok: "2.5",
    longCacheReadPerMTok: "0.25",
    longOutputPerMTok: "15",
  });

  it("keeps standard rates at the threshold", () => {
    const usage = usageOf({ uncached: 200_000, output: 1_000 });
    const result = priceCall([pro], callOf("gemini-2.5-pro", usage));
    // 200,000 x 1.25 + 1,000 x 10 = 260,000 per million
    expect(result.costUsd).toBe("0.26");
  });

  it("applies long rates to the whole request", () => {
    const usage = usageOf({ uncached: 150_000, cacheRead: 50_001, output: 1_000 });
    const result = priceCall([pro], callOf("gemini-2.5-pro", usage));
    // 150,000 x 2.5 + 50,001 x 0.25 + 1,000 x 15 = 402,500.25 per million
    expect(result.costUsd).toBe("0.40250025");
  });

  it("counts cache writes toward the threshold", () => {
    const usage = usageOf({ uncached: 100_000, cacheWrite: 100_001 });
    const result = priceCall([pro], callOf("gemini-2.5-pro", usage));
    // no write price in either tier, so writes cost the long input rate
    expect(result.costUsd).toBe("0.5000025");
  });
});

describe("priceCall cache rates", () => {
  it("prices reads at input without a read price", () => {
    const row = chatRow("5", "15", "gpt-4o-2024-05-13");
    const usage = usageOf({ uncached: 200, cacheRead: 800 });
    const result = priceCall([row], callOf("gpt-4o-2024-05-13", usage));
    expect(result.costUsd).toBe("0.005");
  });

  it("prices unknown-lifetime writes at 5 minutes", () => {
    const row = testRow({
      provider: "anthropic",
      model: "claude-haiku-4-5",
      inputPerMTok: "1",
      cacheWrite5mPerMTok: "1.25",
      cacheWrite1hPerMTok: "2",
      outputPerMTok: "5",
    });
    const usage = usageOf({ cacheWrite: 1_000, cacheWrite1h: 400 });
    const result = priceCall([row], callOf("claude-haiku-4-5", usage));
    // 600 unknown x 1.25 + 400 x 2 = 1,550 per million
    expect(result.costUsd).toBe("0.00155");
  });

  it("refuses 1-hour writes without their price", () => {
    const row = testRow({
      provider: "anthropic",
      model: "claude-haiku-4-5",
      inputPerMTok: "1",
      cacheWrite5mPerMTok: "1.25",
      outputPerMTok: "5",
    });
    const usage = usageOf({ cacheWrite: 1_000, cacheWrite1h: 1_000 });
    const result = priceCall([row], callOf("claude-haiku-4-5", usage));
    expect(result.status).toBe("unpriced");
    expect(codeOf(result)).toBe("no_cache_write_1h_price");
  });
});

describe("priceCall exact arithmetic", () => {
  it("keeps 10^-12 USD resolution", () => {
    const oneToken = callOf("acme-chat", usageOf({ uncached: 1 }));
    const result = priceCall([chatRow("0.000001", "0")], oneToken);
    expect(result.costUsd).toBe("0.000000000001");
  });

  it("rounds sub-unit results half up", () => {
    const oneToken = callOf("acme-chat", usageOf({ uncached: 1 }));
    const result = priceCall([chatRow("0.0000005", "0")], oneToken);
    expect(result.costUsd).toBe("0.000000000001");
  });

  it("prices large counts without floats", () => {
    const usage = usageOf({ uncached: 9_007_199_254_740_991 });
    const result = priceCall([chatRow("0.15", "0.6")], callOf("acme-chat", usage));
    expect(result.costUsd).toBe("1351079888.21114865");
  });

  it("prices zero tokens at zero", () => {
    const result = priceCall([chatRow("1", "4")], callOf("acme-chat", usageOf({})));
    expect(result.status).toBe("priced");
    expect(result.costUsd).toBe("0");
  });
});

describe("priceCall unpriced calls", () => {
  const row = chatRow("1", "4");

  it("needs a model", () => {
    const usage = usageOf({ uncached: 10 });
    const result = priceCall([row], callOf("acme-chat", usage, { model: null }));
    expect(result.costUsd).toBeNull();
    expect(codeOf(result)).toBe("model_missing");
  });

  it("needs usage", () => {
    expect(codeOf(priceCall([row], callOf("acme-chat", null)))).toBe("usage_missing");
  });

  it("rejects inconsistent buckets", () => {
    const usage = { ...usageOf({ uncached: 100, cacheRead: 50 }), uncachedInput: 90 };
    expect(codeOf(priceCall([row], callOf("acme-chat", usage)))).toBe("invalid_usage");
  });

  it("rejects fractional counts", () => {
    const usage = { ...usageOf({ uncached: 100 }), output: 1.5 };
    expect(codeOf(priceCall([row], callOf("acme-chat", usage)))).toBe("invalid_usage");
  });

  it("rejects split writes above the total", () => {
    const usage = usageOf({ cacheWrite: 100, cacheWrite5m: 80, cacheWrite1h: 40 });
    expect(codeOf(priceCall([row], callOf("acme-chat", usage)))).toBe("invalid_usage");
  });

  it("names model, tier and day in the reason", () => {
    const usage = usageOf({ uncached: 1 });
    const result = priceCall([row], callOf("acme-other", usage, { serviceTier: "batch" }));
    const reason = result.status === "unpriced" ? result.reason : "";
    expect(reason).toContain('batch price for model "acme-other"');
    expect(reason).toContain("2025-11-03");
  });
});

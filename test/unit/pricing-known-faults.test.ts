import { describe, expect, it } from "vitest";

import { addDecimals } from "@/lib/money/decimal";
import { compareEmitterCost } from "@/lib/pricing/compare-emitter-cost";
import { priceCall } from "@/lib/pricing/price-call";
import type { CallCost } from "@/lib/pricing/types";

import { nanosAt, testRow, usageOf } from "./pricing-fixtures";

const AT = nanosAt("2025-11-03T10:00:00Z");

const SONNET_ROWS = ["claude-3-5-sonnet-20240620", "claude-sonnet-4-5"].map((model) =>
  testRow({
    provider: "anthropic",
    model,
    inputPerMTok: "3.00",
    cacheWrite5mPerMTok: "3.75",
    cacheWrite1hPerMTok: "6.00",
    cacheReadPerMTok: "0.30",
    outputPerMTok: "15.00",
  }),
);
const HAIKU_3_5 = testRow({
  provider: "anthropic",
  model: "claude-3-5-haiku",
  inputPerMTok: "0.80",
  cacheWrite5mPerMTok: "1.00",
  cacheReadPerMTok: "0.08",
  outputPerMTok: "4.00",
});
const GPT_4O_MINI = testRow({
  provider: "openai",
  model: "gpt-4o-mini",
  inputPerMTok: "0.15",
  cacheReadPerMTok: "0.075",
  outputPerMTok: "0.60",
});
const GPT_4O_ROWS = [
  testRow({
    provider: "openai",
    model: "gpt-4o-2024-05-13",
    inputPerMTok: "5.00",
    outputPerMTok: "15.00",
  }),
  testRow({
    provider: "openai",
    model: "gpt-4o",
    inputPerMTok: "2.50",
    cacheReadPerMTok: "1.25",
    outputPerMTok: "10.00",
  }),
];
const GPT_5_ROWS = [
  testRow({
    provider: "openai",
    model: "gpt-5",
    inputPerMTok: "1.25",
    cacheReadPerMTok: "0.125",
    outputPerMTok: "10.00",
  }),
  testRow({
    provider: "openai",
    model: "gpt-5",
    serviceTier: "batch",
    inputPerMTok: "0.625",
    cacheReadPerMTok: "0.0625",
    outputPerMTok: "5.00",
  }),
];
const GEMINI_FLASH = testRow({
  provider: "gcp.gemini",
  model: "gemini-2.5-flash",
  inputPerMTok: "0.30",
  outputPerMTok: "2.50",
});

function costOf(result: CallCost): string | null {
  return result.costUsd;
}

describe("F01 Anthropic cache tokens", () => {
  it("prices cache reads at the cache-read rate", () => {
    const result = priceCall(SONNET_ROWS, {
      provider: "anthropic",
      model: "claude-3-5-sonnet-20240620",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 100, cacheRead: 5_000, output: 200 }),
    });
    expect(result.status).toBe("priced");
    expect(result.costUsd).toBe("0.0048");
  });

  it("prices cache writes once, at the write rate", () => {
    const usage = usageOf({ uncached: 100, cacheWrite: 5_000, output: 200 });
    expect(usage.input).toBe(5_100);
    const result = priceCall(SONNET_ROWS, {
      provider: "anthropic",
      model: "claude-3-5-sonnet-20240620",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage,
    });
    expect(costOf(result)).toBe("0.02205");
    expect(costOf(result)).not.toBe("0.03705");
  });

  it("prices 1-hour writes at the 1-hour rate", () => {
    const result = priceCall(SONNET_ROWS, {
      provider: "anthropic",
      model: "claude-3-5-sonnet-20240620",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({
        uncached: 100,
        cacheWrite: 5_000,
        cacheWrite5m: 1_000,
        cacheWrite1h: 4_000,
        output: 200,
      }),
    });
    // 100 x 3 + 1,000 x 3.75 + 4,000 x 6 + 200 x 15 = 31,050 per million
    expect(costOf(result)).toBe("0.03105");
  });
});

describe("F02 OpenAI cached tokens", () => {
  it("counts cached tokens once", () => {
    const usage = usageOf({ uncached: 200, cacheRead: 1_800, output: 100 });
    expect(usage.input).toBe(2_000);
    const result = priceCall([GPT_4O_MINI], {
      provider: "openai",
      model: "gpt-4o-mini",
      serviceTier: "default",
      startTimeUnixNano: AT,
      usage,
    });
    expect(costOf(result)).toBe("0.000225");
  });
});

describe("F03 negative cost from cache reads", () => {
  it("prices Anthropic usage with reads excluded from input", () => {
    const result = priceCall([HAIKU_3_5], {
      provider: "anthropic",
      model: "claude-3-5-haiku-20241022",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 100, cacheRead: 1_000, output: 50 }),
    });
    expect(costOf(result)).toBe("0.00036");
  });

  it("flags a negative uncached bucket", () => {
    // input 100 misread as including the 1,000 cache reads
    const usage = { ...usageOf({ cacheRead: 1_000, output: 50 }), input: 100, uncachedInput: -900 };
    const result = priceCall([HAIKU_3_5], {
      provider: "anthropic",
      model: "claude-3-5-haiku-20241022",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage,
    });
    expect(result.status).toBe("unpriced");
    expect(result.costUsd).toBeNull();
    expect(result).toHaveProperty("code", "negative_bucket");
  });
});

describe("F04 thinking tokens", () => {
  it("bills reasoning inside output", () => {
    const result = priceCall([GEMINI_FLASH], {
      provider: "gcp.gemini",
      model: "gemini-2.5-flash",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 1_000, output: 1_000, reasoning: 800 }),
    });
    expect(costOf(result)).toBe("0.0028");
  });

  it("rejects reasoning larger than output", () => {
    const result = priceCall([GEMINI_FLASH], {
      provider: "gcp.gemini",
      model: "gemini-2.5-flash",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 1_000, output: 200, reasoning: 800 }),
    });
    expect(result.status).toBe("unpriced");
    expect(result).toHaveProperty("code", "invalid_usage");
  });
});

describe("F05 dated model ids", () => {
  it("prices a dated id through its alias", () => {
    const result = priceCall([HAIKU_3_5], {
      provider: "anthropic",
      model: "claude-3-5-haiku-20241022",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 1_000, output: 100 }),
    });
    expect(costOf(result)).toBe("0.0012");
  });

  it("prefers the dated row over the alias", () => {
    const result = priceCall(GPT_4O_ROWS, {
      provider: "openai",
      model: "gpt-4o-2024-05-13",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 1_000, output: 100 }),
    });
    expect(costOf(result)).toBe("0.0065");
    expect(result.priceId).toBe(GPT_4O_ROWS[0]?.id);
  });

  it("leaves an unknown id unpriced, not $0", () => {
    const result = priceCall([...GPT_4O_ROWS, HAIKU_3_5], {
      provider: "openai",
      model: "acme-unknown-model-0315",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 1_000, output: 100 }),
    });
    expect(result.status).toBe("unpriced");
    expect(result.costUsd).toBeNull();
    expect(result).toHaveProperty("code", "no_price");
  });
});

describe("F06 batch tier", () => {
  const usage = usageOf({ uncached: 2_000, cacheRead: 8_000, output: 1_000 });

  it("uses the batch rates for every bucket", () => {
    const result = priceCall(GPT_5_ROWS, {
      provider: "openai",
      model: "gpt-5-2025-08-07",
      serviceTier: "batch",
      startTimeUnixNano: AT,
      usage,
    });
    expect(costOf(result)).toBe("0.00675");
    expect(costOf(result)).not.toBe("0.0135");
    expect(costOf(result)).not.toBe("0.01125");
  });

  it("never falls back to standard rates", () => {
    const standardOnly = GPT_5_ROWS.filter((row) => row.serviceTier === "standard");
    const result = priceCall(standardOnly, {
      provider: "openai",
      model: "gpt-5",
      serviceTier: "batch",
      startTimeUnixNano: AT,
      usage,
    });
    expect(result.status).toBe("unpriced");
    expect(result.costUsd).toBeNull();
  });
});

describe("F07 emitter cost without unit", () => {
  const row = testRow({
    provider: "openai",
    model: "acme-chat",
    inputPerMTok: "1.00",
    outputPerMTok: "4.00",
  });

  it("records our estimate and flags the hint", () => {
    const result = priceCall([row], {
      provider: "openai",
      model: "acme-chat",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 1_000, output: 200 }),
    });
    expect(costOf(result)).toBe("0.0018");
    expect(compareEmitterCost(costOf(result), "13")).toBe(true);
  });
});

describe("F14 streamed calls", () => {
  it("prices a streamed call like an unstreamed one", () => {
    const call = {
      provider: "anthropic",
      model: "claude-sonnet-4-5-20250929",
      serviceTier: null,
      startTimeUnixNano: AT,
      usage: usageOf({ uncached: 10_000, output: 2_000 }),
    };
    const costs = Array.from({ length: 20 }, () => costOf(priceCall(SONNET_ROWS, call)) ?? "");
    expect(costs[0]).toBe("0.06");
    expect(addDecimals(costs.slice(0, 16))).toBe("0.96");
    expect(addDecimals(costs.slice(0, 17))).toBe("1.02");
  });
});

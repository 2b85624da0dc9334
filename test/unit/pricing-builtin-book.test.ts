import { describe, expect, it } from "vitest";

import { toUnits } from "@/lib/money/decimal";
import { builtinPriceBook } from "@/lib/pricing/builtin-prices";
import { findPrice } from "@/lib/pricing/find-price";
import { priceCall } from "@/lib/pricing/price-call";
import { findPriceBookProblems } from "@/lib/pricing/validate-price-book";

import { nanosAt, testRow, usageOf } from "./pricing-fixtures";

const PRICE_FIELDS = [
  "inputPerMTok",
  "outputPerMTok",
  "cacheReadPerMTok",
  "cacheWrite5mPerMTok",
  "cacheWrite1hPerMTok",
  "longInputPerMTok",
  "longOutputPerMTok",
  "longCacheReadPerMTok",
  "longCacheWrite5mPerMTok",
  "longCacheWrite1hPerMTok",
  "regionalProfileMultiplier",
] as const;

describe("builtinPriceBook", () => {
  it("covers at least 20 models", () => {
    const models = new Set(builtinPriceBook.map((row) => `${row.provider}/${row.model}`));
    expect(models.size).toBeGreaterThanOrEqual(20);
  });

  it("covers every named provider", () => {
    const providers = new Set(builtinPriceBook.map((row) => row.provider));
    for (const provider of [
      "openai",
      "anthropic",
      "gcp.gemini",
      "mistral_ai",
      "aws.bedrock",
      "groq",
      "azure.ai.inference",
    ]) {
      expect(providers, provider).toContain(provider);
    }
  });

  it("gives every row a source URL and check date", () => {
    for (const row of builtinPriceBook) {
      expect(row.source, row.id).toMatch(/^https:\/\/\S+$/);
      expect(row.sourceCheckedOn, row.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("explains every unverified row", () => {
    for (const row of builtinPriceBook.filter((r) => !r.verified)) {
      expect(row.note, row.id).toBeTruthy();
    }
  });

  it("has no duplicate keys", () => {
    const keys = builtinPriceBook.map((row) =>
      [row.provider, row.model, row.serviceTier, row.effectiveFrom, row.region ?? ""].join("|"),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("parses every price with toUnits", () => {
    for (const row of builtinPriceBook) {
      for (const field of PRICE_FIELDS) {
        const value = row[field];
        if (value !== null) expect(toUnits(value), `${row.id} ${field}`).toBeGreaterThanOrEqual(0n);
      }
    }
  });

  it("passes the book checks", () => {
    expect(findPriceBookProblems(builtinPriceBook)).toEqual([]);
  });

  it("prices common ids from spans", () => {
    const at = "2025-11-20T00:00:00Z";
    const ids: [provider: string | null, model: string][] = [
      ["openai", "gpt-4o-2024-08-06"],
      ["openai", "gpt-5-mini-2025-08-07"],
      ["anthropic", "claude-sonnet-4-5-20250929"],
      ["aws.bedrock", "us.anthropic.claude-haiku-4-5-20251001-v1:0"],
      ["gcp.vertex_ai", "gemini-2.5-pro"],
      ["mistral_ai", "mistral-medium-latest"],
      ["aws.bedrock", "us.meta.llama3-3-70b-instruct-v1:0"],
      ["groq", "llama-3.3-70b-versatile"],
      ["azure.ai.inference", "Phi-4"],
    ];
    for (const [provider, model] of ids) {
      const row = findPrice(builtinPriceBook, { provider, model, serviceTier: null, at });
      expect(row, model).not.toBeNull();
    }
  });

  it("matches the known-fault case prices", () => {
    const at = nanosAt("2025-11-20T00:00:00Z");
    const thinking = usageOf({ uncached: 1_000, output: 1_000, reasoning: 800 });
    const cacheReads = usageOf({ uncached: 100, cacheRead: 5_000, output: 200 });
    const haikuReads = usageOf({ uncached: 100, cacheRead: 1_000, output: 50 });
    const cases: [string, string | null, ReturnType<typeof usageOf>, string][] = [
      ["gpt-4o-mini", null, usageOf({ uncached: 1_000, output: 100 }), "0.00021"],
      ["gpt-4o-mini", null, usageOf({ uncached: 200, cacheRead: 1_800, output: 100 }), "0.000225"],
      ["gpt-5", "batch", usageOf({ uncached: 2_000, cacheRead: 8_000, output: 1_000 }), "0.00675"],
      ["claude-haiku-4-5", "batch", usageOf({ uncached: 1_800, output: 1_000 }), "0.0034"],
      ["claude-sonnet-4-5-20250929", null, usageOf({ uncached: 10_000, output: 2_000 }), "0.06"],
      ["claude-3-5-haiku-20241022", null, usageOf({ uncached: 1_000, output: 100 }), "0.0012"],
      ["gemini-2.5-flash", null, thinking, "0.0028"],
      ["claude-3-5-sonnet-20240620", null, cacheReads, "0.0048"],
      ["claude-3-5-haiku-20241022", null, haikuReads, "0.00036"],
    ];
    for (const [model, serviceTier, usage, expected] of cases) {
      const call = { provider: null, model, serviceTier, startTimeUnixNano: at, usage };
      expect(priceCall(builtinPriceBook, call).costUsd, model).toBe(expected);
    }
  });

  it("prices Gemini 2.5 Pro above 200k", () => {
    const result = priceCall(builtinPriceBook, {
      provider: "gcp.gemini",
      model: "gemini-2.5-pro",
      serviceTier: null,
      startTimeUnixNano: nanosAt("2025-11-20T00:00:00Z"),
      usage: usageOf({ uncached: 250_000, output: 2_000 }),
    });
    // 250,000 x 2.50 + 2,000 x 15 = 655,000 per million
    expect(result.costUsd).toBe("0.655");
  });

  it("prices o3 before and after its cut", () => {
    const call = {
      provider: "openai",
      model: "o3-2025-04-16",
      serviceTier: null,
      usage: usageOf({ uncached: 1_000_000 }),
    };
    const before = priceCall(builtinPriceBook, {
      ...call,
      startTimeUnixNano: nanosAt("2025-05-01T00:00:00Z"),
    });
    const after = priceCall(builtinPriceBook, {
      ...call,
      startTimeUnixNano: nanosAt("2025-07-01T00:00:00Z"),
    });
    expect(before.costUsd).toBe("10");
    expect(after.costUsd).toBe("2");
  });
});

describe("findPriceBookProblems", () => {
  const ACME = { provider: "openai", model: "acme-chat", inputPerMTok: "1", outputPerMTok: "2" };

  it("reports overlapping rows", () => {
    const book = [
      testRow({ ...ACME, effectiveFrom: "2025-01-01" }),
      testRow({ ...ACME, effectiveFrom: "2025-02-01" }),
    ];
    expect(findPriceBookProblems(book)).toEqual([
      "openai:acme-chat:standard:2025-02-01: overlaps openai:acme-chat:standard:2025-01-01",
    ]);
  });

  it("reports bad prices, dates and sources", () => {
    const row = {
      ...testRow({ ...ACME, inputPerMTok: "1,5", outputPerMTok: "-2" }),
      effectiveTo: "2023-12-31",
      source: "see the website",
    };
    const problems = findPriceBookProblems([row]);
    const id = "openai:acme-chat:standard:2024-01-01";
    expect(problems).toContain(`${id}: inputPerMTok "1,5" is not a decimal`);
    expect(problems).toContain(`${id}: outputPerMTok "-2" is negative`);
    expect(problems.some((p) => p.includes("effectiveTo 2023-12-31 is not after"))).toBe(true);
    expect(problems.some((p) => p.includes('source "see the website"'))).toBe(true);
  });

  it("reports upper-case model ids", () => {
    const row = testRow({ ...ACME, provider: "azure.ai.inference", model: "Phi-4" });
    expect(findPriceBookProblems([row])).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";

import { findPrice, findPriceMatch, normalizeServiceTier } from "@/lib/pricing/find-price";
import { listModelCandidates } from "@/lib/pricing/model-candidates";
import { priceCall } from "@/lib/pricing/price-call";
import type { PriceQuery } from "@/lib/pricing/types";

import { nanosAt, testRow, usageOf } from "./pricing-fixtures";

const AT = "2025-11-03T10:00:00Z";

function query(model: string, overrides: Partial<PriceQuery> = {}): PriceQuery {
  return { provider: null, model, serviceTier: null, at: AT, ...overrides };
}

describe("listModelCandidates", () => {
  it("strips a Bedrock id step by step", () => {
    const { candidates, regionScope } = listModelCandidates(
      "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    expect(candidates).toEqual([
      "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      "anthropic.claude-sonnet-4-5-20250929-v1:0",
      "claude-sonnet-4-5-20250929-v1:0",
      "claude-sonnet-4-5-20250929",
      "claude-sonnet-4-5",
    ]);
    expect(regionScope).toBe("regional");
  });

  it("reads global profiles", () => {
    expect(listModelCandidates("global.anthropic.claude-haiku-4-5-20251001-v1:0").regionScope).toBe(
      "global",
    );
  });

  it("strips host paths and date forms", () => {
    expect(listModelCandidates("azure/gpt-4o").candidates).toContain("gpt-4o");
    expect(listModelCandidates("openai/gpt-4o-2024-08-06").candidates.at(-1)).toBe("gpt-4o");
    const gemini = listModelCandidates("models/gemini-2.5-flash");
    expect(gemini.candidates.at(-1)).toBe("gemini-2.5-flash");
    expect(listModelCandidates("claude-sonnet-4-5@20250929").candidates.at(-1)).toBe(
      "claude-sonnet-4-5",
    );
    expect(listModelCandidates("mistral-large-latest").candidates.at(-1)).toBe("mistral-large");
  });

  it("keeps four-digit suffixes", () => {
    expect(listModelCandidates("gpt-3.5-turbo-0613").candidates).toEqual(["gpt-3.5-turbo-0613"]);
  });

  it("ignores a geography prefix without vendor", () => {
    const result = listModelCandidates("eu.custom-model");
    expect(result.candidates).toEqual(["eu.custom-model"]);
    expect(result.regionScope).toBeNull();
  });

  it("reads foundation-model ARNs", () => {
    const arn =
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0";
    expect(listModelCandidates(arn).candidates.at(-1)).toBe("claude-3-5-haiku");
  });
});

describe("findPrice effective dating", () => {
  const book = [
    testRow({
      provider: "openai",
      model: "acme-chat",
      effectiveFrom: "2025-01-01",
      effectiveTo: "2025-03-15",
      inputPerMTok: "1.00",
      outputPerMTok: "4.00",
    }),
    testRow({
      provider: "openai",
      model: "acme-chat",
      effectiveFrom: "2025-03-15",
      inputPerMTok: "0.50",
      outputPerMTok: "2.00",
    }),
  ];

  it("uses the old price before the change", () => {
    const row = findPrice(book, query("acme-chat", { at: "2025-03-14T23:59:59.999Z" }));
    expect(row?.inputPerMTok).toBe("1.00");
  });

  it("uses the new price from the change", () => {
    const row = findPrice(book, query("acme-chat", { at: "2025-03-15T00:00:00Z" }));
    expect(row?.inputPerMTok).toBe("0.50");
  });

  it("prices calls by their start time", () => {
    const usage = usageOf({ uncached: 1_000_000 });
    const call = { provider: "openai", model: "acme-chat", serviceTier: null, usage };
    const before = priceCall(book, { ...call, startTimeUnixNano: nanosAt("2025-03-10T00:00:00Z") });
    const after = priceCall(book, { ...call, startTimeUnixNano: nanosAt("2025-03-20T00:00:00Z") });
    expect(before.costUsd).toBe("1");
    expect(after.costUsd).toBe("0.5");
  });

  it("returns null before the first row", () => {
    expect(findPrice(book, query("acme-chat", { at: "2024-12-31T23:59:59Z" }))).toBeNull();
  });

  it("returns null for an invalid time", () => {
    expect(findPrice(book, query("acme-chat", { at: "not a date" }))).toBeNull();
  });
});

describe("findPrice service tier", () => {
  const book = [
    testRow({ provider: "openai", model: "gpt-5", inputPerMTok: "1.25", outputPerMTok: "10" }),
    testRow({
      provider: "openai",
      model: "gpt-5",
      serviceTier: "priority",
      inputPerMTok: "2.5",
      outputPerMTok: "20",
    }),
    testRow({
      provider: "openai",
      model: "gpt-4o",
      serviceTier: "batch",
      inputPerMTok: "1.25",
      outputPerMTok: "5",
    }),
    testRow({
      provider: "openai",
      model: "gpt-4o-2024-05-13",
      inputPerMTok: "5",
      outputPerMTok: "15",
    }),
  ];

  it("maps default and auto to standard", () => {
    expect(normalizeServiceTier("default")).toBe("standard");
    expect(normalizeServiceTier("auto")).toBe("standard");
    expect(normalizeServiceTier(null)).toBe("standard");
    expect(normalizeServiceTier("Batch")).toBe("batch");
  });

  it("uses the priority row", () => {
    expect(findPrice(book, query("gpt-5", { serviceTier: "priority" }))?.outputPerMTok).toBe("20");
  });

  it("leaves flex without a row unpriced", () => {
    expect(findPrice(book, query("gpt-5", { serviceTier: "flex" }))).toBeNull();
  });

  it("leaves unknown tiers unpriced", () => {
    expect(findPrice(book, query("gpt-5", { serviceTier: "scale" }))).toBeNull();
  });

  it("keeps a dated model off its alias's tiers", () => {
    expect(findPrice(book, query("gpt-4o-2024-05-13", { serviceTier: "batch" }))).toBeNull();
  });
});

describe("findPrice providers", () => {
  const gpt4o = testRow({
    provider: "openai",
    model: "gpt-4o",
    inputPerMTok: "2.50",
    cacheReadPerMTok: "1.25",
    outputPerMTok: "10.00",
  });
  const sonnet = testRow({
    provider: "anthropic",
    model: "claude-sonnet-4-5",
    inputPerMTok: "3.00",
    cacheReadPerMTok: "0.30",
    outputPerMTok: "15.00",
    regionalProfileMultiplier: "1.1",
  });
  const opus41 = testRow({
    provider: "anthropic",
    model: "claude-opus-4-1",
    inputPerMTok: "15",
    outputPerMTok: "75",
  });
  const flash = testRow({
    provider: "gcp.gemini",
    model: "gemini-2.5-flash",
    inputPerMTok: "0.30",
    outputPerMTok: "2.50",
  });
  const book = [gpt4o, sonnet, opus41, flash];

  it("matches azure/gpt-4o to the OpenAI row", () => {
    const match = findPriceMatch(book, query("azure/gpt-4o", { provider: "azure.ai.openai" }));
    expect(match?.row.id).toBe(gpt4o.id);
    expect(match?.multiplier).toBe("1");
  });

  it("never crosses between vendors", () => {
    expect(findPrice(book, query("gpt-4o", { provider: "anthropic" }))).toBeNull();
  });

  it("matches any row when the provider is unknown", () => {
    expect(findPrice(book, query("gpt-4o"))?.id).toBe(gpt4o.id);
  });

  it("matches Vertex AI ids to Anthropic rows", () => {
    const row = findPrice(book, query("claude-sonnet-4-5@20250929", { provider: "gcp.vertex_ai" }));
    expect(row?.id).toBe(sonnet.id);
  });

  it("matches Vertex AI to Gemini API rows", () => {
    const row = findPrice(book, query("models/gemini-2.5-flash", { provider: "gcp.vertex_ai" }));
    expect(row?.id).toBe(flash.id);
  });

  it("prefers the host's own rows", () => {
    const bedrockSonnet = testRow({
      provider: "aws.bedrock",
      model: "claude-sonnet-4-5",
      inputPerMTok: "2.70",
      outputPerMTok: "13.50",
    });
    const withHostRow = [sonnet, bedrockSonnet];
    const viaBedrock = query("anthropic.claude-sonnet-4-5-20250929-v1:0", {
      provider: "aws.bedrock",
    });
    expect(findPrice(withHostRow, viaBedrock)?.id).toBe(bedrockSonnet.id);
    const direct = query("claude-sonnet-4-5-20250929", { provider: "anthropic" });
    expect(findPrice(withHostRow, direct)?.id).toBe(sonnet.id);
  });

  it("adds 10 % for regional Bedrock profiles", () => {
    const call = {
      provider: "aws.bedrock",
      serviceTier: null,
      startTimeUnixNano: nanosAt(AT),
      usage: usageOf({ uncached: 10_000, output: 2_000 }),
    };
    const bedrockId = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    const regional = priceCall(book, { ...call, model: `us.${bedrockId}` });
    const global = priceCall(book, { ...call, model: `global.${bedrockId}` });
    expect(regional.costUsd).toBe("0.066");
    expect(regional).toHaveProperty("priceMultiplier", "1.1");
    expect(global.costUsd).toBe("0.06");
    expect(global).toHaveProperty("priceMultiplier", "1");
  });

  it("adds nothing for models without the uplift", () => {
    const match = findPriceMatch(
      book,
      query("us.anthropic.claude-opus-4-1-20250805-v1:0", { provider: "aws.bedrock" }),
    );
    expect(match?.row.id).toBe(opus41.id);
    expect(match?.multiplier).toBe("1");
  });

  it("prefers a row written for the profile scope", () => {
    const regionalRow = testRow({
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      region: "regional",
      inputPerMTok: "3.30",
      outputPerMTok: "16.50",
    });
    const match = findPriceMatch(
      [sonnet, regionalRow],
      query("eu.anthropic.claude-sonnet-4-5-20250929-v1:0", { provider: "aws.bedrock" }),
    );
    expect(match?.row.id).toBe(regionalRow.id);
    expect(match?.multiplier).toBe("1");
  });

  it("leaves application profile ARNs unpriced", () => {
    const arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3";
    expect(findPrice(book, query(arn, { provider: "aws.bedrock" }))).toBeNull();
  });

  it("matches model ids case-insensitively", () => {
    expect(findPrice(book, query("GPT-4o", { provider: "openai" }))?.id).toBe(gpt4o.id);
  });
});

import { describe, expect, it } from "vitest";

import type { RepriceSpan } from "@/db/queries/reprice-spans";
import { definePriceRow } from "@/lib/pricing/define-price-row";
import { repriceSpan } from "@/lib/pricing/reprice-spans";

const BOOK = [
  definePriceRow({
    provider: "acme",
    model: "acme-small",
    effectiveFrom: "2026-01-01",
    inputPerMTok: "2",
    outputPerMTok: "8",
    cacheReadPerMTok: "0.5",
    source: "https://prices.example.test/acme",
    sourceCheckedOn: "2026-12-01",
    verified: true,
  }),
];

/** Builds an unpriced span of acme-small on 2026-06-01 with 1,000 input (200 cached) and 100 output tokens. */
function storedSpan(overrides: Partial<RepriceSpan> = {}): RepriceSpan {
  return {
    traceId: "t1",
    spanId: "s1",
    startNs: BigInt(Date.parse("2026-06-01T12:00:00Z")) * 1_000_000n,
    provider: "acme",
    model: "acme-small",
    serviceTier: null,
    inputTokens: 1000n,
    uncachedInputTokens: 800n,
    cacheReadTokens: 200n,
    cacheWriteTokens: 0n,
    cacheWrite5mTokens: null,
    cacheWrite1hTokens: null,
    outputTokens: 100n,
    reasoningTokens: 0n,
    costUsd: null,
    costStatus: "unpriced",
    priceId: null,
    emitterCostUsd: null,
    flags: ["unpriced"],
    ...overrides,
  };
}

describe("repriceSpan", () => {
  it("prices an unpriced call", () => {
    const update = repriceSpan(storedSpan(), BOOK);
    // 800 x $2 + 200 x $0.5 + 100 x $8, per million tokens.
    expect(update).toEqual({
      traceId: "t1",
      spanId: "s1",
      costUsd: "0.0025",
      costStatus: "priced",
      priceId: "acme:acme-small:standard:2026-01-01",
      flags: [],
    });
  });

  it("returns null when nothing changes", () => {
    const span = storedSpan({
      costUsd: "0.002500000000",
      costStatus: "priced",
      priceId: "acme:acme-small:standard:2026-01-01",
      flags: [],
    });
    expect(repriceSpan(span, BOOK)).toBeNull();
  });

  it("unprices a call without a row", () => {
    const span = storedSpan({ costUsd: "1", costStatus: "priced", priceId: "old", flags: ["cache_detail_unknown"] });
    const update = repriceSpan(span, []);
    expect(update?.costStatus).toBe("unpriced");
    expect(update?.costUsd).toBeNull();
    expect(update?.flags).toEqual(["cache_detail_unknown", "unpriced"]);
  });

  it("keeps invalid usage unpriced", () => {
    expect(repriceSpan(storedSpan({ flags: ["tokens_invalid", "unpriced"] }), BOOK)).toBeNull();
  });

  it("keeps a call without usage unpriced", () => {
    const span = storedSpan({ inputTokens: null, uncachedInputTokens: null, outputTokens: null });
    expect(repriceSpan(span, BOOK)).toBeNull();
  });

  it("flags an emitter cost mismatch", () => {
    const update = repriceSpan(storedSpan({ emitterCostUsd: "0.5" }), BOOK);
    expect(update?.flags).toEqual(["emitter_cost_mismatch"]);
  });

  it("ignores calls before the row starts", () => {
    const span = storedSpan({ startNs: BigInt(Date.parse("2025-12-31T23:59:59Z")) * 1_000_000n });
    expect(repriceSpan(span, BOOK)).toBeNull();
  });
});

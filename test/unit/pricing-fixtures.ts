/**
 * Small builders shared by the pricing tests: rows, usage and call times.
 */
import { definePriceRow, type PriceRowInput } from "@/lib/pricing/define-price-row";
import type { PriceRow } from "@/lib/pricing/types";
import type { TokenUsage } from "@/lib/spans/types";

type TestRowInput = Omit<
  PriceRowInput,
  "source" | "sourceCheckedOn" | "verified" | "effectiveFrom"
> & {
  effectiveFrom?: string;
};

/** Builds a test row dated 2024-01-01 unless given, with a placeholder source. */
export function testRow(input: TestRowInput): PriceRow {
  return definePriceRow({
    effectiveFrom: "2024-01-01",
    source: "https://prices.example.test/list",
    sourceCheckedOn: "2026-12-04",
    verified: false,
    ...input,
  });
}

interface UsageCounts {
  uncached?: number;
  cacheRead?: number;
  cacheWrite?: number;
  cacheWrite5m?: number | null;
  cacheWrite1h?: number | null;
  output?: number;
  reasoning?: number;
}

/** Usage from its buckets, with `input` as the sum the TokenUsage contract requires. */
export function usageOf(counts: UsageCounts): TokenUsage {
  const uncached = counts.uncached ?? 0;
  const cacheRead = counts.cacheRead ?? 0;
  const cacheWrite = counts.cacheWrite ?? 0;
  return {
    input: uncached + cacheRead + cacheWrite,
    uncachedInput: uncached,
    cacheRead,
    cacheWrite,
    cacheWrite5m: counts.cacheWrite5m ?? null,
    cacheWrite1h: counts.cacheWrite1h ?? null,
    output: counts.output ?? 0,
    reasoning: counts.reasoning ?? 0,
  };
}

export function nanosAt(iso: string): bigint {
  return BigInt(Date.parse(iso)) * 1_000_000n;
}

/**
 * Estimated cost of one LLM call from its token usage and the price book.
 */
import { fromUnits, SCALE, toUnits } from "@/lib/money/decimal";
import type { TokenUsage } from "@/lib/spans/types";

import { findPriceMatch, normalizeServiceTier } from "./find-price";
import type { CallCost, PriceBook, PriceRow, UnpricedCode } from "./types";

export interface PricedCall {
  provider: string | null;
  model: string | null;
  serviceTier: string | null;
  startTimeUnixNano: bigint;
  usage: TokenUsage | null;
}

interface Rates {
  input: string;
  output: string;
  cacheRead: string | null;
  cacheWrite5m: string | null;
  cacheWrite1h: string | null;
}

const UNIT = 10n ** BigInt(SCALE);
const TOKENS_PER_PRICE = 1_000_000n;

/**
 * Prices one call: uncached input, cache reads, 5-minute and 1-hour cache
 * writes and output, each at its own rate (reasoning is part of output).
 *
 * Conventions where the row has no specific rate:
 * - no cache-read price: reads cost the input price, as OpenAI bills models
 *   without a caching discount;
 * - cache writes of unknown lifetime cost the 5-minute rate;
 * - no cache-write prices at all: writes cost the input price;
 * - a 5-minute but no 1-hour write price with 1-hour writes: unpriced.
 * A missing model, usage or row gives `unpriced` with a reason, never $0.
 */
export function priceCall(book: PriceBook, call: PricedCall): CallCost {
  if (!call.model?.trim()) return unpriced("model_missing", "the span names no model");
  if (!call.usage) return unpriced("usage_missing", "the span carries no token usage");

  const usageProblem = checkUsage(call.usage);
  if (usageProblem) return unpriced(usageProblem.code, usageProblem.reason);

  const at = new Date(Number(call.startTimeUnixNano / 1_000_000n));
  const match = findPriceMatch(book, {
    provider: call.provider,
    model: call.model,
    serviceTier: call.serviceTier,
    at,
  });
  if (!match) {
    const tier = normalizeServiceTier(call.serviceTier);
    const provider = call.provider ?? "unknown provider";
    return unpriced(
      "no_price",
      `no ${tier} price for model "${call.model}" (${provider}) in force on ` +
        `${at.toISOString().slice(0, 10)}. Add a row to the price book to price it`,
    );
  }

  const usage = call.usage;
  const rates = selectRates(match.row, usage.input);
  const knownWrite1h = usage.cacheWrite1h ?? 0;
  // Writes whose lifetime the emitter did not report are billed as 5-minute writes.
  const write5mOrUnknown = usage.cacheWrite - knownWrite1h;

  const cacheReadRate = rates.cacheRead ?? rates.input;
  const write5mRate = rates.cacheWrite5m ?? rates.input;
  let write1hRate: string;
  if (rates.cacheWrite1h !== null) {
    write1hRate = rates.cacheWrite1h;
  } else if (rates.cacheWrite5m === null) {
    write1hRate = rates.input;
  } else if (knownWrite1h > 0) {
    return unpriced(
      "no_cache_write_1h_price",
      `price row ${match.row.id} has a 5-minute but no 1-hour cache-write price`,
    );
  } else {
    // Multiplies zero tokens: there are no 1-hour writes to price.
    write1hRate = write5mRate;
  }

  // Sum of tokens x (USD per million, in 10^-12 units), still to be divided by 10^6.
  const perMillionUnits =
    BigInt(usage.uncachedInput) * toUnits(rates.input) +
    BigInt(usage.cacheRead) * toUnits(cacheReadRate) +
    BigInt(write5mOrUnknown) * toUnits(write5mRate) +
    BigInt(knownWrite1h) * toUnits(write1hRate) +
    BigInt(usage.output) * toUnits(rates.output);

  const multiplierUnits = toUnits(match.multiplier);
  // The division is exact for prices of at most 6 decimals (5 under a 1.1
  // multiplier). Other prices get one half-up rounding here, at 10^-12 USD.
  const costUnits = divideHalfUp(perMillionUnits * multiplierUnits, TOKENS_PER_PRICE * UNIT);

  return {
    status: "priced",
    costUsd: fromUnits(costUnits),
    currency: "USD",
    priceId: match.row.id,
    priceMultiplier: match.multiplier,
  };
}

/**
 * Chooses the long-context rates when the whole prompt exceeds the row's
 * threshold, and then they apply to every token of the request. The prompt is
 * uncached + cache read + cache write, which is `usage.input`. Cache rates
 * missing from the long tier fall back to the long-context input price.
 */
function selectRates(row: PriceRow, promptTokens: number): Rates {
  const threshold = row.longContextThresholdTokens;
  if (
    threshold !== null &&
    promptTokens > threshold &&
    row.longInputPerMTok !== null &&
    row.longOutputPerMTok !== null
  ) {
    return {
      input: row.longInputPerMTok,
      output: row.longOutputPerMTok,
      cacheRead: row.longCacheReadPerMTok,
      cacheWrite5m: row.longCacheWrite5mPerMTok,
      cacheWrite1h: row.longCacheWrite1hPerMTok,
    };
  }
  return {
    input: row.inputPerMTok,
    output: row.outputPerMTok,
    cacheRead: row.cacheReadPerMTok,
    cacheWrite5m: row.cacheWrite5mPerMTok,
    cacheWrite1h: row.cacheWrite1hPerMTok,
  };
}

/**
 * Rejects usage that breaks the TokenUsage contract. A negative uncached
 * bucket means the emitter's input semantics were misread, so the call is
 * flagged instead of clamped to zero or priced negative.
 */
function checkUsage(usage: TokenUsage): { code: UnpricedCode; reason: string } | null {
  const counts: [string, number | null][] = [
    ["input", usage.input],
    ["cacheRead", usage.cacheRead],
    ["cacheWrite", usage.cacheWrite],
    ["cacheWrite5m", usage.cacheWrite5m],
    ["cacheWrite1h", usage.cacheWrite1h],
    ["output", usage.output],
    ["reasoning", usage.reasoning],
  ];
  for (const [name, value] of counts) {
    if (value !== null && !(Number.isSafeInteger(value) && value >= 0)) {
      return { code: "invalid_usage", reason: `${name} is ${value}, expected a count >= 0` };
    }
  }
  if (!Number.isSafeInteger(usage.uncachedInput)) {
    return { code: "invalid_usage", reason: `uncachedInput is ${usage.uncachedInput}` };
  }
  if (usage.uncachedInput < 0) {
    return {
      code: "negative_bucket",
      reason:
        `uncached input is ${usage.uncachedInput} (input ${usage.input} minus cache read ` +
        `${usage.cacheRead} and cache write ${usage.cacheWrite}): the input semantics were misread`,
    };
  }
  if (usage.uncachedInput !== usage.input - usage.cacheRead - usage.cacheWrite) {
    return {
      code: "invalid_usage",
      reason: `uncachedInput ${usage.uncachedInput} is not input minus cache read and cache write`,
    };
  }
  if ((usage.cacheWrite5m ?? 0) + (usage.cacheWrite1h ?? 0) > usage.cacheWrite) {
    return {
      code: "invalid_usage",
      reason: `5-minute and 1-hour cache writes exceed the cache-write total ${usage.cacheWrite}`,
    };
  }
  if (usage.reasoning > usage.output) {
    return {
      code: "invalid_usage",
      reason: `reasoning ${usage.reasoning} exceeds output ${usage.output}, which must include it`,
    };
  }
  return null;
}

/** Divides non-negative BigInts, rounding half up. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? quotient + 1n : quotient;
}

function unpriced(code: UnpricedCode, reason: string): CallCost {
  return { status: "unpriced", costUsd: null, currency: "USD", priceId: null, code, reason };
}

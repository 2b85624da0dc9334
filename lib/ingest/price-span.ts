import type { StoredSpan } from "@/db/queries/store-spans";
import { compareEmitterCost } from "@/lib/pricing/compare-emitter-cost";
import { priceCall } from "@/lib/pricing/price-call";
import type { PriceBook } from "@/lib/pricing/types";
import type { NormalizedSpan, SpanFlag } from "@/lib/spans/types";

/**
 * Estimates the cost of an LLM-call span from the price book. Other spans
 * carry no cost. The emitter's own cost figure is kept as a hint and flagged
 * when it disagrees, but never replaces the estimate.
 */
export function priceSpan(span: NormalizedSpan, book: PriceBook): StoredSpan {
  if (span.role !== "llm") {
    return { ...span, costUsd: null, costStatus: "none", priceId: null };
  }
  const cost = priceCall(book, {
    provider: span.provider,
    model: span.model,
    serviceTier: span.serviceTier,
    startTimeUnixNano: span.startTimeUnixNano,
    usage: span.usage,
  });
  const flags: SpanFlag[] = [...span.flags];
  if (cost.status === "unpriced") flags.push("unpriced");
  if (span.emitterCostUsd !== null && compareEmitterCost(cost.costUsd, span.emitterCostUsd)) {
    flags.push("emitter_cost_mismatch");
  }
  return {
    ...span,
    flags,
    costUsd: cost.costUsd,
    costStatus: cost.status,
    priceId: cost.priceId,
  };
}

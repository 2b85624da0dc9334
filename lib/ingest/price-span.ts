import type { StoredSpan } from "@/db/queries/store-spans";
import { compareEmitterCost } from "@/lib/pricing/compare-emitter-cost";
import { priceCall } from "@/lib/pricing/price-call";
import type { PriceBook } from "@/lib/pricing/types";
import type { NormalizedSpan, SpanFlag } from "@/lib/spans/types";

const STATUS_ERROR = 2;

/**
 * Estimates the cost of an LLM-call span from the price book. Other spans
 * carry no cost. The emitter's own cost figure is kept as a hint and flagged
 * when it disagrees, but never replaces the estimate.
 */
export function priceSpan(span: NormalizedSpan, book: PriceBook): StoredSpan {
  if (span.role !== "llm") {
    return { ...span, costUsd: null, costStatus: "none", priceId: null };
  }
  // Providers do not bill a failed call that reported no usage.
  if (span.statusCode === STATUS_ERROR && span.usage === null) {
    return { ...span, costUsd: null, costStatus: "none", priceId: null };
  }
  // Usage read from invalid token attributes would give a wrong cost; it stays unpriced.
  if (span.flags.includes("tokens_invalid")) {
    return { ...span, flags: [...span.flags, "unpriced"], costUsd: null, costStatus: "unpriced", priceId: null };
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

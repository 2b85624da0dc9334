/**
 * Builds DecodedSpans for the normalization tests, as the OTLP decoders
 * would produce them.
 */
import type { Attributes, DecodedSpan } from "@/lib/otlp/types";
import { normalizeSpan } from "@/lib/spans/normalize";
import type { NormalizedSpan } from "@/lib/spans/types";

export interface SpanInput {
  attributes: Attributes;
  scopeName?: string;
  scopeVersion?: string;
  name?: string;
  statusCode?: number;
  parentSpanId?: string | null;
  spanId?: string;
  resource?: Attributes;
}

export function makeSpan(input: SpanInput): DecodedSpan {
  return {
    path: "resourceSpans[0].scopeSpans[0].spans[0]",
    resource: input.resource ?? { "service.name": "supplier-service" },
    scope: { name: input.scopeName ?? "", version: input.scopeVersion ?? "" },
    traceId: "5b8efff798038103d269b633813fc60c",
    spanId: input.spanId ?? "eee19b7ec3c1b174",
    parentSpanId: input.parentSpanId ?? null,
    name: input.name ?? "span",
    kind: 3,
    startTimeUnixNano: 1700000000000000000n,
    endTimeUnixNano: 1700000001000000000n,
    attributes: input.attributes,
    statusCode: input.statusCode ?? 0,
    statusMessage: "",
  };
}

export function normalize(input: SpanInput): NormalizedSpan {
  return normalizeSpan(makeSpan(input));
}

/** Parses attributesJson, keeping big integers exact. */
export function storedAttributes(span: NormalizedSpan): Record<string, unknown> {
  return JSON.parse(span.attributesJson) as Record<string, unknown>;
}

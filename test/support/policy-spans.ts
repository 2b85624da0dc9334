import { budgetPeriodOf } from "@/lib/policy/budget-period";

import { jsonSpan, newTraceId, traceRequest, type JsonSpan } from "./otlp-builders";

/**
 * Picks a time zone whose current day has at least an hour left on both
 * sides of now, so spans sent now and a daily budget evaluated now share
 * one period however long the test takes.
 */
export function pickZoneAwayFromMidnight(now = new Date()): string {
  for (const zone of ["UTC", "Asia/Tokyo", "America/New_York", "Asia/Kolkata"]) {
    const period = budgetPeriodOf("day", zone, now);
    const margin = 3_600_000;
    if (now.getTime() - period.start.getTime() > margin && period.end.getTime() - now.getTime() > margin) {
      return zone;
    }
  }
  throw new Error("no candidate time zone is an hour away from midnight");
}

/**
 * Builds one run with one streamed claude-sonnet-4-5 chat call of 10,000 input and
 * 2,000 output tokens (usage as reported by the final stream event), which
 * the built-in price book prices at $0.06.
 */
export function streamedSonnetRun(workflow: string, start: Date, extra: Record<string, number> = {}): JsonSpan[] {
  const traceId = newTraceId();
  return [
    jsonSpan({
      traceId,
      spanId: "2000000000000001",
      name: "invoke_agent",
      start: start.toISOString(),
      durationMs: 3_000,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.workflow.name": workflow },
    }),
    jsonSpan({
      traceId,
      spanId: "2000000000000002",
      parentSpanId: "2000000000000001",
      name: "chat claude-sonnet-4-5",
      start: new Date(start.getTime() + 100).toISOString(),
      durationMs: 2_500,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "anthropic",
        "gen_ai.request.model": "claude-sonnet-4-5",
        "gen_ai.response.model": "claude-sonnet-4-5-20250929",
        "gen_ai.request.stream": true,
        "gen_ai.usage.input_tokens": 10_000,
        "gen_ai.usage.output_tokens": 2_000,
        ...extra,
      },
    }),
  ];
}

/** Posts spans to /v1/traces with an ingest key and returns the HTTP status. */
export async function postSpans(baseUrl: string, key: string, spans: JsonSpan[]): Promise<number> {
  const response = await fetch(`${baseUrl}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(traceRequest(spans)),
  });
  await response.arrayBuffer();
  return response.status;
}

import { toUnits } from "@/lib/money/decimal";
import type { Outcome } from "@/lib/spans/types";

import { measureGuardrails } from "./guardrail-metrics";

/** The columns of a stored span that decide its run's totals. */
export interface RunSpan {
  spanId: string;
  parentSpanId: string | null;
  startNs: bigint;
  endNs: bigint;
  serviceName: string | null;
  role: string;
  statusCode: number;
  inputTokens: bigint | null;
  outputTokens: bigint | null;
  costUsd: string | null;
  costStatus: string;
  workflow: string | null;
  workflowRank: number | null;
  outcome: Outcome | null;
  decisions: number | null;
  /** The stored `counted_calls`, when the span was loaded from the database. */
  countedCalls?: number;
  /** The called model; retries are counted per model. */
  model?: string | null;
}

/** An outcome reported through the REST API after the run. */
export interface RunOutcomeEvent {
  outcome: Outcome;
  decisions: number | null;
  occurredNs: bigint;
}

export interface RunSummary {
  traceId: string;
  workflow: string;
  day: string;
  startNs: bigint;
  endNs: bigint;
  spanCount: number;
  llmCalls: number;
  toolCalls: number;
  failedLlmCalls: number;
  /** Most input tokens of one counted LLM call. */
  maxInputTokensPerCall: bigint;
  /** Counted LLM calls that repeat an earlier failed call to the same model. */
  retries: number;
  inputTokens: bigint;
  outputTokens: bigint;
  /** Sum of priced calls in 10^-12 USD. */
  costUnits: bigint;
  unpricedCalls: number;
  outcome: Outcome | null;
  decisions: number;
}

/** Workflow of a run whose spans name none and carry no service name. */
export const UNKNOWN_WORKFLOW = "unknown";

const STATUS_ERROR = 2;

/**
 * Picks the LLM-call spans whose usage counts: a model call is a leaf, so an
 * LLM span with an LLM descendant (an SDK's own span inside an
 * instrumentation's span for the same request) is not counted. A counted span
 * without usage borrows the nearest LLM ancestor's usage.
 */
function selectCountedCalls(spans: readonly RunSpan[]): Array<{ call: RunSpan; usage: RunSpan }> {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const hasLlmDescendant = new Set<string>();
  for (const span of spans) {
    if (span.role !== "llm") continue;
    const seen = new Set<string>([span.spanId]);
    let parentId = span.parentSpanId;
    while (parentId && !seen.has(parentId)) {
      seen.add(parentId);
      hasLlmDescendant.add(parentId);
      parentId = byId.get(parentId)?.parentSpanId ?? null;
    }
  }

  const counted: Array<{ call: RunSpan; usage: RunSpan }> = [];
  for (const span of spans) {
    if (span.role !== "llm" || hasLlmDescendant.has(span.spanId)) continue;
    counted.push({ call: span, usage: findUsageSource(span, byId) });
  }
  return counted;
}

/**
 * Counts, per span, the counted LLM calls whose usage and cost it supplies, so
 * that cost_usd times that count, summed over the run, is the run's cost.
 * Spans absent from the map supply none.
 */
export function tallyCountedCalls(spans: readonly RunSpan[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const { usage } of selectCountedCalls(spans)) {
    tally.set(usage.spanId, (tally.get(usage.spanId) ?? 0) + 1);
  }
  return tally;
}

function findUsageSource(span: RunSpan, byId: Map<string, RunSpan>): RunSpan {
  if (span.inputTokens !== null || span.outputTokens !== null) return span;
  const seen = new Set<string>([span.spanId]);
  let parentId = span.parentSpanId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    if (parent.role === "llm" && (parent.inputTokens !== null || parent.outputTokens !== null)) {
      return parent;
    }
    parentId = parent.parentSpanId;
  }
  return span;
}

/**
 * Resolves the run's workflow: a workflow attribute on the root span first,
 * then the best-ranked attribute on any span (earliest start on a tie), then
 * the root's `service.name`, then any span's.
 */
function resolveWorkflow(spans: readonly RunSpan[], root: RunSpan | undefined): string {
  if (root?.workflow) return root.workflow;
  let best: RunSpan | undefined;
  for (const span of spans) {
    if (!span.workflow) continue;
    if (
      !best ||
      (span.workflowRank ?? 99) < (best.workflowRank ?? 99) ||
      ((span.workflowRank ?? 99) === (best.workflowRank ?? 99) && span.startNs < best.startNs)
    ) {
      best = span;
    }
  }
  if (best?.workflow) return best.workflow;
  if (root?.serviceName) return root.serviceName;
  return spans.find((span) => span.serviceName)?.serviceName ?? UNKNOWN_WORKFLOW;
}

/**
 * Resolves the outcome and decisions: the latest outcome by event time wins,
 * whether it came on a span (its end time) or later through the API. Decisions
 * come from the winning event, else from the latest span that states them,
 * else 1 for a completed run and 0 otherwise.
 */
function resolveOutcome(
  spans: readonly RunSpan[],
  events: readonly RunOutcomeEvent[],
): { outcome: Outcome | null; decisions: number } {
  let winner: RunOutcomeEvent | null = null;
  for (const span of spans) {
    if (!span.outcome) continue;
    if (!winner || span.endNs > winner.occurredNs) {
      winner = { outcome: span.outcome, decisions: span.decisions, occurredNs: span.endNs };
    }
  }
  for (const event of events) {
    if (!winner || event.occurredNs >= winner.occurredNs) winner = event;
  }

  let decisions = winner?.decisions ?? null;
  if (decisions === null) {
    let latest: RunSpan | null = null;
    for (const span of spans) {
      if (span.decisions !== null && (!latest || span.endNs > latest.endNs)) latest = span;
    }
    decisions = latest?.decisions ?? null;
  }
  const outcome = winner?.outcome ?? null;
  return { outcome, decisions: decisions ?? (outcome === "completed" ? 1 : 0) };
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Formats the calendar day of an instant in an IANA time zone as YYYY-MM-DD. */
export function dayInTimeZone(unixNano: bigint, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(Number(unixNano / 1_000_000n)));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Computes a run's totals from all of its spans and outcome events. */
export function summarizeRun(
  traceId: string,
  spans: readonly RunSpan[],
  events: readonly RunOutcomeEvent[],
  timeZone: string,
): RunSummary {
  if (spans.length === 0) throw new Error(`run ${traceId} has no spans`);
  let first = spans[0]!;
  let endNs = first.endNs;
  for (const span of spans) {
    if (span.startNs < first.startNs) first = span;
    if (span.endNs > endNs) endNs = span.endNs;
  }
  const root = spans.find((span) => span.parentSpanId === null);

  let inputTokens = 0n;
  let outputTokens = 0n;
  let costUnits = 0n;
  let unpricedCalls = 0;
  let failedLlmCalls = 0;
  const counted = selectCountedCalls(spans);
  for (const { call, usage } of counted) {
    inputTokens += usage.inputTokens ?? 0n;
    outputTokens += usage.outputTokens ?? 0n;
    if (usage.costUsd !== null) costUnits += toUnits(usage.costUsd);
    else if (usage.costStatus === "unpriced") unpricedCalls += 1;
    if (call.statusCode === STATUS_ERROR) failedLlmCalls += 1;
  }

  return {
    traceId,
    workflow: resolveWorkflow(spans, root),
    day: dayInTimeZone(first.startNs, timeZone),
    startNs: first.startNs,
    endNs,
    spanCount: spans.length,
    llmCalls: counted.length,
    toolCalls: spans.filter((span) => span.role === "tool").length,
    failedLlmCalls,
    ...measureGuardrails(counted),
    inputTokens,
    outputTokens,
    costUnits,
    unpricedCalls,
    ...resolveOutcome(spans, events),
  };
}

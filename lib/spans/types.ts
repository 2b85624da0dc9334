/**
 * The normalized record kept for every span, whatever dialect it arrived in.
 */

/** Convention family of the span's GenAI attributes. */
export type Dialect =
  | "otel"
  | "openinference"
  | "vercel"
  | "langfuse"
  | "openllmetry"
  | "none";

/**
 * Role of a span in cost accounting. Only `llm` spans carry usage that counts;
 * `aggregate` spans (agent, workflow, chain) repeat their children's totals.
 */
export type SpanRole = "llm" | "tool" | "aggregate" | "other";

/**
 * Token counts of one LLM call. `input` includes cache reads and writes and
 * `output` includes reasoning, whatever the emitter's own convention was.
 */
export interface TokenUsage {
  input: number;
  uncachedInput: number;
  cacheRead: number;
  /** All cache-write tokens, of which the 5-minute and 1-hour parts where known. */
  cacheWrite: number;
  cacheWrite5m: number | null;
  cacheWrite1h: number | null;
  output: number;
  reasoning: number;
}

/** Data-quality marks carried to reconciliation with the bill. */
export type SpanFlag =
  | "tokens_missing"
  | "tokens_estimated"
  | "cache_detail_unknown"
  | "negative_bucket"
  | "tokens_invalid"
  | "emitter_cost_mismatch"
  | "unpriced";

export type Outcome = "completed" | "failed" | "abandoned" | "escalated";

export interface WorkflowCandidate {
  name: string;
  /** Position of the source attribute in the precedence list; lower wins. */
  rank: number;
}

export interface NormalizedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  serviceName: string | null;
  scopeName: string;
  scopeVersion: string;
  dialect: Dialect;
  role: SpanRole;
  /** `gen_ai.operation.name` or the dialect's equivalent (`chat`, `embeddings`, `execute_tool`). */
  operation: string | null;
  provider: string | null;
  model: string | null;
  serviceTier: string | null;
  usage: TokenUsage | null;
  workflow: WorkflowCandidate | null;
  agentName: string | null;
  outcome: Outcome | null;
  decisions: number | null;
  /** Cost reported by the emitter, in USD as a decimal string; a hint, never counted. */
  emitterCostUsd: string | null;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  flags: SpanFlag[];
  /** Attributes with prompt, completion and tool content removed, as JSON text (int64 kept exact). */
  attributesJson: string;
}

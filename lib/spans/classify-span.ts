/**
 * Decides which GenAI convention a span follows and what role it plays in
 * cost accounting: an LLM call, a tool call, an aggregate (agent, workflow,
 * chain) that repeats its children's totals, or anything else.
 */
import type { DecodedSpan } from "@/lib/otlp/types";

import { readString } from "./read-attributes";
import type { Dialect, SpanRole } from "./types";

export interface SpanClassification {
  dialect: Dialect;
  role: SpanRole;
  operation: string | null;
}

interface RoleMatch {
  role: SpanRole;
  operation: string | null;
}

const LLM = (operation: string): RoleMatch => ({ role: "llm", operation });
const TOOL: RoleMatch = { role: "tool", operation: "execute_tool" };
const AGENT: RoleMatch = { role: "aggregate", operation: "invoke_agent" };
const WORKFLOW: RoleMatch = { role: "aggregate", operation: "invoke_workflow" };

/** OTel `gen_ai.operation.name` values, also used by OpenLLMetry and Anthropic SDK spans. */
const OTEL_OPERATIONS: Readonly<Record<string, RoleMatch>> = {
  chat: LLM("chat"),
  text_completion: LLM("text_completion"),
  generate_content: LLM("generate_content"),
  embeddings: LLM("embeddings"),
  execute_tool: TOOL,
  invoke_agent: AGENT,
  invoke_workflow: WORKFLOW,
};

const OPENINFERENCE_KINDS: Readonly<Record<string, RoleMatch>> = {
  LLM: LLM("chat"),
  EMBEDDING: LLM("embeddings"),
  TOOL,
  AGENT,
  CHAIN: { role: "aggregate", operation: null },
};

/** Vercel AI SDK top-level calls, which repeat the usage of their `do*` children. */
const VERCEL_AGGREGATES = new Set([
  "ai.generateText",
  "ai.streamText",
  "ai.generateObject",
  "ai.streamObject",
  "ai.embed",
  "ai.embedMany",
]);

const LANGFUSE_TYPES: Readonly<Record<string, RoleMatch>> = {
  generation: LLM("chat"),
  embedding: LLM("embeddings"),
  tool: TOOL,
  agent: AGENT,
  chain: { role: "aggregate", operation: null },
};

const TRACELOOP_KINDS: Readonly<Record<string, RoleMatch>> = {
  tool: TOOL,
  agent: AGENT,
  workflow: WORKFLOW,
};

/** Older OpenLLMetry `llm.request.type` values. */
const LLM_REQUEST_TYPES: Readonly<Record<string, RoleMatch>> = {
  chat: LLM("chat"),
  completion: LLM("text_completion"),
  embedding: LLM("embeddings"),
};

export function classifySpan(span: DecodedSpan): SpanClassification {
  const dialect = detectDialect(span);
  const match = matchRole(span);
  // An operation name outside the known values is still the span's operation.
  const operation =
    match?.operation ?? readString(span.attributes, "gen_ai.operation.name") ?? null;
  return { dialect, role: match?.role ?? "other", operation };
}

function detectDialect(span: DecodedSpan): Dialect {
  const attributes = span.attributes;
  if (attributes["openinference.span.kind"] !== undefined) return "openinference";
  if (attributes["ai.operationId"] !== undefined || span.scope.name === "ai") return "vercel";
  if (attributes["langfuse.observation.type"] !== undefined) return "langfuse";
  if (
    attributes["traceloop.span.kind"] !== undefined ||
    attributes["llm.request.type"] !== undefined ||
    span.scope.name.startsWith("@traceloop/")
  ) {
    return "openllmetry";
  }
  for (const key in attributes) if (key.startsWith("gen_ai.")) return "otel";
  return "none";
}

/**
 * Checks each convention's marker in turn, and the first that names a known value
 * decides. Pydantic AI's `gen_ai.aggregated_usage.*` marks an aggregate first,
 * because such a span may also carry an operation name.
 */
function matchRole(span: DecodedSpan): RoleMatch | null {
  const attributes = span.attributes;
  for (const key in attributes) {
    if (key.startsWith("gen_ai.aggregated_usage.")) {
      const operation = readString(attributes, "gen_ai.operation.name");
      return { role: "aggregate", operation };
    }
  }

  const otel = lookup(OTEL_OPERATIONS, readString(attributes, "gen_ai.operation.name"));
  if (otel !== null) return otel;

  const openInference = lookup(
    OPENINFERENCE_KINDS,
    readString(attributes, "openinference.span.kind")?.toUpperCase() ?? null,
  );
  if (openInference !== null) return openInference;

  const vercel = matchVercelOperation(readString(attributes, "ai.operationId"));
  if (vercel !== null) return vercel;

  const langfuse = lookup(LANGFUSE_TYPES, readString(attributes, "langfuse.observation.type"));
  if (langfuse !== null) return langfuse;

  const traceloop = lookup(TRACELOOP_KINDS, readString(attributes, "traceloop.span.kind"));
  if (traceloop !== null) return traceloop;

  return lookup(LLM_REQUEST_TYPES, readString(attributes, "llm.request.type"));
}

function matchVercelOperation(operationId: string | null): RoleMatch | null {
  if (operationId === null) return null;
  if (operationId.endsWith(".doGenerate") || operationId.endsWith(".doStream")) {
    return LLM("chat");
  }
  if (operationId.endsWith(".doEmbed")) return LLM("embeddings");
  if (operationId === "ai.toolCall") return TOOL;
  if (VERCEL_AGGREGATES.has(operationId)) return { role: "aggregate", operation: null };
  return null;
}

function lookup(
  table: Readonly<Record<string, RoleMatch>>,
  value: string | null,
): RoleMatch | null {
  if (value === null || !Object.hasOwn(table, value)) return null;
  return table[value] ?? null;
}

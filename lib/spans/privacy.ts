/**
 * Names the span attributes that carry prompt, completion, tool or retrieved
 * content. Cost analytics never needs the content, so it is always left out
 * of stored attributes. Keeping it would need an operator opt-in, which does
 * not exist yet.
 */

/** Attribute keys that carry content, matched exactly. */
const CONTENT_KEYS = new Set([
  "gen_ai.input.messages",
  "gen_ai.output.messages",
  "gen_ai.system_instructions",
  "gen_ai.tool.definitions",
  "gen_ai.tool.call.arguments",
  "gen_ai.tool.call.result",
  "llm.input_messages",
  "llm.output_messages",
  "llm.tools",
  "llm.invocation_parameters",
  "input.value",
  "output.value",
  "embedding.embeddings",
  "traceloop.entity.input",
  "traceloop.entity.output",
  "ai.response.text",
  "ai.response.toolCalls",
  "ai.response.object",
  "ai.response.reasoning",
  "ai.toolCall.args",
  "ai.toolCall.result",
  "ai.value",
  "ai.values",
  "ai.embedding",
  "ai.embeddings",
  "langfuse.observation.input",
  "langfuse.observation.output",
  "langfuse.trace.input",
  "langfuse.trace.output",
]);

/**
 * Key prefixes that carry content. `gen_ai.prompt` and `gen_ai.completion`
 * cover the indexed OpenLLMetry keys (`gen_ai.prompt.0.content`) and `ai.prompt`
 * covers `ai.prompt.messages` and `ai.prompt.tools`. The OpenInference prompt
 * template, retrieval and reranker keys carry prompt text and retrieved documents.
 */
const CONTENT_PREFIXES = [
  "gen_ai.prompt",
  "gen_ai.completion",
  "llm.input_messages.",
  "llm.output_messages.",
  "llm.tools.",
  "llm.prompts.",
  "llm.prompt_template.template",
  "llm.prompt_template.variables",
  "embedding.embeddings.",
  "retrieval.documents.",
  "reranker.input_documents.",
  "reranker.output_documents.",
  "reranker.query",
  "ai.prompt",
] as const;

export function isContentKey(key: string): boolean {
  if (CONTENT_KEYS.has(key)) return true;
  for (const prefix of CONTENT_PREFIXES) if (key.startsWith(prefix)) return true;
  return false;
}

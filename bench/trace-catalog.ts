/**
 * Workflows, models and tools of the benchmark's synthetic agent fleet. Every
 * model is in the built-in price book, so each LLM call is priced on ingest.
 */

export type Provider = "openai" | "anthropic" | "gcp.gemini";

export interface ModelProfile {
  provider: Provider;
  model: string;
  /** Instrumentation scope that emits the call's span. */
  scope: { name: string; version: string };
  /** Whether the emitter records cache reads and writes on the span. */
  recordsCache: boolean;
  /** Whether the model reports reasoning tokens. */
  reportsReasoning: boolean;
}

export interface WorkflowProfile {
  workflow: string;
  serviceName: string;
  agentName: string;
  models: readonly ModelProfile[];
  tools: readonly string[];
  /** Typical prompt size of one call, in tokens. */
  promptTokens: number;
  /** Typical completion size of one call, in tokens. */
  completionTokens: number;
}

const OPENAI_SCOPE = { name: "@opentelemetry/instrumentation-openai", version: "0.21.0" };
const ANTHROPIC_SCOPE = { name: "@anthropic-ai/sdk", version: "0.137.0" };
const GEMINI_SCOPE = { name: "@google/genai", version: "1.30.0" };

/** Scope of the agent runtime that emits `invoke_agent` and `execute_tool` spans. */
export const AGENT_SCOPE = { name: "inference-ledger-bench-agent", version: "1.0.0" };

const model = (
  provider: Provider,
  name: string,
  extra: Partial<Pick<ModelProfile, "reportsReasoning">> = {},
): ModelProfile => {
  const scopes = { openai: OPENAI_SCOPE, anthropic: ANTHROPIC_SCOPE, "gcp.gemini": GEMINI_SCOPE };
  const scope = scopes[provider];
  // OTel's OpenAI instrumentation 0.21 records no cached tokens, while the others do.
  return {
    provider,
    model: name,
    scope,
    recordsCache: provider !== "openai",
    reportsReasoning: extra.reportsReasoning ?? false,
  };
};

const GPT_4O_MINI = model("openai", "gpt-4o-mini");
const GPT_41_MINI = model("openai", "gpt-4.1-mini");
const GPT_5_MINI = model("openai", "gpt-5-mini", { reportsReasoning: true });
const SONNET_45 = model("anthropic", "claude-sonnet-4-5");
const HAIKU_45 = model("anthropic", "claude-haiku-4-5");
const GEMINI_FLASH = model("gcp.gemini", "gemini-2.5-flash", { reportsReasoning: true });
const GEMINI_PRO = model("gcp.gemini", "gemini-2.5-pro", { reportsReasoning: true });

export const WORKFLOWS: readonly WorkflowProfile[] = [
  {
    workflow: "support-triage",
    serviceName: "support-api",
    agentName: "triage-agent",
    models: [GPT_4O_MINI, HAIKU_45, GPT_4O_MINI],
    tools: ["search_tickets", "lookup_customer", "create_ticket"],
    promptTokens: 2_400,
    completionTokens: 260,
  },
  {
    workflow: "invoice-extraction",
    serviceName: "billing-worker",
    agentName: "extractor",
    models: [GEMINI_FLASH, GPT_41_MINI],
    tools: ["fetch_document", "validate_vat_id", "post_ledger_entry"],
    promptTokens: 6_800,
    completionTokens: 540,
  },
  {
    workflow: "lead-qualification",
    serviceName: "sales-agent",
    agentName: "qualifier",
    models: [GPT_5_MINI, GPT_4O_MINI],
    tools: ["enrich_company", "crm_lookup", "score_lead"],
    promptTokens: 3_100,
    completionTokens: 380,
  },
  {
    workflow: "code-review",
    serviceName: "dev-tools",
    agentName: "reviewer",
    models: [SONNET_45, SONNET_45, HAIKU_45],
    tools: ["read_file", "run_tests", "post_comment"],
    promptTokens: 14_000,
    completionTokens: 900,
  },
  {
    workflow: "contract-summary",
    serviceName: "legal-assistant",
    agentName: "summarizer",
    models: [GEMINI_PRO, SONNET_45],
    tools: ["fetch_contract", "clause_search"],
    promptTokens: 22_000,
    completionTokens: 1_200,
  },
];

export type Outcome = "completed" | "failed" | "escalated" | "abandoned";

/** Cumulative shares of run outcomes: 82 % completed, 7 % failed, 8 % escalated, 3 % abandoned. */
export const OUTCOME_SHARES: ReadonlyArray<[Outcome, number]> = [
  ["completed", 0.82],
  ["failed", 0.89],
  ["escalated", 0.97],
  ["abandoned", 1],
];

export const SERVER_ADDRESSES: Record<Provider, string> = {
  openai: "api.openai.com",
  anthropic: "api.anthropic.com",
  "gcp.gemini": "generativelanguage.googleapis.com",
};

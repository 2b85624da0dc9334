/**
 * Building blocks for planned runs: a timeline that lays steps out one after
 * another, and constructors for LLM-call usage and finished runs.
 */
import type { Random } from "./random";
import type { LlmCallPlan, Outcome, Provider, RunPlan, StepPlan, WorkflowProfile } from "./plan";

export interface RunContext {
  profile: WorkflowProfile;
  random: Random;
  /** The day's runs divided by the workflow's base volume. */
  load: number;
  startMs: number;
  kind: "regular" | "catalog-refresh";
}

/** Dated model ids that providers return for each requested alias. */
const RESPONSE_MODELS: Record<string, string> = {
  "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
  "gpt-5": "gpt-5-2025-08-07",
  "gpt-5-mini": "gpt-5-mini-2025-08-07",
  "claude-sonnet-4-5": "claude-sonnet-4-5-20250929",
  "text-embedding-3-small": "text-embedding-3-small",
  "gemini-2.5-flash": "gemini-2.5-flash",
};

export type LlmUsage = Omit<LlmCallPlan, "kind" | "startOffsetMs" | "durationMs" | "responseModel">;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Lays steps out one after another with short gaps, as an agent loop would. */
export class StepTimeline {
  readonly steps: StepPlan[] = [];
  private cursorMs: number;

  constructor(private readonly random: Random) {
    this.cursorMs = random.integer(5, 40);
  }

  addLlm(usage: LlmUsage): void {
    const output = usage.outputTokens ?? 0;
    const input = usage.inputTokens ?? 0;
    const durationMs =
      usage.error && usage.inputTokens === null
        ? this.random.integer(80, 300)
        : Math.round(250 + output * this.random.between(8, 14) + input * 0.015);
    const responseModel = RESPONSE_MODELS[usage.requestModel] ?? usage.requestModel;
    this.steps.push({
      kind: "llm",
      ...usage,
      responseModel,
      startOffsetMs: this.cursorMs,
      durationMs,
    });
    this.cursorMs += durationMs + this.random.integer(10, 120);
  }

  addTool(toolName: string, error: ToolError = null): void {
    const durationMs = error ? this.random.integer(2_000, 5_000) : this.random.integer(40, 800);
    this.steps.push({ kind: "tool", toolName, error, startOffsetMs: this.cursorMs, durationMs });
    this.cursorMs += durationMs + this.random.integer(10, 120);
  }

  get durationMs(): number {
    return this.cursorMs + this.random.integer(5, 30);
  }
}

export type ToolError = { type: string; message: string } | null;

export function chat(
  provider: Provider,
  requestModel: string,
  tokens: { input: number; output: number; cacheRead: number | null },
  extra: Partial<Pick<LlmUsage, "cacheWriteTokens" | "reasoningTokens" | "error">> = {},
): LlmUsage {
  return {
    operation: "chat",
    provider,
    requestModel,
    inputTokens: tokens.input,
    outputTokens: tokens.output,
    cacheReadTokens: tokens.cacheRead,
    cacheWriteTokens: extra.cacheWriteTokens ?? null,
    reasoningTokens: extra.reasoningTokens ?? null,
    error: extra.error ?? null,
  };
}

/** Returns the usage of a call that failed before the provider sent usage, such as HTTP 429. */
export function failedWithoutUsage(
  provider: Provider,
  requestModel: string,
  error: { type: string; message: string },
): LlmUsage {
  return {
    operation: "chat",
    provider,
    requestModel,
    inputTokens: null,
    outputTokens: null,
    cacheReadTokens: null,
    cacheWriteTokens: null,
    reasoningTokens: null,
    error,
  };
}

export function finishRun(
  context: RunContext,
  timeline: StepTimeline,
  result: { outcome: Outcome; decisions: number; errorMessage?: string; agent?: string },
): RunPlan {
  return {
    workflow: context.profile.workflow,
    agent: result.agent ?? context.profile.agent,
    startMs: context.startMs,
    durationMs: timeline.durationMs,
    outcome: result.outcome,
    decisions: result.decisions,
    errorMessage: result.errorMessage ?? null,
    steps: timeline.steps,
  };
}

/**
 * Pure, seeded plan of the demo's history: how many runs each workflow has per
 * UTC day and what each run does (LLM calls with token counts, tool calls,
 * outcome, decisions). The OpenTelemetry emission lives in history.ts.
 */
import { buildRun } from "./plan-runs";
import { createRandom, type Random } from "./random";

export type WorkflowName = "supplier-reorder" | "ledger-close" | "support-multilingual";

export const WORKFLOWS: readonly WorkflowName[] = [
  "supplier-reorder",
  "ledger-close",
  "support-multilingual",
];

/** True when `name` is one of the demo workflows. */
export function isWorkflowName(name: string): name is WorkflowName {
  return (WORKFLOWS as readonly string[]).includes(name);
}

export type Outcome = "completed" | "failed" | "abandoned" | "escalated";

export type Provider = "openai" | "anthropic" | "gcp.gemini";

/** One request to a model, with usage in OpenTelemetry GenAI semantics. */
export interface LlmCallPlan {
  kind: "llm";
  operation: "chat" | "embeddings";
  provider: Provider;
  requestModel: string;
  responseModel: string;
  /** All prompt tokens, cache reads and cache writes included; null when none were reported. */
  inputTokens: number | null;
  /** All completion tokens, reasoning included; null when none were reported. */
  outputTokens: number | null;
  /** Null where the provider reports no such count (embeddings, failed calls). */
  cacheReadTokens: number | null;
  /** Only Anthropic reports cache writes; null elsewhere. */
  cacheWriteTokens: number | null;
  /** Only reasoning models report it; null elsewhere. */
  reasoningTokens: number | null;
  /** Set when the call failed; its span then has status error. */
  error: { type: string; message: string } | null;
  /** Milliseconds after the run's start. */
  startOffsetMs: number;
  durationMs: number;
}

export interface ToolCallPlan {
  kind: "tool";
  toolName: string;
  error: { type: string; message: string } | null;
  startOffsetMs: number;
  durationMs: number;
}

export type StepPlan = LlmCallPlan | ToolCallPlan;

/** One run: one trace with a root span and its steps as child spans. */
export interface RunPlan {
  workflow: WorkflowName;
  agent: string;
  /** Start of the root span in Unix milliseconds (UTC). */
  startMs: number;
  durationMs: number;
  outcome: Outcome;
  decisions: number;
  /** Set for runs that ended in error; the root span then has status error. */
  errorMessage: string | null;
  steps: StepPlan[];
}

/** Volume and identity of one workflow in the demo. */
export interface WorkflowProfile {
  workflow: WorkflowName;
  agent: string;
  /** OpenTelemetry resource `service.name` of the emitting service. */
  serviceName: string;
  /** Expected weekday runs 89 days before the end date. */
  baseRunsPerDay: number;
  /** Trend factor from 89 days before the end date to the end date. */
  growth: number;
  /** Volume factor on Saturdays and Sundays. */
  weekendFactor: number;
  /** Volume factor on the last two and the first business day of a month. */
  monthEndFactor: number;
  /** Standard deviation of the daily log-normal volume noise. */
  noise: number;
  /** Hours (UTC) between which most runs start. */
  busyHours: [number, number];
}

export const WORKFLOW_PROFILES: Record<WorkflowName, WorkflowProfile> = {
  "supplier-reorder": {
    workflow: "supplier-reorder",
    agent: "reorder-planner",
    serviceName: "procurement-agents",
    baseRunsPerDay: 44,
    growth: 3,
    weekendFactor: 0.45,
    monthEndFactor: 1,
    noise: 0.08,
    busyHours: [6, 19],
  },
  "ledger-close": {
    workflow: "ledger-close",
    agent: "ledger-reconciler",
    serviceName: "finance-close-agents",
    baseRunsPerDay: 22,
    growth: 2.6,
    weekendFactor: 0.3,
    monthEndFactor: 2.4,
    noise: 0.1,
    busyHours: [7, 21],
  },
  "support-multilingual": {
    workflow: "support-multilingual",
    agent: "support-responder",
    serviceName: "support-agents",
    baseRunsPerDay: 40,
    growth: 2,
    weekendFactor: 0.75,
    monthEndFactor: 1,
    noise: 0.08,
    busyHours: [0, 24],
  },
};

/** Days over which each profile's `growth` applies, ending on the end date. */
const TREND_DAYS = 89;
const DAY_MS = 86_400_000;

/** Formats a Unix-millisecond instant as its UTC calendar day, YYYY-MM-DD. */
export function formatUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD as midnight UTC in Unix milliseconds; throws on anything else. */
export function parseUtcDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || formatUtcDay(ms) !== day) {
    throw new RangeError(`invalid day "${day}": expected a calendar date as YYYY-MM-DD`);
  }
  return ms;
}

/** Lists `days` consecutive UTC days ending with `endDay` (inclusive), oldest first. */
export function listHistoryDays(endDay: string, days: number): string[] {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`invalid days ${days}: expected an integer of at least 1`);
  }
  const endMs = parseUtcDay(endDay);
  return Array.from({ length: days }, (_, i) => formatUtcDay(endMs - (days - 1 - i) * DAY_MS));
}

function isWeekend(dayMs: number): boolean {
  const weekday = new Date(dayMs).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** True on the last two and on the first business day (Monday to Friday) of a month. */
export function isMonthEndPeak(day: string): boolean {
  const dayMs = parseUtcDay(day);
  if (isWeekend(dayMs)) return false;
  const date = new Date(dayMs);
  const month = date.getUTCMonth();

  let laterBusinessDays = 0;
  for (let ms = dayMs + DAY_MS; new Date(ms).getUTCMonth() === month; ms += DAY_MS) {
    if (!isWeekend(ms)) laterBusinessDays += 1;
  }
  let earlierBusinessDays = 0;
  for (let ms = dayMs - DAY_MS; new Date(ms).getUTCMonth() === month; ms -= DAY_MS) {
    if (!isWeekend(ms)) earlierBusinessDays += 1;
  }
  return laterBusinessDays <= 1 || earlierBusinessDays === 0;
}

/**
 * Returns the expected runs of a workflow on a day, before noise: the trend
 * (growth over 89 days up to the end date) times the weekday and month-end factors.
 */
export function expectRunVolume(
  profile: WorkflowProfile,
  day: string,
  daysBeforeEnd: number,
): number {
  const dayMs = parseUtcDay(day);
  const trend = profile.growth ** (1 - daysBeforeEnd / TREND_DAYS);
  const weekday = isWeekend(dayMs) ? profile.weekendFactor : 1;
  const monthEnd = isMonthEndPeak(day) ? profile.monthEndFactor : 1;
  return profile.baseRunsPerDay * trend * weekday * monthEnd;
}

export interface PlanDayInput {
  workflow: WorkflowName;
  /** UTC day as YYYY-MM-DD. */
  day: string;
  /** 0 for the end date, 1 for the day before it, and so on. */
  daysBeforeEnd: number;
  seed: string;
}

/**
 * Plans every run of one workflow on one UTC day, sorted by start time. The
 * result depends only on the input, so any day can be planned on its own.
 */
export function planWorkflowDay(input: PlanDayInput): RunPlan[] {
  const profile = WORKFLOW_PROFILES[input.workflow];
  const random = createRandom(`${input.seed}|${input.workflow}|${input.day}`);
  const expected = expectRunVolume(profile, input.day, input.daysBeforeEnd);
  const runCount = Math.max(1, Math.round(expected * Math.exp(profile.noise * random.normal())));
  // Tokens per call depend on the day's load relative to the base volume,
  // which is what makes cost scale better or worse than linearly with volume.
  const load = runCount / profile.baseRunsPerDay;
  const dayMs = parseUtcDay(input.day);

  const runs: RunPlan[] = [];
  for (let i = 0; i < runCount; i += 1) {
    const startMs = dayMs + sampleStartOffset(profile, random);
    runs.push(buildRun({ profile, random, load, startMs, kind: "regular" }));
  }
  if (input.workflow === "supplier-reorder") {
    // The nightly catalog refresh is a fixed daily cost that more volume amortizes.
    const startMs = dayMs + 2 * 3_600_000 + random.integer(0, 600_000);
    runs.push(buildRun({ profile, random, load, startMs, kind: "catalog-refresh" }));
  }
  return runs.sort((left, right) => left.startMs - right.startMs);
}

/** Milliseconds after midnight: 85 % of runs inside the busy hours, the rest at any time. */
function sampleStartOffset(profile: WorkflowProfile, random: Random): number {
  const [from, to] = profile.busyHours;
  const hours = random.chance(0.85) ? random.between(from, to) : random.between(0, 23.5);
  // Starting by 23:30 keeps a run's spans on its own day in the timeline.
  return Math.floor(Math.min(hours, 23.5) * 3_600_000);
}

export interface DayPlan {
  day: string;
  daysBeforeEnd: number;
  runs: RunPlan[];
}

/** Plans `days` days ending with `endDay` for every workflow, oldest day first. */
export function planHistory(input: { endDay: string; days: number; seed: string }): DayPlan[] {
  const days = listHistoryDays(input.endDay, input.days);
  return days.map((day, index) => {
    const daysBeforeEnd = days.length - 1 - index;
    const runs = WORKFLOWS.flatMap((workflow) =>
      planWorkflowDay({ workflow, day, daysBeforeEnd, seed: input.seed }),
    );
    return { day, daysBeforeEnd, runs };
  });
}

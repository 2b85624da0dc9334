import type { Queryable } from "@/db/client";
import { findRunsOverGuardrails, type GuardrailLimits, type GuardrailRunRow } from "@/db/queries/guardrail-runs";

import type { Guardrails } from "./policy-schema";
import { getPublished } from "./policy-store";

/** One guardrail a run broke: the policy field, its limit and the run's value. */
export interface GuardrailBreach {
  guardrail: keyof Guardrails;
  limit: number;
  value: number;
}

export interface GuardrailViolation {
  traceId: string;
  workflow: string;
  /** Start of the run's first span, ISO instant. */
  startedAt: string;
  breaches: GuardrailBreach[];
}

const METRICS: Array<[keyof Guardrails, (run: GuardrailRunRow) => number]> = [
  ["maxContextTokensPerCall", (run) => Number(run.maxInputTokensPerCall)],
  ["maxToolCallsPerRun", (run) => run.toolCalls],
  ["maxRetriesPerRun", (run) => run.retries],
  ["maxLlmCallsPerRun", (run) => run.llmCalls],
];

/**
 * Lists runs that started in [from, to) and went above a guardrail of the
 * published policy (a value equal to the limit is allowed), newest first,
 * with every guardrail each run broke. Empty before the first publish.
 */
export async function listGuardrailViolations(
  db: Queryable,
  options: { workflow?: string; from: Date; to: Date; limit: number },
): Promise<GuardrailViolation[]> {
  const published = await getPublished(db);
  if (!published) return [];
  const limits: GuardrailLimits[] = [];
  for (const [workflow, policy] of Object.entries(published.document.workflows)) {
    if (options.workflow !== undefined && workflow !== options.workflow) continue;
    const guardrails = policy.guardrails;
    if (Object.values(guardrails).every((value) => value === null)) continue;
    limits.push({ workflow, ...guardrails });
  }
  const toNs = (date: Date) => BigInt(date.getTime()) * 1_000_000n;
  const runs = await findRunsOverGuardrails(db, limits, {
    fromNs: toNs(options.from),
    toNs: toNs(options.to),
    limit: options.limit,
  });

  const byWorkflow = new Map(limits.map((entry) => [entry.workflow, entry]));
  return runs.map((run) => {
    const guardrails = byWorkflow.get(run.workflow)!;
    const breaches: GuardrailBreach[] = [];
    for (const [guardrail, measure] of METRICS) {
      const limit = guardrails[guardrail];
      const value = measure(run);
      if (limit !== null && value > limit) breaches.push({ guardrail, limit, value });
    }
    return {
      traceId: run.traceId,
      workflow: run.workflow,
      startedAt: new Date(Number(run.startNs / 1_000_000n)).toISOString(),
      breaches,
    };
  });
}

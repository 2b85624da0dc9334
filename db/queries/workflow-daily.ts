import type { Queryable } from "@/db/client";

export interface WorkflowDailyRow {
  workflow: string;
  day: string;
  runs: number;
  llmCalls: number;
  toolCalls: number;
  /** Input plus output tokens of counted LLM calls. */
  tokens: number;
  costUsd: string;
  unpricedCalls: number;
  completedOutcomes: number;
  failedOutcomes: number;
  abandonedOutcomes: number;
  escalatedOutcomes: number;
  decisions: number;
}

interface Row {
  workflow: string;
  day: string;
  runs: number;
  llm_calls: number;
  tool_calls: number;
  tokens: string;
  cost_usd: string;
  unpriced_calls: number;
  completed_outcomes: number;
  failed_outcomes: number;
  abandoned_outcomes: number;
  escalated_outcomes: number;
  decisions: string;
}

function toSafeInteger(value: string, column: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`${column} ${value} exceeds 2^53`);
  return number;
}

/**
 * Loads daily totals for days in [from, to), optionally for one workflow.
 * Days without runs are absent; callers decide how to fill them.
 */
export async function loadWorkflowDaily(
  db: Queryable,
  params: { from: string; to: string; workflow?: string },
): Promise<WorkflowDailyRow[]> {
  const rows = await db.query<Row>(
    `select workflow, day::text, runs, llm_calls, tool_calls,
            (input_tokens + output_tokens)::text as tokens, cost_usd::text, unpriced_calls,
            completed_outcomes, failed_outcomes, abandoned_outcomes, escalated_outcomes,
            decisions::text
       from workflow_daily
      where day >= $1::date and day < $2::date and ($3::text is null or workflow = $3::text)
        and runs > 0
      order by workflow, day`,
    [params.from, params.to, params.workflow ?? null],
  );
  return rows.map((row) => ({
    workflow: row.workflow,
    day: row.day,
    runs: row.runs,
    llmCalls: row.llm_calls,
    toolCalls: row.tool_calls,
    tokens: toSafeInteger(row.tokens, "tokens"),
    costUsd: row.cost_usd,
    unpricedCalls: row.unpriced_calls,
    completedOutcomes: row.completed_outcomes,
    failedOutcomes: row.failed_outcomes,
    abandonedOutcomes: row.abandoned_outcomes,
    escalatedOutcomes: row.escalated_outcomes,
    decisions: toSafeInteger(row.decisions, "decisions"),
  }));
}

/** Lists every workflow that has runs, so a page can offer ones outside the range too. */
export async function listWorkflows(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ workflow: string }>(
    `select distinct workflow from workflow_daily where runs > 0 order by workflow`,
  );
  return rows.map((row) => row.workflow);
}

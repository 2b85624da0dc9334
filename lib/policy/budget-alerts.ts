import type { Database } from "@/db/client";
import { listWorkflowsOfTraces } from "@/db/queries/policy-spend";
import { enqueueDeliveries, insertBudgetAlert } from "@/db/queries/webhooks";
import { logFor } from "@/lib/log";

import { getBudgetStates, type WorkflowBudgetState } from "./budget-state";

const logger = logFor("budget-alerts");

/** The webhook body of a budget alert, without the per-delivery id. */
export interface BudgetAlertPayload {
  event: "budget.threshold_crossed";
  workflow: string;
  threshold: number;
  period: WorkflowBudgetState["period"];
  limitUsd: string | null;
  limitTokens: number | null;
  spentUsd: string;
  spentTokens: number;
  percentUsed: number;
  /** ISO instant at which the crossing was detected. */
  occurredAt: string;
}

/** Key of an alert row: workflow, period start and threshold. */
export function alertKeyOf(workflow: string, periodStart: string, threshold: number): string {
  return `${workflow}|${periodStart}|${threshold}`;
}

/**
 * Records every alert threshold that the given workflows' spend has reached in
 * the current period and queues a webhook delivery for each one recorded now.
 * The budget_alerts primary key keeps each threshold to one alert per period,
 * so evaluating again, from any process, fires nothing new. Returns the
 * alerts recorded by this call.
 */
export async function evaluateBudgetAlerts(
  db: Database,
  options: { workflows?: readonly string[]; now?: Date } = {},
): Promise<BudgetAlertPayload[]> {
  const now = options.now ?? new Date();
  const states = await getBudgetStates(db, now, { fresh: true, workflows: options.workflows });
  const fired: BudgetAlertPayload[] = [];
  for (const state of states) {
    for (const threshold of state.thresholdsCrossed) {
      const payload: BudgetAlertPayload = {
        event: "budget.threshold_crossed",
        workflow: state.workflow,
        threshold,
        period: state.period,
        limitUsd: state.limitUsd,
        limitTokens: state.limitTokens,
        spentUsd: state.spentUsd,
        spentTokens: state.spentTokens,
        percentUsed: state.percentUsed,
        occurredAt: now.toISOString(),
      };
      const deliveries = await db.transaction(async (tx) => {
        const inserted = await insertBudgetAlert(tx, {
          workflow: state.workflow,
          periodStart: state.period.start,
          threshold,
          payload,
        });
        if (!inserted) return null;
        return enqueueDeliveries(tx, alertKeyOf(state.workflow, state.period.start, threshold), payload);
      });
      if (deliveries === null) continue;
      fired.push(payload);
      logger.info({ workflow: state.workflow, threshold, deliveries }, "budget alert fired");
    }
  }
  return fired;
}

/**
 * Evaluates alerts for the workflows of runs an ingest just stored. Runs
 * after the ingest commits; an error is logged and swallowed, so alerting
 * never fails an ingest, and the next ingest for the workflow evaluates again.
 */
export async function evaluateAlertsAfterIngest(db: Database, traceIds: readonly string[]): Promise<void> {
  try {
    const workflows = await listWorkflowsOfTraces(db, traceIds);
    if (workflows.length === 0) return;
    await evaluateBudgetAlerts(db, { workflows });
  } catch (error) {
    logger.error({ err: error, traces: traceIds.length }, "evaluating budget alerts after ingest failed");
  }
}

import { getDatabase, type Database } from "@/db/client";
import {
  deleteBudget,
  findBudgetForUpdate,
  listBudgets,
  upsertBudget,
  type BudgetRecord,
} from "@/db/queries/budgets";
import { listWorkflows } from "@/db/queries/workflow-daily";
import type { AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { notFound } from "@/lib/http/api-error";
import { logFor } from "@/lib/log";
import { toUnits } from "@/lib/money/decimal";
import { parseInput } from "@/lib/validation/parse-input";

import { budgetInputSchema, workflowNameSchema, type BudgetInput } from "./budget-input";

const logger = logFor("budgets");

export interface BudgetList {
  budgets: BudgetRecord[];
  /** Workflows with runs but no budget, so a page can offer to set one. */
  unbudgetedWorkflows: string[];
}

/** The budget fields an audit entry records; the entry's own time replaces `updatedAt`. */
function toAuditSnapshot(budget: BudgetRecord): Omit<BudgetRecord, "updatedAt"> {
  return {
    workflow: budget.workflow,
    amountUsd: budget.amountUsd,
    period: budget.period,
    timeZone: budget.timeZone,
  };
}

function isSameBudget(budget: BudgetRecord, input: BudgetInput): boolean {
  return (
    toUnits(budget.amountUsd) === toUnits(input.amountUsd) &&
    budget.period === input.period &&
    budget.timeZone === input.timeZone
  );
}

/**
 * Lists budgets visible to a principal: a gateway key limited to workflows
 * sees only those; people and unlimited keys see every budget.
 */
export async function listBudgetsFor(principal: Principal, db?: Database): Promise<BudgetList> {
  const database = db ?? (await getDatabase());
  const scope = principal.type === "api_key" ? principal.workflows : null;
  const budgets = await listBudgets(database, scope);
  const budgeted = new Set(budgets.map((budget) => budget.workflow));
  const unbudgetedWorkflows = (await listWorkflows(database)).filter(
    (workflow) => !budgeted.has(workflow) && (scope === null || scope.includes(workflow)),
  );
  return { budgets, unbudgetedWorkflows };
}

/**
 * Creates or replaces a workflow's budget with one audit entry in the same
 * transaction (`budget.create`, or `budget.update` with before and after).
 * Saving the values already stored changes nothing and writes no entry.
 */
export async function saveBudget(
  actor: AuditActor,
  workflow: string,
  input: unknown,
  db?: Database,
): Promise<{ budget: BudgetRecord; created: boolean }> {
  const name = parseInput(workflowNameSchema, workflow);
  const budget = parseInput(budgetInputSchema, input);
  const database = db ?? (await getDatabase());
  const result = await database.transaction(async (tx) => {
    const before = await findBudgetForUpdate(tx, name);
    if (before && isSameBudget(before, budget)) return { budget: before, created: false, changed: false };
    const after = await upsertBudget(tx, { workflow: name, ...budget });
    await recordAudit(tx, actor, {
      action: before ? "budget.update" : "budget.create",
      entityType: "budget",
      entityId: name,
      before: before ? toAuditSnapshot(before) : null,
      after: toAuditSnapshot(after),
    });
    return { budget: after, created: before === null, changed: true };
  });
  if (result.changed) {
    logger.info({ workflow: name, created: result.created, actorType: actor.type }, "budget saved");
  }
  return { budget: result.budget, created: result.created };
}

/** Deletes a workflow's budget with a `budget.delete` audit entry; a 404 ApiError when there is none. */
export async function removeBudget(
  actor: AuditActor,
  workflow: string,
  db?: Database,
): Promise<BudgetRecord> {
  const name = parseInput(workflowNameSchema, workflow);
  const database = db ?? (await getDatabase());
  const deleted = await database.transaction(async (tx) => {
    const before = await deleteBudget(tx, name);
    if (!before) return null;
    await recordAudit(tx, actor, {
      action: "budget.delete",
      entityType: "budget",
      entityId: name,
      before: toAuditSnapshot(before),
      after: null,
    });
    return before;
  });
  if (!deleted) throw notFound(`workflow "${name}" has no budget`);
  logger.info({ workflow: name, actorType: actor.type }, "budget deleted");
  return deleted;
}

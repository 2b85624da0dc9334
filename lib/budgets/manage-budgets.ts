import { getDatabase, type Database } from "@/db/client";
import { listWorkflows } from "@/db/queries/workflow-daily";
import type { AuditActor } from "@/lib/audit/audit-actor";
import type { Principal } from "@/lib/auth/principal";
import { notFound } from "@/lib/http/api-error";
import { fromUnits, toUnits } from "@/lib/money/decimal";
import { toCanonicalJson } from "@/lib/policy/policy-hash";
import type { Budget, WorkflowPolicy } from "@/lib/policy/policy-schema";
import { listDraftWorkflows, updateDraftWorkflow } from "@/lib/policy/policy-store";
import { parseInput } from "@/lib/validation/parse-input";

import { budgetInputSchema, workflowNameSchema, type BudgetPeriod } from "./budget-input";

/**
 * A money budget of the draft policy, in the shape of the budgets API. It is
 * the `budget` section of a workflow's draft policy, so this API and the
 * policy editor change the same data. Changes reach gateways on publish.
 */
export interface BudgetRecord {
  workflow: string;
  /** Limit in USD as a decimal string without trailing zeros. */
  amountUsd: string;
  period: BudgetPeriod;
  /** IANA zone whose midnight starts each period. */
  timeZone: string;
  /** Last change of the workflow's draft policy, ISO instant. */
  updatedAt: string;
}

export interface BudgetList {
  budgets: BudgetRecord[];
  /** Workflows with runs but no budget, so a page can offer to set one. */
  unbudgetedWorkflows: string[];
}

/** Alert thresholds and enforcement of a budget created through this API. */
const DEFAULT_ALERT_THRESHOLDS = [50, 80, 100];
/** Soft: alert and allow, as budgets did before gateways enforced them. */
const DEFAULT_ENFORCEMENT = "soft" as const;

/** Returns the policy given to a workflow that had none when its budget is set. */
function emptyWorkflowPolicy(): WorkflowPolicy {
  return {
    budget: null,
    guardrails: {
      maxContextTokensPerCall: null,
      maxToolCallsPerRun: null,
      maxRetriesPerRun: null,
      maxLlmCallsPerRun: null,
    },
    escalation: { approvalAboveUsdPerDecision: null, autonomy: "on_the_loop", tokenDriftPercent: null },
    routing: null,
  };
}

function isEmptyPolicy(policy: WorkflowPolicy): boolean {
  return toCanonicalJson({ ...policy, budget: null }) === toCanonicalJson(emptyWorkflowPolicy());
}

function toRecord(workflow: string, budget: Budget & { amountUsd: string }, updatedAt: string): BudgetRecord {
  return { workflow, amountUsd: budget.amountUsd, period: budget.period, timeZone: budget.timeZone, updatedAt };
}

/**
 * Lists the draft's money budgets visible to a principal: a gateway key
 * limited to workflows sees only those; people and unlimited keys see all.
 * Token-only budgets are left out, because this API has no token field.
 */
export async function listBudgetsFor(principal: Principal, db?: Database): Promise<BudgetList> {
  const database = db ?? (await getDatabase());
  const scope = principal.type === "api_key" ? principal.workflows : null;
  const budgets: BudgetRecord[] = [];
  for (const { workflow, policy, updatedAt } of await listDraftWorkflows(database)) {
    if (scope !== null && !scope.includes(workflow)) continue;
    const budget = policy.budget;
    if (budget?.amountUsd == null) continue;
    budgets.push(toRecord(workflow, { ...budget, amountUsd: budget.amountUsd }, updatedAt));
  }
  const budgeted = new Set(budgets.map((budget) => budget.workflow));
  const unbudgetedWorkflows = (await listWorkflows(database)).filter(
    (workflow) => !budgeted.has(workflow) && (scope === null || scope.includes(workflow)),
  );
  return { budgets, unbudgetedWorkflows };
}

async function findBudgetRecord(database: Database, workflow: string): Promise<BudgetRecord> {
  const row = (await listDraftWorkflows(database)).find((draft) => draft.workflow === workflow);
  const budget = row?.policy.budget;
  if (!row || budget?.amountUsd == null) throw notFound(`workflow "${workflow}" has no budget`);
  return toRecord(workflow, { ...budget, amountUsd: budget.amountUsd }, row.updatedAt);
}

/**
 * Sets the amount, period and time zone of a workflow's draft budget, keeping
 * its other budget fields, with one `policy.draft_update` audit entry. A new
 * budget alerts at 50, 80 and 100 % and is soft. Saving the values already
 * stored changes nothing and writes no entry.
 */
export async function saveBudget(
  actor: AuditActor,
  workflow: string,
  input: unknown,
  db?: Database,
): Promise<{ budget: BudgetRecord; created: boolean }> {
  const name = parseInput(workflowNameSchema, workflow);
  const values = parseInput(budgetInputSchema, input);
  // Amounts are stored without trailing zeros, so 10 and 10.00 hash the same.
  const amountUsd = fromUnits(toUnits(values.amountUsd));
  const database = db ?? (await getDatabase());
  const { before } = await updateDraftWorkflow(
    actor,
    name,
    (current) => {
      const policy = current ?? emptyWorkflowPolicy();
      const budget: Budget = {
        tokens: null,
        alertThresholdsPercent: DEFAULT_ALERT_THRESHOLDS,
        enforcement: DEFAULT_ENFORCEMENT,
        ...policy.budget,
        amountUsd,
        period: values.period,
        timeZone: values.timeZone,
      };
      return { ...policy, budget };
    },
    database,
  );
  return { budget: await findBudgetRecord(database, name), created: before?.budget?.amountUsd == null };
}

/**
 * Removes a workflow's draft budget with one `policy.draft_update` audit
 * entry; a workflow whose policy then holds only defaults is removed from the
 * draft. A 404 ApiError when the workflow has no money budget.
 */
export async function removeBudget(actor: AuditActor, workflow: string, db?: Database): Promise<BudgetRecord> {
  const name = parseInput(workflowNameSchema, workflow);
  const database = db ?? (await getDatabase());
  const existing = await findBudgetRecord(database, name);
  await updateDraftWorkflow(
    actor,
    name,
    (current) => {
      if (current === null) return null;
      const without = { ...current, budget: null };
      return isEmptyPolicy(without) ? null : without;
    },
    database,
  );
  return existing;
}

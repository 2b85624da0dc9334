import type { Queryable } from "@/db/client";
import type { BudgetPeriod } from "@/lib/budgets/budget-input";
import { fromUnits, toUnits } from "@/lib/money/decimal";

export interface BudgetRecord {
  workflow: string;
  /** Limit in USD as a decimal string without trailing zeros. */
  amountUsd: string;
  period: BudgetPeriod;
  /** IANA zone whose midnight starts each period. */
  timeZone: string;
  updatedAt: string;
}

interface BudgetRow {
  workflow: string;
  amount_usd: string;
  period: BudgetPeriod;
  time_zone: string;
  updated_at: string;
}

const COLUMNS = `workflow, amount_usd::text, period, time_zone, updated_at::text`;

function toRecord(row: BudgetRow): BudgetRecord {
  return {
    workflow: row.workflow,
    // numeric(30, 12) comes back padded to 12 decimals; the value is unchanged.
    amountUsd: fromUnits(toUnits(row.amount_usd)),
    period: row.period,
    timeZone: row.time_zone,
    updatedAt: row.updated_at,
  };
}

/** Lists budgets by workflow name; `workflows` limits the list when not null. */
export async function listBudgets(
  db: Queryable,
  workflows: readonly string[] | null,
): Promise<BudgetRecord[]> {
  const rows = await db.query<BudgetRow>(
    `select ${COLUMNS} from budgets
      where $1::text[] is null or workflow = any($1::text[])
      order by workflow`,
    [workflows],
  );
  return rows.map(toRecord);
}

/** Reads a workflow's budget and locks the row until the transaction ends. */
export async function findBudgetForUpdate(db: Queryable, workflow: string): Promise<BudgetRecord | null> {
  const rows = await db.query<BudgetRow>(`select ${COLUMNS} from budgets where workflow = $1 for update`, [
    workflow,
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Creates or replaces a workflow's budget and returns it as stored. */
export async function upsertBudget(
  db: Queryable,
  params: { workflow: string; amountUsd: string; period: BudgetPeriod; timeZone: string },
): Promise<BudgetRecord> {
  const rows = await db.query<BudgetRow>(
    `insert into budgets (workflow, amount_usd, period, time_zone)
     values ($1, $2::numeric, $3, $4)
     on conflict (workflow) do update
        set amount_usd = excluded.amount_usd, period = excluded.period,
            time_zone = excluded.time_zone, updated_at = now()
     returning ${COLUMNS}`,
    [params.workflow, params.amountUsd, params.period, params.timeZone],
  );
  return toRecord(rows[0]!);
}

/** Deletes a workflow's budget; returns the deleted budget, or null when there was none. */
export async function deleteBudget(db: Queryable, workflow: string): Promise<BudgetRecord | null> {
  const rows = await db.query<BudgetRow>(`delete from budgets where workflow = $1 returning ${COLUMNS}`, [
    workflow,
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
}

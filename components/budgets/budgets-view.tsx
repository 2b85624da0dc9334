"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { QueryWidget } from "@/components/kpi/widget-state";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { budgetListSchema } from "@/lib/ui/admin-schemas";
import { fetchApiJson } from "@/lib/ui/fetch-api";

import { BudgetForm } from "./budget-form";
import { BudgetSpendTable } from "./budget-spend-table";
import { BudgetTable } from "./budget-table";

/**
 * Renders budgets per workflow for analysts and up. Finance and admins also
 * get the edit form, and the server checks the role on every change.
 */
export function BudgetsView({ canEdit, defaultTimeZone }: { canEdit: boolean; defaultTimeZone: string }) {
  const budgets = useQuery({
    queryKey: adminQueryKeys.budgets,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/budgets", budgetListSchema, { signal }),
  });
  // The workflow whose form is open: a name, "" for a workflow typed in, null for none.
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Cost governance</p>
          <h1>Budgets</h1>
        </div>
      </header>

      <section className="panel" aria-labelledby="spend-heading">
        <h2 id="spend-heading">Spend this period</h2>
        <p className="muted small">
          From the published policy. The projection assumes the burn rate so far holds to the end of
          the period.
        </p>
        <BudgetSpendTable />
      </section>

      <section className="panel" aria-labelledby="budgets-heading">
        <h2 id="budgets-heading">Budgets by workflow</h2>
        <p className="muted small">
          A period starts at midnight in the budget’s time zone: daily, weekly from Monday, monthly
          from the 1st, or quarterly. Spend at or above the amount is over budget.
        </p>
        <QueryWidget query={budgets} subject="the budgets" lines={4}>
          {(data) => (
            <>
              <BudgetTable
                budgets={data.budgets}
                unbudgetedWorkflows={data.unbudgetedWorkflows}
                canEdit={canEdit}
                onEdit={setEditing}
              />
              {canEdit && editing !== null ? (
                <BudgetForm
                  key={editing}
                  workflow={editing || null}
                  current={data.budgets.find((budget) => budget.workflow === editing) ?? null}
                  defaultTimeZone={defaultTimeZone}
                  onDone={() => setEditing(null)}
                />
              ) : null}
              {canEdit && editing === null ? (
                <p className="actions">
                  <button type="button" className="button button-quiet" onClick={() => setEditing("")}>
                    Set a budget for another workflow
                  </button>
                </p>
              ) : null}
            </>
          )}
        </QueryWidget>
      </section>
    </main>
  );
}

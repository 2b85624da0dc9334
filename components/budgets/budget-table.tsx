"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { ConfirmButton } from "@/components/forms/confirm-button";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { budgetResponseSchema, type BudgetItem } from "@/lib/ui/admin-schemas";
import { formatUsd } from "@/lib/ui/format-decimal";
import { formatTimestamp } from "@/lib/ui/format-timestamp";
import { describeRequestError, sendApiJson } from "@/lib/ui/send-api-json";

/** Lists workflows with their budget, budgeted ones first, with edit and delete actions when `canEdit`. */
export function BudgetTable({
  budgets,
  unbudgetedWorkflows,
  canEdit,
  onEdit,
}: {
  budgets: readonly BudgetItem[];
  unbudgetedWorkflows: readonly string[];
  canEdit: boolean;
  onEdit: (workflow: string) => void;
}) {
  if (budgets.length === 0 && unbudgetedWorkflows.length === 0) {
    return (
      <p className="empty">
        No workflows yet. Workflows appear once spans arrive at /v1/traces
        {canEdit ? ", or set a budget for a workflow by name below" : ""}.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Budgets by workflow</caption>
        <thead>
          <tr>
            <th scope="col">Workflow</th>
            <th scope="col" className="numeric">
              Budget
            </th>
            <th scope="col">Period</th>
            <th scope="col">Time zone</th>
            <th scope="col">Updated</th>
            {canEdit ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {budgets.map((budget) => (
            <BudgetRow key={budget.workflow} budget={budget} canEdit={canEdit} onEdit={onEdit} />
          ))}
          {unbudgetedWorkflows.map((workflow) => (
            <tr key={workflow}>
              <th scope="row">{workflow}</th>
              <td className="numeric muted">No budget</td>
              <td />
              <td />
              <td />
              {canEdit ? (
                <td>
                  <button type="button" className="button button-quiet" onClick={() => onEdit(workflow)}>
                    Set budget
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BudgetRow({
  budget,
  canEdit,
  onEdit,
}: {
  budget: BudgetItem;
  canEdit: boolean;
  onEdit: (workflow: string) => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationKey: ["budgets", "delete", budget.workflow],
    mutationFn: () =>
      sendApiJson(
        "DELETE",
        `/api/v1/budgets/${encodeURIComponent(budget.workflow)}`,
        undefined,
        budgetResponseSchema,
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminQueryKeys.budgets }),
  });

  return (
    <tr>
      <th scope="row">{budget.workflow}</th>
      <td className="numeric">{formatUsd(budget.amountUsd, { maximumFractionDigits: 12 })}</td>
      <td>{budget.period}</td>
      <td>{budget.timeZone}</td>
      <td className="nowrap">{formatTimestamp(budget.updatedAt)}</td>
      {canEdit ? (
        <td>
          <div className="row-actions">
            <button type="button" className="button button-quiet" onClick={() => onEdit(budget.workflow)}>
              Edit
            </button>
            <ConfirmButton
              label="Delete"
              confirmLabel="Delete budget"
              question={`Delete the budget of ${budget.workflow}?`}
              pending={remove.isPending}
              onConfirm={() => remove.mutate()}
            />
            {remove.isError ? (
              <p className="field-message" role="alert">
                {describeRequestError(remove.error)}
              </p>
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { FieldMessage } from "@/components/forms/field-message";
import { BUDGET_PERIODS, budgetInputSchema, workflowNameSchema } from "@/lib/budgets/budget-input";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { budgetResponseSchema, type BudgetItem } from "@/lib/ui/admin-schemas";
import { collectFieldErrors, fieldErrorsOfResponse, type FieldErrors } from "@/lib/ui/field-errors";
import { sendApiJson } from "@/lib/ui/send-api-json";

const FIELDS = ["workflow", "amountUsd", "period", "timeZone"] as const;

/** Returns the IANA zones the browser supports, as suggestions; any valid zone may be typed. */
function listTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
}

/**
 * Sets one workflow's budget, or a budget for a workflow typed by name when
 * `workflow` is null. The same rules as the API check each field before sending.
 */
export function BudgetForm({
  workflow,
  current,
  defaultTimeZone,
  onDone,
}: {
  workflow: string | null;
  current: BudgetItem | null;
  defaultTimeZone: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [name, setName] = useState(workflow ?? "");
  const [amountUsd, setAmountUsd] = useState(current?.amountUsd ?? "");
  const [period, setPeriod] = useState<string>(current?.period ?? "month");
  const [timeZone, setTimeZone] = useState(current?.timeZone ?? defaultTimeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [timeZones] = useState(listTimeZones);

  const save = useMutation({
    mutationKey: ["budgets", "save"],
    mutationFn: (change: { workflow: string; body: unknown }) =>
      sendApiJson(
        "PUT",
        `/api/v1/budgets/${encodeURIComponent(change.workflow)}`,
        change.body,
        budgetResponseSchema,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKeys.budgets });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsOfResponse(error, FIELDS)),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const problems: FieldErrors = {};
    const parsedName = workflowNameSchema.safeParse(name);
    if (!parsedName.success) problems.workflow = `Workflow ${parsedName.error.issues[0]!.message}.`;
    const body = { amountUsd, period, timeZone };
    const parsed = budgetInputSchema.safeParse(body);
    if (!parsed.success) Object.assign(problems, collectFieldErrors(parsed.error));
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({ workflow: name, body });
  }

  return (
    <form className="form-grid budget-form" onSubmit={handleSubmit} noValidate aria-label="Budget">
      <h3 className="field-wide">{workflow ? `Budget of ${workflow}` : "Budget for a workflow"}</h3>
      {workflow === null ? (
        <label className="field">
          <span>Workflow</span>
          <input
            name="workflow"
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={Boolean(errors.workflow)}
            aria-describedby={`${id}-workflow`}
          />
          <FieldMessage id={`${id}-workflow`} message={errors.workflow} />
        </label>
      ) : null}
      <label className="field">
        <span>Amount (USD)</span>
        <input
          name="amountUsd"
          inputMode="decimal"
          value={amountUsd}
          placeholder="1500"
          onChange={(event) => setAmountUsd(event.target.value)}
          aria-invalid={Boolean(errors.amountUsd)}
          aria-describedby={`${id}-amount`}
        />
        <FieldMessage id={`${id}-amount`} message={errors.amountUsd} />
      </label>
      <label className="field">
        <span>Period</span>
        <select
          name="period"
          value={period}
          onChange={(event) => setPeriod(event.target.value)}
          aria-invalid={Boolean(errors.period)}
          aria-describedby={`${id}-period`}
        >
          {BUDGET_PERIODS.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-period`} message={errors.period} />
      </label>
      <label className="field">
        <span>Time zone</span>
        <input
          name="timeZone"
          list={`${id}-zones`}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          aria-invalid={Boolean(errors.timeZone)}
          aria-describedby={`${id}-zone`}
        />
        <datalist id={`${id}-zones`}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <FieldMessage id={`${id}-zone`} message={errors.timeZone} />
      </label>
      {errors.form ? (
        <p className="form-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save budget"}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

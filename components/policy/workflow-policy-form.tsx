"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import type { WorkflowPolicy } from "@/lib/policy/policy-schema";
import { toPolicyForm, validatePolicyForm, type PolicyForm } from "@/lib/ui/policy-form";
import { draftSaveResponseSchema } from "@/lib/ui/policy-ui-schemas";
import { describeRequestError, sendApiJson } from "@/lib/ui/send-api-json";

import { BudgetGuardrailFields } from "./budget-guardrail-fields";
import { RoutingFields } from "./routing-fields";

/** Edits one workflow's draft policy; the draft changes on save and gateways see it after publishing. */
export function WorkflowPolicyForm({
  workflow,
  current,
  defaultTimeZone,
  onDone,
}: {
  workflow: string;
  current: WorkflowPolicy | null;
  defaultTimeZone: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PolicyForm>(() => toPolicyForm(current, defaultTimeZone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = (change: Partial<PolicyForm>) => setForm((previous) => ({ ...previous, ...change }));

  const save = useMutation({
    mutationFn: (policy: WorkflowPolicy | null) => {
      const url = `/api/v1/policy/draft/workflows/${encodeURIComponent(workflow)}`;
      return sendApiJson("PUT", url, policy, draftSaveResponseSchema);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["policy"] });
      onDone();
    },
    onError: (error) => setErrors({ form: describeRequestError(error) }),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const result = validatePolicyForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate(result.policy);
  }

  const problemCount = Object.keys(errors).filter((key) => key !== "form").length;
  return (
    <form className="form-grid" onSubmit={handleSubmit} noValidate aria-label={`Policy of ${workflow}`}>
      <h3 className="field-wide">Draft policy of {workflow}</h3>
      <BudgetGuardrailFields form={form} errors={errors} update={update} />
      <RoutingFields form={form} errors={errors} update={update} />
      {problemCount > 0 ? (
        <p className="form-message field-wide" role="alert">
          {problemCount === 1 ? "One field needs" : `${problemCount} fields need`} a change before saving.
        </p>
      ) : null}
      {errors.form ? (
        <p className="form-message field-wide" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-actions field-wide">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save draft"}
        </button>
        {current !== null ? (
          <button
            type="button"
            className="button button-quiet"
            disabled={save.isPending}
            onClick={() => save.mutate(null)}
          >
            Remove from draft
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

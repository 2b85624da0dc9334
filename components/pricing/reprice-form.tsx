"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { FieldMessage } from "@/components/forms/field-message";
import { repriceInputSchema } from "@/lib/pricing/price-input";
import { formatCount } from "@/lib/ui/format-number";
import { collectFieldErrors, fieldErrorsOfResponse, type FieldErrors } from "@/lib/ui/field-errors";
import { sendApiJson } from "@/lib/ui/send-api-json";

import { pricingQueryKeys, repriceResponseSchema, type RepriceSummary } from "./pricing-schemas";

const FIELDS = ["from", "to", "provider", "model"] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  from: "From (first day)",
  to: "To (day after the last)",
  provider: "Provider (optional)",
  model: "Model (optional)",
};

/**
 * Re-applies the current price book to stored calls in a day range, after a
 * confirmation, since it rewrites the costs of past runs and daily totals.
 */
export function RepriceForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [values, setValues] = useState({ from: defaultFrom, to: defaultTo, provider: "", model: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [summary, setSummary] = useState<RepriceSummary | null>(null);

  const reprice = useMutation({
    mutationKey: ["prices", "reprice"],
    mutationFn: (body: unknown) => sendApiJson("POST", "/api/v1/prices/reprice", body, repriceResponseSchema),
    onSuccess: (data) => {
      setSummary(data.reprice);
      void queryClient.invalidateQueries({ queryKey: pricingQueryKeys.unpriced });
    },
    onError: (error) => setErrors(fieldErrorsOfResponse(error, FIELDS)),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const parsed = repriceInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(collectFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setSummary(null);
    setConfirming(true);
  }

  return (
    <form className="form-grid" onSubmit={handleSubmit} noValidate aria-label="Reprice stored calls">
      {FIELDS.map((name) => (
        <label key={name} className="field">
          <span>{LABELS[name]}</span>
          <input
            name={name}
            value={values[name]}
            onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
            aria-invalid={Boolean(errors[name])}
            aria-describedby={`${id}-${name}`}
          />
          <FieldMessage id={`${id}-${name}`} message={errors[name]} />
        </label>
      ))}
      {errors.form ? (
        <p className="form-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      {summary ? (
        <p className="form-success" role="status">
          Repriced {formatCount(summary.spansChanged)} of {formatCount(summary.spansExamined)} calls:{" "}
          {formatCount(summary.newlyPriced)} newly priced, {formatCount(summary.newlyUnpriced)} newly
          unpriced, {formatCount(summary.runsRecomputed)} runs recomputed.
        </p>
      ) : null}
      <div className="form-actions">
        {confirming ? (
          <span className="confirm" role="group" aria-label="Confirm reprice">
            <span className="confirm-question">
              Rewrite the cost of stored calls from {values.from} to {values.to}?
            </span>
            <button
              type="button"
              className="button button-danger"
              disabled={reprice.isPending}
              onClick={() => {
                setConfirming(false);
                reprice.mutate(values);
              }}
            >
              Reprice
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="submit" className="button" disabled={reprice.isPending}>
            {reprice.isPending ? "Repricing…" : "Reprice stored calls"}
          </button>
        )}
      </div>
    </form>
  );
}

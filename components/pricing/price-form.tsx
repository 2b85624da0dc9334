"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { FieldMessage } from "@/components/forms/field-message";
import { priceInputSchema } from "@/lib/pricing/price-input";
import { SERVICE_TIERS } from "@/lib/pricing/types";
import { collectFieldErrors, fieldErrorsOfResponse, type FieldErrors } from "@/lib/ui/field-errors";
import { sendApiJson } from "@/lib/ui/send-api-json";

import { pricingQueryKeys, priceResponseSchema, type PriceDraft } from "./pricing-schemas";

/** Text inputs of the form, in display order, with their labels and hints. */
const TEXT_FIELDS = [
  { name: "provider", label: "Provider", hint: "gen_ai.provider.name, such as openai or self-hosted" },
  { name: "model", label: "Model", hint: "Model id as spans report it, without host prefixes" },
  { name: "effectiveFrom", label: "Effective from", hint: "YYYY-MM-DD, first UTC day, inclusive" },
  { name: "effectiveTo", label: "Effective until", hint: "YYYY-MM-DD, exclusive; empty while in force" },
  { name: "inputPerMTok", label: "Input (USD per million)", hint: "Uncached input" },
  { name: "cacheReadPerMTok", label: "Cache read (USD per million)", hint: "Empty: input price" },
  { name: "cacheWrite5mPerMTok", label: "Cache write 5m (USD per million)", hint: "Empty: input price" },
  { name: "cacheWrite1hPerMTok", label: "Cache write 1h (USD per million)", hint: "Optional" },
  { name: "outputPerMTok", label: "Output (USD per million)", hint: "Includes reasoning" },
  { name: "longContextThresholdTokens", label: "Long-context threshold (tokens)", hint: "Optional" },
  { name: "longInputPerMTok", label: "Long-context input (USD per million)", hint: "With a threshold" },
  { name: "longOutputPerMTok", label: "Long-context output (USD per million)", hint: "With a threshold" },
  { name: "source", label: "Source URL", hint: "https:// link to the price page or contract" },
  { name: "note", label: "Note", hint: "Optional, such as the contract number" },
] as const;

type TextField = (typeof TEXT_FIELDS)[number]["name"];
type FormValues = Record<TextField, string> & { serviceTier: string; region: string; verified: boolean };

const FIELDS = [...TEXT_FIELDS.map((field) => field.name), "serviceTier", "region", "verified"];

function initialValues(draft: PriceDraft): FormValues {
  const row = draft.row;
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? "" : String(value);
  return {
    provider: draft.provider,
    model: draft.model,
    serviceTier: row?.serviceTier ?? "standard",
    region: row?.region ?? "",
    effectiveFrom: row?.effectiveFrom ?? new Date().toISOString().slice(0, 10),
    effectiveTo: text(row?.effectiveTo),
    inputPerMTok: text(row?.inputPerMTok),
    cacheReadPerMTok: text(row?.cacheReadPerMTok),
    cacheWrite5mPerMTok: text(row?.cacheWrite5mPerMTok),
    cacheWrite1hPerMTok: text(row?.cacheWrite1hPerMTok),
    outputPerMTok: text(row?.outputPerMTok),
    longContextThresholdTokens: text(row?.longContextThresholdTokens),
    longInputPerMTok: text(row?.longInputPerMTok),
    longOutputPerMTok: text(row?.longOutputPerMTok),
    source: row?.source ?? "",
    note: text(row?.note),
    verified: row?.verified ?? false,
  };
}

/**
 * Adds or replaces a custom price row. The same rules as the API check each
 * field before sending; the server's overlap check shows above the buttons.
 * A row keeps its id while provider, model, tier and start stay the same.
 */
export function PriceForm({ draft, onDone }: { draft: PriceDraft; onDone: () => void }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [values, setValues] = useState<FormValues>(() => initialValues(draft));
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationKey: ["prices", "save"],
    mutationFn: (body: unknown) => sendApiJson("PUT", "/api/v1/prices", body, priceResponseSchema),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pricingQueryKeys.prices });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsOfResponse(error, FIELDS)),
  });

  function update(name: keyof FormValues, value: string | boolean): void {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const parsed = priceInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(collectFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    save.mutate(values);
  }

  return (
    <form className="form-grid" onSubmit={handleSubmit} noValidate aria-label="Price row">
      <h3 className="field-wide">{draft.row ? `Price of ${draft.row.model}` : "New price"}</h3>
      {TEXT_FIELDS.map((field) => (
        <label key={field.name} className="field">
          <span>{field.label}</span>
          <input
            name={field.name}
            value={values[field.name]}
            inputMode={field.name.endsWith("PerMTok") ? "decimal" : undefined}
            placeholder={field.hint}
            onChange={(event) => update(field.name, event.target.value)}
            aria-invalid={Boolean(errors[field.name])}
            aria-describedby={`${id}-${field.name}`}
          />
          <FieldMessage id={`${id}-${field.name}`} message={errors[field.name]} />
        </label>
      ))}
      <label className="field">
        <span>Service tier</span>
        <select
          name="serviceTier"
          value={values.serviceTier}
          onChange={(event) => update("serviceTier", event.target.value)}
          aria-invalid={Boolean(errors.serviceTier)}
          aria-describedby={`${id}-serviceTier`}
        >
          {SERVICE_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {tier}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-serviceTier`} message={errors.serviceTier} />
      </label>
      <label className="field">
        <span>Bedrock profile scope</span>
        <select
          name="region"
          value={values.region}
          onChange={(event) => update("region", event.target.value)}
        >
          <option value="">All calls</option>
          <option value="global">global. profiles only</option>
          <option value="regional">Regional profiles only</option>
        </select>
      </label>
      <label className="field">
        <span>
          <input
            type="checkbox"
            name="verified"
            checked={values.verified}
            onChange={(event) => update("verified", event.target.checked)}
          />{" "}
          Every number was checked against the source today
        </span>
      </label>
      {errors.form ? (
        <p className="form-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save price"}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

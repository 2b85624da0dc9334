"use client";

import type { PolicyForm } from "@/lib/ui/policy-form";

import { PolicyField } from "./policy-field";

type Update = (change: Partial<PolicyForm>) => void;
type TextKey = {
  [Key in keyof PolicyForm]: PolicyForm[Key] extends string ? Key : never;
}[keyof PolicyForm];

function TextInput({
  label,
  path,
  name,
  form,
  errors,
  update,
  inputMode,
}: {
  label: string;
  path: string;
  name: TextKey;
  form: PolicyForm;
  errors: Record<string, string>;
  update: Update;
  inputMode?: "decimal" | "numeric";
}) {
  return (
    <PolicyField label={label} path={path} errors={errors}>
      {(aria) => (
        <input
          {...aria}
          name={name}
          inputMode={inputMode}
          value={form[name]}
          onChange={(event) => update({ [name]: event.target.value })}
        />
      )}
    </PolicyField>
  );
}

const GUARDRAIL_INPUTS: Array<{ label: string; name: TextKey }> = [
  { label: "Max context tokens per LLM call", name: "maxContextTokensPerCall" },
  { label: "Max tool calls per run", name: "maxToolCallsPerRun" },
  { label: "Max retries per run", name: "maxRetriesPerRun" },
  { label: "Max LLM calls per run", name: "maxLlmCallsPerRun" },
];

/** Renders the budget, guardrail and escalation inputs of one workflow's policy. */
export function BudgetGuardrailFields({
  form,
  errors,
  update,
}: {
  form: PolicyForm;
  errors: Record<string, string>;
  update: Update;
}) {
  const common = { form, errors, update };
  return (
    <>
      <fieldset className="field-wide form-grid">
        <legend>Budget</legend>
        <label className="field">
          <span>
            <input
              type="checkbox"
              checked={form.budgetEnabled}
              onChange={(event) => update({ budgetEnabled: event.target.checked })}
            />{" "}
            This workflow has a budget
          </span>
        </label>
        {form.budgetEnabled ? (
          <>
            <TextInput label="Amount (USD)" path="budget.amountUsd" name="amountUsd" inputMode="decimal" {...common} />
            <TextInput
              label="Tokens (input + output)"
              path="budget.tokens"
              name="tokens"
              inputMode="numeric"
              {...common}
            />
            <PolicyField label="Period" path="budget.period" errors={errors}>
              {(aria) => (
                <select {...aria} value={form.period} onChange={(event) => update({ period: event.target.value })}>
                  {["day", "week", "month", "quarter"].map((period) => (
                    <option key={period} value={period}>{period}</option>
                  ))}
                </select>
              )}
            </PolicyField>
            <TextInput label="Time zone" path="budget.timeZone" name="timeZone" {...common} />
            <TextInput
              label="Alert thresholds (%, comma-separated)"
              path="budget.alertThresholdsPercent"
              name="alertThresholdsPercent"
              {...common}
            />
            <PolicyField label="Enforcement" path="budget.enforcement" errors={errors}>
              {(aria) => (
                <select
                  {...aria}
                  value={form.enforcement}
                  onChange={(event) => update({ enforcement: event.target.value })}
                >
                  <option value="soft">soft: alert and allow</option>
                  <option value="hard">hard: gateways block at 100 %</option>
                </select>
              )}
            </PolicyField>
          </>
        ) : null}
      </fieldset>

      <fieldset className="field-wide form-grid">
        <legend>Guardrails (empty: no limit)</legend>
        {GUARDRAIL_INPUTS.map((input) => (
          <TextInput
            key={input.name}
            label={input.label}
            path={`guardrails.${input.name}`}
            name={input.name}
            inputMode="numeric"
            {...common}
          />
        ))}
      </fieldset>

      <fieldset className="field-wide form-grid">
        <legend>Escalation</legend>
        <TextInput
          label="Human approval above (USD per decision)"
          path="escalation.approvalAboveUsdPerDecision"
          name="approvalAboveUsdPerDecision"
          inputMode="decimal"
          {...common}
        />
        <PolicyField label="Autonomy" path="escalation.autonomy" errors={errors}>
          {(aria) => (
            <select {...aria} value={form.autonomy} onChange={(event) => update({ autonomy: event.target.value })}>
              <option value="in_the_loop">human in the loop</option>
              <option value="on_the_loop">human on the loop</option>
              <option value="out_of_the_loop">human out of the loop</option>
            </select>
          )}
        </PolicyField>
        <TextInput
          label="Token drift threshold (%)"
          path="escalation.tokenDriftPercent"
          name="tokenDriftPercent"
          inputMode="decimal"
          {...common}
        />
      </fieldset>
    </>
  );
}

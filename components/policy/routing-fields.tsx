"use client";

import { emptyTier, type PolicyForm, type TierForm } from "@/lib/ui/policy-form";

import { PolicyField } from "./policy-field";

type Update = (change: Partial<PolicyForm>) => void;

const TIER_FIELDS: Array<{ key: keyof TierForm; label: string; numeric?: boolean }> = [
  { key: "name", label: "Tier name" },
  { key: "provider", label: "Provider" },
  { key: "model", label: "Model" },
  { key: "escalateAboveInputTokens", label: "Escalate above input tokens", numeric: true },
  { key: "escalateAboveComplexity", label: "Escalate above complexity (0–1)", numeric: true },
];

/** Renders the routing tiers, cheapest first, with the budget-driven downgrade and the semantic cache. */
export function RoutingFields({
  form,
  errors,
  update,
}: {
  form: PolicyForm;
  errors: Record<string, string>;
  update: Update;
}) {
  function setTier(index: number, change: Partial<TierForm>): void {
    update({ tiers: form.tiers.map((tier, position) => (position === index ? { ...tier, ...change } : tier)) });
  }

  return (
    <fieldset className="field-wide">
      <legend>Routing</legend>
      <label className="field">
        <span>
          <input
            type="checkbox"
            checked={form.routingEnabled}
            onChange={(event) => update({ routingEnabled: event.target.checked })}
          />{" "}
          Route requests across model tiers
        </span>
      </label>
      {form.routingEnabled ? (
        <>
          {form.tiers.map((tier, index) => (
            <fieldset key={index} className="form-grid">
              <legend>Tier {index + 1}{index === 0 ? " (cheapest, used first)" : ""}</legend>
              {TIER_FIELDS.map((field) => (
                <PolicyField
                  key={field.key}
                  label={field.label}
                  path={`routing.tiers.${index}.${field.key}`}
                  errors={errors}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      inputMode={field.numeric ? "decimal" : undefined}
                      value={tier[field.key]}
                      onChange={(event) => setTier(index, { [field.key]: event.target.value })}
                    />
                  )}
                </PolicyField>
              ))}
              {form.tiers.length > 1 ? (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => update({ tiers: form.tiers.filter((_, position) => position !== index) })}
                >
                  Remove tier {index + 1}
                </button>
              ) : null}
            </fieldset>
          ))}
          {errors["routing.tiers"] ? (
            <p className="field-message" role="alert">
              {errors["routing.tiers"]}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-quiet"
            onClick={() => update({ tiers: [...form.tiers, emptyTier()] })}
          >
            Add a tier
          </button>
          <div className="form-grid">
            <PolicyField
              label="Downgrade to the cheapest tier at (% of budget)"
              path="routing.downgradeAtPercent"
              errors={errors}
            >
              {(aria) => (
                <input
                  {...aria}
                  inputMode="decimal"
                  value={form.downgradeAtPercent}
                  onChange={(event) => update({ downgradeAtPercent: event.target.value })}
                />
              )}
            </PolicyField>
            <PolicyField label="At 100 % of a hard budget" path="routing.atLimit" errors={errors}>
              {(aria) => (
                <select {...aria} value={form.atLimit} onChange={(event) => update({ atLimit: event.target.value })}>
                  <option value="block">block</option>
                  <option value="allow">allow on the cheapest tier</option>
                </select>
              )}
            </PolicyField>
            <label className="field">
              <span>
                <input
                  type="checkbox"
                  checked={form.cacheEnabled}
                  onChange={(event) => update({ cacheEnabled: event.target.checked })}
                />{" "}
                Semantic cache
              </span>
            </label>
            <PolicyField
              label="Cache similarity threshold (0–1)"
              path="routing.semanticCache.similarityThreshold"
              errors={errors}
            >
              {(aria) => (
                <input
                  {...aria}
                  inputMode="decimal"
                  value={form.similarityThreshold}
                  onChange={(event) => update({ similarityThreshold: event.target.value })}
                />
              )}
            </PolicyField>
            <PolicyField label="Cache time to live (seconds)" path="routing.semanticCache.ttlSeconds" errors={errors}>
              {(aria) => (
                <input
                  {...aria}
                  inputMode="numeric"
                  value={form.ttlSeconds}
                  onChange={(event) => update({ ttlSeconds: event.target.value })}
                />
              )}
            </PolicyField>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}

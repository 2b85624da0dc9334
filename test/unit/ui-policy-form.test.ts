import { describe, expect, it } from "vitest";

import { toPolicyForm, validatePolicyForm } from "@/lib/ui/policy-form";

import { buildWorkflowPolicy } from "../support/policy-fixtures";

describe("policy form", () => {
  it("round-trips a saved policy", () => {
    const policy = buildWorkflowPolicy();
    const result = validatePolicyForm(toPolicyForm(policy, "UTC"));
    expect(result).toEqual({ ok: true, policy });
  });

  it("round-trips a policy without routing", () => {
    const policy = buildWorkflowPolicy({ routing: null, budget: null });
    expect(validatePolicyForm(toPolicyForm(policy, "UTC"))).toEqual({ ok: true, policy });
  });

  it("maps issues to field paths", () => {
    const form = toPolicyForm(buildWorkflowPolicy(), "UTC");
    form.amountUsd = "12,50";
    form.timeZone = "Mars/Olympus";
    form.maxRetriesPerRun = "many";
    form.tiers[1]!.model = "";
    form.alertThresholdsPercent = "50, -5";
    const result = validatePolicyForm(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      "budget.alertThresholdsPercent",
      "budget.amountUsd",
      "budget.timeZone",
      "guardrails.maxRetriesPerRun",
      "routing.tiers.1.model",
    ]);
    expect(result.errors["budget.timeZone"]).toMatch(/IANA time zone/);
  });

  it("requires a money or token limit", () => {
    const form = toPolicyForm(buildWorkflowPolicy(), "UTC");
    form.amountUsd = "";
    const result = validatePolicyForm(form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors["budget.amountUsd"]).toBe("set amountUsd, tokens or both");
  });

  it("defaults a new workflow", () => {
    const form = toPolicyForm(null, "Europe/Berlin");
    expect(form.timeZone).toBe("Europe/Berlin");
    expect(form.budgetEnabled).toBe(true);
    expect(form.alertThresholdsPercent).toBe("50, 80, 100");
  });
});

describe("policy schema tiers", () => {
  it("rejects duplicate tier names", () => {
    const form = toPolicyForm(buildWorkflowPolicy(), "UTC");
    form.tiers[1]!.name = "small";
    const result = validatePolicyForm(form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors["routing.tiers"]).toBe("tier names must be unique within a workflow");
  });
});

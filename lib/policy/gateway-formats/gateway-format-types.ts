import type { Guardrails, PolicyDocument } from "../policy-schema";

/** The published policy fields a gateway format is built from. */
export interface PublishedPolicyInput {
  version: number;
  contentHash: string;
  document: PolicyDocument;
}

/** A policy setting a gateway's configuration cannot express, and why. */
export interface UnsupportedSetting {
  /** Workflow the setting belongs to; null for a setting of the whole document. */
  workflow: string | null;
  /** Path of the setting in the workflow policy, such as `budget.enforcement`. */
  setting: string;
  reason: string;
}

/** Key under which each format lists the settings it could not express. */
export const UNSUPPORTED_KEY = "x-inference-ledger-unsupported";

/** Tells whether any per-run guardrail is set; gateways see single requests, not runs. */
export function hasRunGuardrail(guardrails: Guardrails): boolean {
  return (
    guardrails.maxToolCallsPerRun !== null ||
    guardrails.maxRetriesPerRun !== null ||
    guardrails.maxLlmCallsPerRun !== null
  );
}

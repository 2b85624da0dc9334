import { toCanonicalJson } from "./policy-hash";
import type { PolicyDocument, WorkflowPolicy } from "./policy-schema";

/** One changed leaf of a workflow's policy; `path` is dotted, such as `budget.amountUsd`. */
export interface PolicyChange {
  workflow: string;
  /** Empty when the whole workflow was added or removed. */
  path: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Walks two values side by side. Objects are compared key by key; arrays and
 * scalars are compared whole, because a reordered tier list is one change.
 */
function collectChanges(
  workflow: string,
  path: string,
  before: unknown,
  after: unknown,
  changes: PolicyChange[],
): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      collectChanges(workflow, path ? `${path}.${key}` : key, before[key], after[key], changes);
    }
    return;
  }
  if (toCanonicalJson(before) === toCanonicalJson(after)) return;
  changes.push({ workflow, path, before: before ?? null, after: after ?? null });
}

/**
 * Lists what changes from one policy document to another, by workflow name
 * and then path. A workflow present on one side only is one change with an
 * empty path and the whole policy (or null) on each side.
 */
export function diffPolicies(before: PolicyDocument | null, after: PolicyDocument): PolicyChange[] {
  const previous: Record<string, WorkflowPolicy> = before?.workflows ?? {};
  const workflows = [...new Set([...Object.keys(previous), ...Object.keys(after.workflows)])].sort();
  const changes: PolicyChange[] = [];
  for (const workflow of workflows) {
    const old = previous[workflow] ?? null;
    const next = after.workflows[workflow] ?? null;
    if (old === null || next === null) {
      changes.push({ workflow, path: "", before: old, after: next });
      continue;
    }
    collectChanges(workflow, "", old, next, changes);
  }
  return changes;
}

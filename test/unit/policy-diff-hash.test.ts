import { describe, expect, it } from "vitest";

import { diffPolicies } from "@/lib/policy/diff-policies";
import { hashPolicyDocument, toCanonicalJson } from "@/lib/policy/policy-hash";
import type { PolicyDocument, WorkflowPolicy } from "@/lib/policy/policy-schema";

const policy: WorkflowPolicy = {
  budget: {
    amountUsd: "100",
    tokens: null,
    period: "month",
    timeZone: "Europe/Amsterdam",
    alertThresholdsPercent: [50, 80, 100],
    enforcement: "hard",
  },
  guardrails: {
    maxContextTokensPerCall: 50_000,
    maxToolCallsPerRun: null,
    maxRetriesPerRun: 2,
    maxLlmCallsPerRun: null,
  },
  escalation: { approvalAboveUsdPerDecision: null, autonomy: "on_the_loop", tokenDriftPercent: null },
  routing: null,
};

function documentWith(workflows: Record<string, WorkflowPolicy>): PolicyDocument {
  return { currency: "USD", workflows };
}

describe("hashPolicyDocument", () => {
  it("ignores key order", () => {
    const reordered = JSON.parse(
      '{"workflows":{"claims":' + toCanonicalJson(policy) + '},"currency":"USD"}',
    ) as PolicyDocument;
    expect(hashPolicyDocument(reordered)).toBe(hashPolicyDocument(documentWith({ claims: policy })));
  });

  it("changes with any value", () => {
    const changed = { ...policy, budget: { ...policy.budget!, amountUsd: "100.01" } };
    expect(hashPolicyDocument(documentWith({ claims: changed }))).not.toBe(
      hashPolicyDocument(documentWith({ claims: policy })),
    );
  });

  it("is sha256 hex", () => {
    expect(hashPolicyDocument(documentWith({}))).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sorts nested keys", () => {
    expect(toCanonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe("diffPolicies", () => {
  it("lists changed leaves by path", () => {
    const after = {
      ...policy,
      budget: { ...policy.budget!, amountUsd: "120", alertThresholdsPercent: [50, 90] },
      guardrails: { ...policy.guardrails, maxRetriesPerRun: 3 },
    };
    const changes = diffPolicies(documentWith({ claims: policy }), documentWith({ claims: after }));
    expect(changes).toEqual([
      { workflow: "claims", path: "budget.alertThresholdsPercent", before: [50, 80, 100], after: [50, 90] },
      { workflow: "claims", path: "budget.amountUsd", before: "100", after: "120" },
      { workflow: "claims", path: "guardrails.maxRetriesPerRun", before: 2, after: 3 },
    ]);
  });

  it("reports added and removed workflows", () => {
    const changes = diffPolicies(documentWith({ claims: policy }), documentWith({ refunds: policy }));
    expect(changes).toEqual([
      { workflow: "claims", path: "", before: policy, after: null },
      { workflow: "refunds", path: "", before: null, after: policy },
    ]);
  });

  it("treats no published version as empty", () => {
    const changes = diffPolicies(null, documentWith({ claims: policy }));
    expect(changes).toEqual([{ workflow: "claims", path: "", before: null, after: policy }]);
  });

  it("reports a budget set from null", () => {
    const without = { ...policy, budget: null };
    const changes = diffPolicies(documentWith({ claims: without }), documentWith({ claims: policy }));
    expect(changes).toEqual([{ workflow: "claims", path: "budget", before: null, after: policy.budget }]);
  });

  it("returns nothing for equal documents", () => {
    expect(diffPolicies(documentWith({ claims: policy }), documentWith({ claims: policy }))).toEqual([]);
  });
});

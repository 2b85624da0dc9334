import { describe, expect, it } from "vitest";

import { formatAuditValue, listAuditChanges } from "@/lib/ui/describe-audit-change";

describe("listAuditChanges", () => {
  it("lists only changed fields of an update", () => {
    const before = { workflow: "triage", amountUsd: "100", period: "month", timeZone: "UTC" };
    const after = { workflow: "triage", amountUsd: "250.5", period: "month", timeZone: "UTC" };
    expect(listAuditChanges(before, after)).toEqual([{ field: "amountUsd", before: "100", after: "250.5" }]);
  });

  it("lists non-null fields of a creation", () => {
    expect(listAuditChanges(null, { role: "admin", disabledAt: null })).toEqual([
      { field: "role", before: null, after: "admin" },
    ]);
  });

  it("shows a field set to null", () => {
    expect(listAuditChanges({ disabledAt: "2026-01-01" }, { disabledAt: null })).toEqual([
      { field: "disabledAt", before: "2026-01-01", after: "null" },
    ]);
  });

  it("lists every field of a deletion", () => {
    expect(listAuditChanges({ amountUsd: "5" }, null)).toEqual([{ field: "amountUsd", before: "5", after: null }]);
  });

  it("shows added and removed fields", () => {
    expect(listAuditChanges({ a: 1 }, { b: 2 })).toEqual([
      { field: "a", before: "1", after: null },
      { field: "b", before: null, after: "2" },
    ]);
  });

  it("compares arrays and non-objects whole", () => {
    expect(listAuditChanges(["a"], ["a", "b"])).toEqual([{ field: "value", before: '["a"]', after: '["a","b"]' }]);
    expect(listAuditChanges(3, 3)).toEqual([]);
  });

  it("returns nothing for equal entries", () => {
    expect(listAuditChanges({ workflows: ["x"] }, { workflows: ["x"] })).toEqual([]);
  });
});

describe("formatAuditValue", () => {
  it("truncates long values", () => {
    const text = formatAuditValue("x".repeat(200));
    expect(text).toHaveLength(80);
    expect(text.endsWith("…")).toBe(true);
  });
});

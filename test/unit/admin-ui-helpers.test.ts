import { describe, expect, it } from "vitest";

import {
  formatAuditQuery,
  instantToLocalInput,
  localInputToInstant,
  readAuditParams,
} from "@/lib/ui/audit-params";
import { formatTimestamp, parseTimestamp } from "@/lib/ui/format-timestamp";
import { listNavLinks } from "@/lib/ui/nav-links";

describe("listNavLinks", () => {
  it("gives viewers the board only", () => {
    expect(listNavLinks("viewer").map((link) => link.label)).toEqual(["Board"]);
  });

  it("adds governance pages for analysts and finance", () => {
    const governance = [
      "Board",
      "Budgets",
      "Prices",
      "Policy",
      "Gateways",
      "Violations",
      "Reconciliation",
      "Billing imports",
    ];
    expect(listNavLinks("analyst").map((link) => link.label)).toEqual(governance);
    expect(listNavLinks("finance").map((link) => link.label)).toEqual(governance);
  });

  it("gives admins every page", () => {
    expect(listNavLinks("admin").map((link) => link.href)).toEqual([
      "/",
      "/budgets",
      "/pricing",
      "/policy",
      "/policy/gateways",
      "/policy/violations",
      "/billing/reconciliation",
      "/billing/imports",
      "/settings/keys",
      "/admin/users",
      "/admin/audit",
    ]);
  });
});

describe("parseTimestamp", () => {
  it.each([
    ["2026-01-31 14:03:22.123456+00", "2026-01-31T14:03:22.123Z"],
    ["2026-01-31 14:03:22+05:30", "2026-01-31T08:33:22.000Z"],
    ["2026-01-31 14:03:22.1-08", "2026-01-31T22:03:22.100Z"],
    ["2026-01-31T14:03:22Z", "2026-01-31T14:03:22.000Z"],
  ])("parses %s", (text, iso) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(iso);
  });

  it("returns null for other text", () => {
    expect(parseTimestamp("yesterday")).toBeNull();
  });

  it("formats in UTC", () => {
    expect(formatTimestamp("2026-01-31 23:59:59+00")).toBe("2026-01-31 23:59 UTC");
    expect(formatTimestamp("not a time")).toBe("not a time");
  });
});

describe("audit params", () => {
  it("reads known keys only", () => {
    const params = readAuditParams({ action: " budget.update ", limit: "5", actor: ["a", "b"], entityId: "" });
    expect(params).toEqual({ action: "budget.update", actor: "a" });
  });

  it("formats a query without empty values", () => {
    expect(formatAuditQuery({ entityType: "budget", entityId: "", beforeId: "42" })).toBe(
      "entityType=budget&beforeId=42",
    );
  });

  it("converts datetime-local values as UTC", () => {
    expect(localInputToInstant("2026-01-31T14:00")).toBe("2026-01-31T14:00:00Z");
    expect(localInputToInstant("2026-01-31")).toBeNull();
    expect(instantToLocalInput("2026-01-31T15:00:00+01:00")).toBe("2026-01-31T14:00");
    expect(instantToLocalInput(undefined)).toBe("");
  });
});

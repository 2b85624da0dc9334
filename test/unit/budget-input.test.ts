import { describe, expect, it } from "vitest";

import { budgetInputSchema, isIanaTimeZone, workflowNameSchema } from "@/lib/budgets/budget-input";

const valid = { amountUsd: "1500", period: "month", timeZone: "Europe/Berlin" };

describe("budgetInputSchema", () => {
  it.each(["1500", "0.000000000001", "999999999999999999.999999999999", " 12.50 "])(
    "accepts amount %j",
    (amountUsd) => {
      expect(budgetInputSchema.safeParse({ ...valid, amountUsd }).success).toBe(true);
    },
  );

  it.each([
    ["0", "must be greater than 0"],
    ["0.000", "must be greater than 0"],
    ["-5", "decimal string"],
    ["1e3", "decimal string"],
    ["1.0000000000001", "at most 12 decimals"],
    ["1000000000000000000", "decimal string"],
    ["", "decimal string"],
    ["12.", "decimal string"],
  ])("rejects amount %j", (amountUsd, message) => {
    const result = budgetInputSchema.safeParse({ ...valid, amountUsd });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["amountUsd"]);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("rejects amount as a number", () => {
    const result = budgetInputSchema.safeParse({ ...valid, amountUsd: 1500 });
    expect(result.error?.issues[0]?.path).toEqual(["amountUsd"]);
  });

  it("keeps amount digits exactly", () => {
    const result = budgetInputSchema.parse({ ...valid, amountUsd: "0.100000000001" });
    expect(result.amountUsd).toBe("0.100000000001");
  });

  it("rejects unknown period", () => {
    const result = budgetInputSchema.safeParse({ ...valid, period: "year" });
    expect(result.error?.issues[0]?.path).toEqual(["period"]);
    expect(result.error?.issues[0]?.message).toBe("must be day, week, month or quarter");
  });

  it("canonicalizes time zone spelling", () => {
    expect(budgetInputSchema.parse({ ...valid, timeZone: "europe/berlin" }).timeZone).toBe("Europe/Berlin");
    expect(budgetInputSchema.parse({ ...valid, timeZone: "utc" }).timeZone).toBe("UTC");
  });
});

describe("isIanaTimeZone", () => {
  it.each(["UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Asia/Kolkata"])("accepts %s", (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  it.each(["+01:00", "Mars/Olympus", "", "Europe/", "Europe/Berlin "])("rejects %j", (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});

describe("workflowNameSchema", () => {
  it("rejects empty and overlong names", () => {
    expect(workflowNameSchema.safeParse("").success).toBe(false);
    expect(workflowNameSchema.safeParse("w".repeat(501)).success).toBe(false);
    expect(workflowNameSchema.safeParse("w".repeat(500)).success).toBe(true);
  });
});

import { describe, expect, it } from "vitest";

import { normalizeDecimal, shiftDecimal } from "@/lib/billing/decimal-text";
import { parseBillingDate } from "@/lib/billing/parse-billing-date";

describe("normalizeDecimal", () => {
  const cases: Array<[string, string | null]> = [
    ["0.00000080000", "0.0000008"],
    ["8.50", "8.5"],
    ["10.00", "10"],
    ["-0.000", "0"],
    ["+1.5", "1.5"],
    ["007.10", "7.1"],
    [".5", "0.5"],
    ["5.", "5"],
    ["9.984E-7", "0.0000009984"],
    ["1.81e-8", "0.0000000181"],
    ["1.5e3", "1500"],
    ["-2E+2", "-200"],
    ["0.1234567890123456789", "0.1234567890123456789"],
    [" 3 ", "3"],
    ["", null],
    ["NULL", null],
    ["$1.00", null],
    ["1,000.00", null],
    ["1e", null],
    ["1e999", null],
  ];
  it.each(cases)("reads %j", (text, expected) => {
    expect(normalizeDecimal(text)).toBe(expected);
  });
});

describe("shiftDecimal", () => {
  const cases: Array<[string, number, string]> = [
    ["123.45", -2, "1.2345"],
    ["0.09", -2, "0.0009"],
    ["5", -2, "0.05"],
    ["-1.5", -2, "-0.015"],
    ["29.481", 3, "29481"],
    ["0", -2, "0"],
  ];
  it.each(cases)("shifts %s by %i", (value, power, expected) => {
    expect(shiftDecimal(value, power)).toBe(expected);
  });
});

describe("parseBillingDate", () => {
  const cases: Array<[string, string | null]> = [
    ["2024-09-18T22:00:00Z", "2024-09-18T22:00:00.000Z"],
    ["2024-09-18 22:00:00", "2024-09-18T22:00:00.000Z"],
    ["2024-09-18T22:00:00", "2024-09-18T22:00:00.000Z"],
    ["2023-11-01T00:00:00.000Z", "2023-11-01T00:00:00.000Z"],
    ["2024-09-18T22:00:00.1234567Z", "2024-09-18T22:00:00.123Z"],
    ["2024-09-18T22:00:00+02:00", "2024-09-18T20:00:00.000Z"],
    ["2024-09-18T22:00:00-0530", "2024-09-19T03:30:00.000Z"],
    ["2024-10-01", "2024-10-01T00:00:00.000Z"],
    ["5/1/25", "2025-05-01T00:00:00.000Z"],
    ["12/31/2024", "2024-12-31T00:00:00.000Z"],
    ["4/1/26 3:05 PM", "2026-04-01T15:05:00.000Z"],
    ["2024-02-30", null],
    ["2024-13-01 00:00:00", null],
    ["2024-09-18 24:00:00", null],
    ["13/1/25", null],
    ["yesterday", null],
    ["2024-09-18T22:00:00+25:00", null],
  ];
  it.each(cases)("reads %j", (text, expected) => {
    expect(parseBillingDate(text)).toBe(expected);
  });
});

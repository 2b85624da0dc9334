import { describe, expect, it } from "vitest";

import {
  formatDecimal,
  formatUnitCostUsd,
  formatUsd,
  roundDecimal,
} from "@/lib/ui/format-decimal";

describe("roundDecimal", () => {
  it.each([
    ["1.005", 2, "1.01"],
    ["1.004999999999", 2, "1.00"],
    ["-1.005", 2, "-1.01"],
    ["0.5", 0, "1"],
    ["-0.4", 0, "0"],
    ["-0.001", 2, "0.00"],
    ["9.995", 2, "10.00"],
    ["12", 3, "12.000"],
    ["0.000000000001", 12, "0.000000000001"],
  ])("rounds %s to %i places as %s", (input, places, expected) => {
    expect(roundDecimal(input, places)).toBe(expected);
  });

  it("keeps digits a float would lose", () => {
    expect(roundDecimal("123456789012345678.125", 2)).toBe("123456789012345678.13");
  });

  it("rejects a non-decimal", () => {
    expect(() => roundDecimal("1e5", 2)).toThrow(/invalid decimal "1e5"/);
    expect(() => roundDecimal("", 2)).toThrow(RangeError);
  });

  it("rejects invalid places", () => {
    expect(() => roundDecimal("1", -1)).toThrow(/places/);
    expect(() => roundDecimal("1", 1.5)).toThrow(/places/);
  });
});

describe("formatDecimal", () => {
  it("groups thousands", () => {
    expect(formatDecimal("1234567.891", { maximumFractionDigits: 2 })).toBe("1,234,567.89");
    expect(formatDecimal("999", { maximumFractionDigits: 2 })).toBe("999");
    expect(formatDecimal("-1000", {})).toBe("-1,000");
  });

  it("trims trailing zeros to the minimum", () => {
    expect(formatDecimal("12.5000", { maximumFractionDigits: 3 })).toBe("12.5");
    expect(formatDecimal("12.5", { minimumFractionDigits: 2, maximumFractionDigits: 4 })).toBe(
      "12.50",
    );
    expect(formatDecimal("12.0001", { maximumFractionDigits: 1 })).toBe("12");
  });

  it("strips leading zeros of the whole part", () => {
    expect(formatDecimal("0007.5", { maximumFractionDigits: 1 })).toBe("7.5");
    expect(formatDecimal("0.25", { maximumFractionDigits: 2 })).toBe("0.25");
  });
});

describe("formatUsd", () => {
  it("shows totals with two decimals", () => {
    expect(formatUsd("1234.5")).toBe("$1,234.50");
    expect(formatUsd("0")).toBe("$0.00");
    expect(formatUsd("0.004999")).toBe("$0.00");
    expect(formatUsd("0.005")).toBe("$0.01");
    expect(formatUsd("98765.432100000001")).toBe("$98,765.43");
  });

  it("puts the sign before the symbol", () => {
    expect(formatUsd("-12.3")).toBe("-$12.30");
  });

  it("honours fraction options", () => {
    expect(formatUsd("1.23456789", { maximumFractionDigits: 6 })).toBe("$1.234568");
    expect(formatUsd("1.5", { maximumFractionDigits: 0 })).toBe("$2");
  });
});

describe("formatUnitCostUsd", () => {
  it.each([
    ["0.0123456", "$0.01235"],
    ["12.3456789", "$12.3457"],
    ["0.000001234", "$0.000001234"],
    ["0.05", "$0.0500"],
    ["0.5", "$0.5000"],
    ["1234.5", "$1,234.5000"],
    ["0", "$0.0000"],
    ["0.000000000001", "$0.000000000001"],
  ])("formats %s as %s", (input, expected) => {
    expect(formatUnitCostUsd(input)).toBe(expected);
  });
});

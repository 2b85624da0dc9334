import { describe, expect, it } from "vitest";

import {
  formatCompactCount,
  formatCompactUsd,
  formatCount,
  formatElasticity,
  formatStatistic,
  formatUsdEstimate,
} from "@/lib/ui/format-number";

describe("formatCount", () => {
  it("groups thousands without decimals", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(0)).toBe("0");
  });
});

describe("compact formats", () => {
  it("shortens large counts", () => {
    expect(formatCompactCount(1_234_567)).toBe("1.2M");
    expect(formatCompactCount(950)).toBe("950");
  });

  it("prefixes USD with the sign first", () => {
    expect(formatCompactUsd(1500)).toBe("$1.5K");
    expect(formatCompactUsd(-2.25)).toBe("-$2.3");
    expect(formatCompactUsd(0)).toBe("$0");
  });
});

describe("formatStatistic", () => {
  it.each([
    [0.81234, "0.812"],
    [1234.5, "1,235"],
    [0.000123456, "0.000123"],
    [-0.0456, "-0.0456"],
    [0, "0"],
    [1, "1.00"],
  ])("formats %d as %s", (value, expected) => {
    expect(formatStatistic(value)).toBe(expected);
  });

  it("passes non-finite values through", () => {
    expect(formatStatistic(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});

describe("formatUsdEstimate", () => {
  it("puts the sign before the symbol", () => {
    expect(formatUsdEstimate(0.012345)).toBe("$0.0123");
    expect(formatUsdEstimate(-1.2)).toBe("-$1.20");
  });
});

describe("formatElasticity", () => {
  it("uses two decimals", () => {
    expect(formatElasticity(0.8449)).toBe("0.84");
    expect(formatElasticity(1.006)).toBe("1.01");
  });

  it("drops the sign of a rounded zero", () => {
    expect(formatElasticity(-0.001)).toBe("0.00");
  });
});

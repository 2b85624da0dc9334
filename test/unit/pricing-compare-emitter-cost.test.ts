import { describe, expect, it } from "vitest";

import { compareEmitterCost } from "@/lib/pricing/compare-emitter-cost";

describe("compareEmitterCost", () => {
  it("flags a bare 13 against $0.0018", () => {
    expect(compareEmitterCost("0.0018", "13")).toBe(true);
  });

  it("accepts an equal value", () => {
    expect(compareEmitterCost("0.0018", "0.0018")).toBe(false);
  });

  it("accepts differences within 1 %", () => {
    expect(compareEmitterCost("0.0018", "0.001817")).toBe(false);
    expect(compareEmitterCost("0.0018", "0.001783")).toBe(false);
  });

  it("flags differences above 1 % and 10^-6 USD", () => {
    expect(compareEmitterCost("0.0018", "0.00182")).toBe(true);
    expect(compareEmitterCost("12.5", "12.7")).toBe(true);
  });

  it("accepts sub-micro-dollar differences", () => {
    // 50 % apart, but only 5 x 10^-7 USD
    expect(compareEmitterCost("0.000001", "0.0000015")).toBe(false);
    expect(compareEmitterCost("0", "0.000001")).toBe(false);
    expect(compareEmitterCost("0", "0.0000011")).toBe(true);
  });

  it("reads exponent notation exactly", () => {
    expect(compareEmitterCost("0.0018", "1.8e-3")).toBe(false);
    expect(compareEmitterCost("0.0018", "1.8E+1")).toBe(true);
    expect(compareEmitterCost("0.000225", "0.00022500000000000002")).toBe(false);
  });

  it("flags values that are not numbers", () => {
    expect(compareEmitterCost("0.0018", "NaN")).toBe(true);
    expect(compareEmitterCost("0.0018", "$0.0018")).toBe(true);
    expect(compareEmitterCost("0.0018", "")).toBe(true);
  });

  it("compares nothing when a side is null", () => {
    expect(compareEmitterCost(null, "13")).toBe(false);
    expect(compareEmitterCost("0.0018", null)).toBe(false);
  });

  it("rejects an invalid estimate", () => {
    expect(() => compareEmitterCost("abc", "1")).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";

import { allocateBilledCost } from "@/lib/billing/allocate-billed-cost";
import { toUnits } from "@/lib/money/decimal";

const share = (workflow: string, estimated: string, runDay = "2025-11-09") => ({
  workflow,
  runDay,
  estimated: toUnits(estimated),
});

function total(parts: Array<{ allocated: bigint }>): bigint {
  return parts.reduce((sum, part) => sum + part.allocated, 0n);
}

describe("allocateBilledCost", () => {
  it("splits in proportion to the estimates", () => {
    const parts = allocateBilledCost(toUnits("1"), [share("a", "0.25"), share("b", "0.75")]);
    expect(parts?.map((part) => part.allocated)).toEqual([toUnits("0.25"), toUnits("0.75")]);
  });

  it("gives the remainder to the largest share", () => {
    // 0.60 × 0.21 / 0.54 and 0.60 × 0.33 / 0.54 truncate to ...333 and ...666.
    const parts = allocateBilledCost(toUnits("0.6"), [share("support", "0.21"), share("reorder", "0.33")]);
    expect(parts?.map((part) => [part.workflow, part.allocated])).toEqual([
      ["reorder", toUnits("0.366666666667")],
      ["support", toUnits("0.233333333333")],
    ]);
    expect(total(parts!)).toBe(toUnits("0.6"));
  });

  it("ties out for three equal shares", () => {
    const parts = allocateBilledCost(toUnits("1"), [share("c", "1"), share("a", "1"), share("b", "1")]);
    expect(parts?.map((part) => part.allocated)).toEqual([
      toUnits("0.333333333334"),
      toUnits("0.333333333333"),
      toUnits("0.333333333333"),
    ]);
    expect(total(parts!)).toBe(toUnits("1"));
  });

  it("ties out for a negative bill", () => {
    const parts = allocateBilledCost(toUnits("-1"), [share("a", "1"), share("b", "2")]);
    expect(total(parts!)).toBe(toUnits("-1"));
    expect(parts?.map((part) => part.allocated)).toEqual([toUnits("-0.333333333333"), toUnits("-0.666666666667")]);
  });

  it("has no proportion without estimates", () => {
    expect(allocateBilledCost(toUnits("1"), [share("a", "0")])).toBeNull();
    expect(allocateBilledCost(toUnits("1"), [])).toBeNull();
  });
});

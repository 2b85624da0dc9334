import { describe, expect, it } from "vitest";

import { projectBudgetSpend } from "@/lib/ui/project-budget-spend";

const PERIOD = { start: "2026-12-01T00:00:00.000Z", end: "2026-12-31T00:00:00.000Z" };

describe("projectBudgetSpend", () => {
  it("projects a linear burn", () => {
    const projection = projectBudgetSpend(
      { spentUsd: "30", limitUsd: "300", period: PERIOD },
      new Date("2026-12-04T00:00:00.000Z"),
    );
    expect(projection?.burnUsdPerDay).toBe("10");
    expect(projection?.burnUsdPerHour).toBe("0.416667");
    expect(projection?.projectedUsd).toBe("300");
    expect(projection?.projectedPercent).toBe(100);
    expect(projection?.elapsedShare).toBeCloseTo(0.1, 10);
  });

  it("keeps small amounts exact", () => {
    const projection = projectBudgetSpend(
      { spentUsd: "0.000003", limitUsd: null, period: PERIOD },
      new Date("2026-12-16T00:00:00.000Z"),
    );
    expect(projection?.projectedUsd).toBe("0.000006");
    expect(projection?.projectedPercent).toBeNull();
  });

  it("stops projecting after the period", () => {
    const projection = projectBudgetSpend(
      { spentUsd: "90", limitUsd: "100", period: PERIOD },
      new Date("2027-01-10T00:00:00.000Z"),
    );
    expect(projection?.projectedUsd).toBe("90");
    expect(projection?.elapsedShare).toBe(1);
  });

  it("returns null in the first minute", () => {
    const projection = projectBudgetSpend(
      { spentUsd: "1", limitUsd: "100", period: PERIOD },
      new Date("2026-12-01T00:00:30.000Z"),
    );
    expect(projection).toBeNull();
  });
});

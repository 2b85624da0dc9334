import { describe, expect, it } from "vitest";

import type { BilledCellRow, EstimatedCellRow } from "@/db/queries/reconciliation";
import { checkStorableLine } from "@/lib/billing/check-storable-line";
import { buildReconciliationReport } from "@/lib/billing/reconcile";
import { buildReconciliationCells } from "@/lib/billing/reconciliation-cells";
import type { BillingLine } from "@/lib/billing/types";

const RANGE = { from: "2025-11-09", to: "2025-11-10" };

function estimated(overrides: Partial<EstimatedCellRow>): EstimatedCellRow {
  return {
    provider: "openai",
    model: "gpt-4o-mini",
    day: "2025-11-09",
    workflow: "support",
    runDay: "2025-11-09",
    estimatedUsd: "1",
    calls: 1,
    unpricedCalls: 0,
    ...overrides,
  };
}

function billed(overrides: Partial<BilledCellRow>): BilledCellRow {
  return {
    provider: "openai",
    modelProvider: "openai",
    model: "gpt-4o-mini-2024-07-18",
    day: "2025-11-09",
    currency: "USD",
    billedUsd: "1",
    effectiveUsd: null,
    lines: 1,
    linesWithEffective: 0,
    ...overrides,
  };
}

function report(estimates: EstimatedCellRow[], bills: BilledCellRow[]) {
  const { cells, otherCurrencies } = buildReconciliationCells(estimates, bills);
  return buildReconciliationReport(RANGE, cells, otherCurrencies);
}

describe("reconciliation cells", () => {
  it("labels a matched cell with the bill's model", () => {
    const result = report([estimated({})], [billed({})]);
    expect(result.cells).toHaveLength(1);
    expect(result.cells[0]).toMatchObject({ model: "gpt-4o-mini-2024-07-18", modelKey: "gpt-4o-mini" });
  });

  it("folds unmatched telemetry into a bill without a model", () => {
    const result = report(
      [estimated({ estimatedUsd: "0.4" }), estimated({ model: "gpt-4o", estimatedUsd: "0.2" })],
      [billed({ modelProvider: null, model: null, billedUsd: "0.5" })],
    );
    expect(result.cells.map((cell) => [cell.model, cell.estimatedUsd, cell.billedUsd])).toEqual([
      [null, "0.6", "0.5"],
    ]);
    expect(result.unbilledTelemetry).toEqual([]);
  });

  it("keeps telemetry that a model-level bill covers out of the fold", () => {
    const result = report(
      [estimated({ estimatedUsd: "0.4" }), estimated({ model: "gpt-4o", estimatedUsd: "0.2" })],
      [billed({ billedUsd: "0.5" }), billed({ modelProvider: null, model: null, billedUsd: "0.1" })],
    );
    expect(result.cells.map((cell) => [cell.model, cell.estimatedUsd, cell.billedUsd])).toEqual([
      [null, "0.2", "0.1"],
      ["gpt-4o-mini-2024-07-18", "0.4", "0.5"],
    ]);
  });

  it("lists other currencies apart from USD", () => {
    const result = report([], [billed({ currency: "EUR", billedUsd: "3" }), billed({ billedUsd: "2" })]);
    expect(result.totals.billedUsd).toBe("2");
    expect(result.otherCurrencies).toEqual([
      expect.objectContaining({ currency: "EUR", billed: "3", provider: "openai" }),
    ]);
  });

  it("gives effective cost only when every line has it", () => {
    const complete = report([], [billed({ effectiveUsd: "0.8", linesWithEffective: 1 })]);
    expect(complete.totals.effectiveUsd).toBe("0.8");
    const partial = report([], [billed({ effectiveUsd: "0.8", lines: 2, linesWithEffective: 1 })]);
    expect(partial.totals.effectiveUsd).toBeNull();
  });

  it("leaves credits out of coverage", () => {
    const result = report(
      [estimated({ estimatedUsd: "1" }), estimated({ model: "gpt-4o", estimatedUsd: "1" })],
      [billed({ billedUsd: "2" }), billed({ model: "gpt-4o", billedUsd: "-1" })],
    );
    // Only the cell with positive billed spend counts: explained 1 of 2.
    expect(result.totals).toMatchObject({ billedUsd: "1", explainedUsd: "1", coverage: "0.5" });
    const credit = result.cells.find((cell) => cell.model === "gpt-4o");
    expect(credit?.coverage).toBeNull();
    expect(credit?.differencePercent).toBe("-200");
  });

  it("leaves a bill without priced telemetry unallocated", () => {
    const result = report(
      [estimated({ estimatedUsd: null, unpricedCalls: 1 })],
      [billed({ billedUsd: "0.7" })],
    );
    expect(result.unallocatedBilledUsd).toBe("0.7");
    expect(result.cells[0]).toMatchObject({ status: "matched", unpricedCalls: 1, coverage: "0" });
  });

  it("keeps only cells of the range", () => {
    const result = report([estimated({ day: "2025-11-10" })], [billed({ day: "2025-11-08" })]);
    expect(result.cells).toEqual([]);
    expect(result.totals.billedUsd).toBeNull();
  });
});

describe("checkStorableLine", () => {
  const line = { currency: "USD", billedCost: "1", effectiveCost: null, listCost: null, contractedCost: null };

  it("accepts amounts that fit numeric(30, 12)", () => {
    expect(checkStorableLine({ ...line, billedCost: "-123456789012345678.123456789012" } as BillingLine)).toBeNull();
  });

  it("rejects a 13th fraction digit", () => {
    expect(checkStorableLine({ ...line, listCost: "0.0000000000001" } as BillingLine)?.column).toBe("ListCost");
  });

  it("rejects a 19th whole digit", () => {
    expect(checkStorableLine({ ...line, billedCost: "1234567890123456789" } as BillingLine)?.column).toBe(
      "BilledCost",
    );
  });

  it("rejects a currency that is not three letters", () => {
    expect(checkStorableLine({ ...line, currency: "USDOLLAR" } as BillingLine)).toEqual({
      column: "BillingCurrency",
      reason: 'invalid ISO 4217 code "USDOLLAR"',
    });
  });
});

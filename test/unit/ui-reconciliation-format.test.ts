import { describe, expect, it } from "vitest";

import { formatCoverage, formatPercent } from "@/lib/ui/format-percent";
import { prepareReconciliationChart } from "@/lib/ui/prepare-reconciliation-chart";
import { buildUploadUrl, generateImportId } from "@/lib/ui/upload-billing-file";

describe("formatCoverage", () => {
  it.each([
    ["0.9375", "93.75 %"],
    ["1", "100 %"],
    ["0", "0 %"],
    ["0.467662", "46.77 %"],
    ["0.12931", "12.93 %"],
    ["0.005", "0.5 %"],
  ])("formats %s as %s", (fraction, text) => {
    expect(formatCoverage(fraction)).toBe(text);
  });

  it("shows a dash for no coverage", () => {
    expect(formatCoverage(null)).toBe("—");
  });
});

describe("formatPercent", () => {
  it.each([
    ["-6.25", "-6.25 %"],
    ["-37.3134", "-37.31 %"],
    ["8", "8 %"],
    ["-0.001", "0 %"],
    ["12.345", "12.35 %"],
  ])("formats %s as %s", (percent, text) => {
    expect(formatPercent(percent)).toBe(text);
  });
});

describe("prepareReconciliationChart", () => {
  it("fills every day, with gaps where nothing was billed", () => {
    const rows = prepareReconciliationChart({
      from: "2025-11-09",
      to: "2025-11-12",
      byDay: [
        { day: "2025-11-09", estimatedUsd: "0.5", billedUsd: "0.6" } as never,
        { day: "2025-11-11", estimatedUsd: "0.25", billedUsd: null } as never,
      ],
    });
    expect(rows).toEqual([
      { day: "2025-11-09", estimated: 0.5, billed: 0.6 },
      { day: "2025-11-10", estimated: 0, billed: null },
      { day: "2025-11-11", estimated: 0.25, billed: null },
    ]);
  });
});

describe("upload helpers", () => {
  it("generates version 4 UUIDs", () => {
    const id = generateImportId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateImportId()).not.toBe(id);
  });

  it("puts id, file name and format in the query", () => {
    expect(buildUploadUrl({ id: "x", fileName: "a b.csv", format: "focus" })).toBe(
      "/api/v1/billing/imports?id=x&filename=a+b.csv&format=focus",
    );
    expect(buildUploadUrl({ id: "x", fileName: "f.json", format: null })).toBe(
      "/api/v1/billing/imports?id=x&filename=f.json",
    );
  });
});

import { describe, expect, it } from "vitest";

import {
  ApiRequestError,
  buildKpiReportUrl,
  buildWorkflowReportUrl,
  fetchApiJson,
  isExpectedApiError,
  toApiRequestError,
} from "@/lib/ui/fetch-api";
import { kpiReportSchema } from "@/lib/ui/kpi-schemas";
import { buildBoardHref, buildWorkflowHref } from "@/lib/ui/page-links";

const RANGE = { from: "2026-03-01", to: "2026-04-01" };

function respondWith(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status });
}

const REPORT = {
  from: "2026-03-01",
  to: "2026-04-01",
  timeZone: "UTC",
  currency: "USD",
  workflows: [
    {
      workflow: "ledger-close",
      runs: 3,
      llmCalls: 9,
      tokens: 1200,
      costUsd: "0.42",
      completedOutcomes: 2,
      decisions: 4,
      tokensPerCompletedOutcome: "600",
      costPerDecisionUsd: "0.105",
      marginalCostPerDecisionUsd: null,
      costElasticity: { value: 0.8, stdErr: 0.05, ciLow: 0.7, ciHigh: 0.9, n: 20, r2: 0.9 },
      verdict: "productionized",
      verdictReason: "Cost grows at most about as fast as volume.",
      unpricedCalls: 0,
    },
  ],
};

describe("URLs", () => {
  it("builds API and page URLs with the range", () => {
    expect(buildKpiReportUrl(RANGE)).toBe("/api/v1/kpis?from=2026-03-01&to=2026-04-01");
    expect(buildWorkflowReportUrl("a b/c", RANGE)).toBe(
      "/api/v1/workflows/a%20b%2Fc/kpis?from=2026-03-01&to=2026-04-01",
    );
    expect(buildBoardHref(RANGE)).toBe("/?from=2026-03-01&to=2026-04-01");
    expect(buildWorkflowHref("x.y", RANGE)).toBe("/workflows/x.y?from=2026-03-01&to=2026-04-01");
  });
});

describe("fetchApiJson", () => {
  it("parses a valid report", async () => {
    const report = await fetchApiJson("/api/v1/kpis", kpiReportSchema, {
      fetchImpl: respondWith(200, REPORT),
    });
    expect(report.workflows[0]?.costUsd).toBe("0.42");
  });

  it("rejects a float amount", async () => {
    const broken = { ...REPORT, workflows: [{ ...REPORT.workflows[0], costUsd: 0.42 }] };
    const request = fetchApiJson("/api/v1/kpis", kpiReportSchema, {
      fetchImpl: respondWith(200, broken),
    });
    await expect(request).rejects.toMatchObject({ code: "invalid_response", status: 200 });
    await expect(request).rejects.toThrow(/workflows\.0\.costUsd/);
  });

  it("maps a 400 body to an expected error", async () => {
    const body = { error: { code: "invalid_request", field: "to", message: "invalid range" } };
    const error = await fetchApiJson("/api/v1/kpis", kpiReportSchema, {
      fetchImpl: respondWith(400, body),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: "invalid_request", field: "to" });
    expect(isExpectedApiError(error)).toBe(true);
  });

  it("treats a 500 as a failure", async () => {
    const body = { error: { code: "internal_error", message: "the request failed" } };
    const error = await fetchApiJson("/api/v1/kpis", kpiReportSchema, {
      fetchImpl: respondWith(500, body),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 500, code: "internal_error" });
    expect(isExpectedApiError(error)).toBe(false);
  });
});

describe("toApiRequestError", () => {
  it("falls back to the status without a JSON body", () => {
    const error = toApiRequestError("/x", 502, null);
    expect(error.code).toBe("http_502");
    expect(error.message).toBe("GET /x failed with HTTP 502");
  });

  it("keeps a 404 expected", () => {
    const error = toApiRequestError("/x", 404, { error: { code: "not_found", message: "gone" } });
    expect(isExpectedApiError(error)).toBe(true);
    expect(isExpectedApiError(new Error("plain"))).toBe(false);
  });
});

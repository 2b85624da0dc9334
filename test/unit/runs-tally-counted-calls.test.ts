import { describe, expect, it } from "vitest";

import { tallyCountedCalls, type RunSpan } from "@/lib/runs/summarize-run";

function span(spanId: string, parentSpanId: string | null, role: string, tokens: bigint | null): RunSpan {
  return {
    spanId,
    parentSpanId,
    startNs: 0n,
    endNs: 1n,
    serviceName: null,
    role,
    statusCode: 1,
    inputTokens: tokens,
    outputTokens: tokens,
    costUsd: tokens === null ? null : "0.01",
    costStatus: tokens === null ? "none" : "priced",
    workflow: null,
    workflowRank: null,
    outcome: null,
    decisions: null,
  };
}

describe("tallyCountedCalls", () => {
  it("counts a leaf call with its own usage", () => {
    const tally = tallyCountedCalls([span("root", null, "agent", null), span("call", "root", "llm", 10n)]);
    expect([...tally]).toEqual([["call", 1]]);
  });

  it("skips a parent that repeats its child", () => {
    const tally = tallyCountedCalls([span("outer", null, "llm", 10n), span("inner", "outer", "llm", 10n)]);
    expect([...tally]).toEqual([["inner", 1]]);
  });

  it("counts borrowed usage on the ancestor", () => {
    const tally = tallyCountedCalls([
      span("outer", null, "llm", 10n),
      span("first", "outer", "llm", null),
      span("second", "outer", "llm", null),
    ]);
    expect([...tally]).toEqual([["outer", 2]]);
  });
});

import { describe, expect, it } from "vitest";

import { measureGuardrails, type GuardrailCall } from "@/lib/runs/guardrail-metrics";

const OK = 1;
const ERROR = 2;

/** Builds a counted call that starts at `startSecond` and lasts one second. */
function call(spanId: string, startSecond: number, statusCode: number, model = "gpt-4o", input: bigint | null = 100n) {
  const startNs = BigInt(startSecond) * 1_000_000_000n;
  const span: GuardrailCall = { spanId, startNs, endNs: startNs + 1_000_000_000n, statusCode, model };
  return { call: span, usage: { inputTokens: input } };
}

describe("measureGuardrails", () => {
  it("takes the largest input of one call", () => {
    const metrics = measureGuardrails([
      call("a", 0, OK, "m", 10n),
      call("b", 2, OK, "m", 9_000n),
      call("c", 4, OK, "m", null),
    ]);
    expect(metrics.maxInputTokensPerCall).toBe(9_000n);
  });

  it("counts a repeat of a failed call", () => {
    expect(measureGuardrails([call("a", 0, ERROR), call("b", 2, OK)]).retries).toBe(1);
  });

  it("counts each failure once", () => {
    expect(measureGuardrails([call("a", 0, ERROR), call("b", 2, ERROR), call("c", 4, OK)]).retries).toBe(2);
    expect(measureGuardrails([call("a", 0, ERROR), call("b", 2, OK), call("c", 4, OK)]).retries).toBe(1);
  });

  it("ignores another model", () => {
    expect(measureGuardrails([call("a", 0, ERROR, "gpt-4o"), call("b", 2, OK, "gpt-4o-mini")]).retries).toBe(0);
  });

  it("ignores calls overlapping the failure", () => {
    // b starts before a ends, so it runs in parallel instead of repeating a.
    const overlapping = call("b", 0, OK);
    overlapping.call.startNs = 500_000_000n;
    expect(measureGuardrails([call("a", 0, ERROR), overlapping]).retries).toBe(0);
  });

  it("ignores calls before the failure", () => {
    expect(measureGuardrails([call("a", 0, OK), call("b", 2, ERROR)]).retries).toBe(0);
  });

  it("sorts calls by start", () => {
    expect(measureGuardrails([call("b", 2, OK), call("a", 0, ERROR)]).retries).toBe(1);
  });

  it("returns zeros without calls", () => {
    expect(measureGuardrails([])).toEqual({ maxInputTokensPerCall: 0n, retries: 0 });
  });
});

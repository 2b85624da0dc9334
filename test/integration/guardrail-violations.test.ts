import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/keys/api-keys";
import { listGuardrailViolations } from "@/lib/policy/guardrail-violations";
import { publishDraft, saveDraftWorkflow } from "@/lib/policy/policy-store";

import { jsonSpan, newTraceId, type JsonSpan } from "../support/otlp-builders";
import { buildWorkflowPolicy } from "../support/policy-fixtures";
import { postSpans } from "../support/policy-spans";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

const WORKFLOW = "guarded";
const DAY = "2026-02-10";

let server: { url: string; close: () => Promise<void> };
let ingestKey: string;
let finance: Principal;

beforeAll(async () => {
  server = await serveRoutes();
  ingestKey = (await createApiKey(await getDatabase(), { name: "guardrails", kind: "ingest" })).secret;
  const session = await sessionCookieFor("finance");
  finance = { type: "user", userId: session.userId, email: session.email, name: "Finance", role: "finance" };
});

afterAll(async () => {
  await server.close();
});

interface CallSpec {
  kind: "llm" | "tool";
  /** Seconds after 10:00 on DAY. */
  at: number;
  input?: number;
  model?: string;
  failed?: boolean;
}

/** Builds one run of the workflow: a root agent span with the given calls as children. */
function runSpans(workflow: string, calls: CallSpec[]): { traceId: string; spans: JsonSpan[] } {
  const traceId = newTraceId();
  const start = (seconds: number) => new Date(Date.parse(`${DAY}T10:00:00Z`) + seconds * 1000).toISOString();
  const spans = [
    jsonSpan({
      traceId,
      spanId: "3000000000000001",
      start: start(0),
      durationMs: 60_000,
      attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.workflow.name": workflow },
    }),
  ];
  calls.forEach((spec, index) => {
    const attributes: Record<string, string | number> =
      spec.kind === "tool"
        ? { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "lookup" }
        : {
            "gen_ai.operation.name": "chat",
            "gen_ai.provider.name": "openai",
            "gen_ai.request.model": spec.model ?? "gpt-4o-mini",
            "gen_ai.usage.input_tokens": spec.input ?? 500,
            "gen_ai.usage.output_tokens": 50,
          };
    spans.push(
      jsonSpan({
        traceId,
        spanId: `30000000000000${(0x10 + index).toString(16)}`,
        parentSpanId: "3000000000000001",
        start: start(spec.at + 1),
        durationMs: 900,
        attributes,
        statusCode: spec.failed ? 2 : undefined,
      }),
    );
  });
  return { traceId, spans };
}

describe("guardrail violations", () => {
  const runs: Record<string, string> = {};

  it("finds runs above the published guardrails", async () => {
    const policy = buildWorkflowPolicy({
      guardrails: { maxContextTokensPerCall: 8_000, maxToolCallsPerRun: 2, maxRetriesPerRun: 1, maxLlmCallsPerRun: 3 },
    });
    await saveDraftWorkflow(finance, WORKFLOW, policy);
    const noGuardrails = {
      maxContextTokensPerCall: null,
      maxToolCallsPerRun: null,
      maxRetriesPerRun: null,
      maxLlmCallsPerRun: null,
    };
    await saveDraftWorkflow(finance, "unguarded", buildWorkflowPolicy({ guardrails: noGuardrails }));
    await publishDraft(finance, null);

    const cases: Record<string, [string, CallSpec[]]> = {
      largeContext: [WORKFLOW, [{ kind: "llm", at: 0, input: 10_000 }]],
      atContextLimit: [WORKFLOW, [{ kind: "llm", at: 0, input: 8_000 }]],
      twoRetries: [
        WORKFLOW,
        [
          { kind: "llm", at: 0, failed: true },
          { kind: "llm", at: 2, failed: true },
          { kind: "llm", at: 4 },
        ],
      ],
      oneRetry: [WORKFLOW, [{ kind: "llm", at: 0, failed: true }, { kind: "llm", at: 2 }]],
      otherModel: [
        WORKFLOW,
        [
          { kind: "llm", at: 0, failed: true, model: "gpt-4o" },
          { kind: "llm", at: 2, failed: true, model: "gpt-4o-mini" },
          { kind: "llm", at: 4, model: "gpt-4.1" },
        ],
      ],
      manyTools: [
        WORKFLOW,
        [
          { kind: "tool", at: 0 },
          { kind: "tool", at: 1 },
          { kind: "tool", at: 2 },
          { kind: "llm", at: 3 },
        ],
      ],
      manyCalls: [WORKFLOW, [0, 2, 4, 6].map((at) => ({ kind: "llm" as const, at }))],
      unguarded: ["unguarded", [{ kind: "llm", at: 0, input: 90_000 }]],
    };
    for (const [name, [workflow, calls]] of Object.entries(cases)) {
      const { traceId, spans } = runSpans(workflow, calls);
      runs[name] = traceId;
      expect(await postSpans(server.url, ingestKey, spans)).toBe(200);
    }

    const violations = await listGuardrailViolations(await getDatabase(), {
      from: new Date(`${DAY}T00:00:00Z`),
      to: new Date(`${DAY}T23:59:59Z`),
      limit: 100,
    });
    const byTrace = new Map(violations.map((violation) => [violation.traceId, violation.breaches]));
    expect(byTrace.get(runs.largeContext!)).toEqual([
      { guardrail: "maxContextTokensPerCall", limit: 8_000, value: 10_000 },
    ]);
    expect(byTrace.get(runs.twoRetries!)).toEqual([{ guardrail: "maxRetriesPerRun", limit: 1, value: 2 }]);
    expect(byTrace.get(runs.manyTools!)).toEqual([{ guardrail: "maxToolCallsPerRun", limit: 2, value: 3 }]);
    expect(byTrace.get(runs.manyCalls!)).toEqual([{ guardrail: "maxLlmCallsPerRun", limit: 3, value: 4 }]);
    for (const allowed of ["atContextLimit", "oneRetry", "otherModel", "unguarded"]) {
      expect(byTrace.has(runs[allowed]!), allowed).toBe(false);
    }
    expect(violations).toHaveLength(4);
    expect(violations.every((violation) => violation.workflow === WORKFLOW)).toBe(true);
  });

  it("stores the metrics on the run", async () => {
    const db = await getDatabase();
    const rows = await db.query<{ retries: number; max_input: string }>(
      `select retries, max_input_tokens_per_call::text as max_input from runs where trace_id = $1`,
      [runs.twoRetries],
    );
    expect(rows[0]).toEqual({ retries: 2, max_input: "500" });
  });

  it("filters by workflow and time", async () => {
    const db = await getDatabase();
    const other = await listGuardrailViolations(db, {
      workflow: "unguarded",
      from: new Date(`${DAY}T00:00:00Z`),
      to: new Date(`${DAY}T23:59:59Z`),
      limit: 100,
    });
    expect(other).toEqual([]);
    const later = await listGuardrailViolations(db, {
      workflow: WORKFLOW,
      from: new Date(`${DAY}T10:01:00Z`),
      to: new Date(`${DAY}T23:59:59Z`),
      limit: 100,
    });
    expect(later).toEqual([]);
    const limited = await listGuardrailViolations(db, {
      workflow: WORKFLOW,
      from: new Date(`${DAY}T00:00:00Z`),
      to: new Date(`${DAY}T23:59:59Z`),
      limit: 2,
    });
    expect(limited).toHaveLength(2);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";

import { getDatabase } from "@/db/client";
import { handleJsonRoute } from "@/lib/http/handle-route";
import { createApiKey } from "@/lib/keys/api-keys";
import { receiveTraces } from "@/lib/otlp/receive-traces";

import { sessionCookieFor } from "../support/sessions";

// Lets a test make span ingest fail with an error the receiver does not expect.
const ingestFailure = vi.hoisted(() => ({ error: null as Error | null }));

vi.mock("@/lib/ingest/ingest-spans", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/ingest/ingest-spans")>();
  return {
    ...original,
    ingestSpans: (...args: Parameters<typeof original.ingestSpans>) => {
      if (ingestFailure.error) throw ingestFailure.error;
      return original.ingestSpans(...args);
    },
  };
});

afterEach(() => {
  ingestFailure.error = null;
});

/** An error whose message and stack name internals that must stay in the server log. */
function internalError(): Error {
  const error = new Error(`relation "secret_table" does not exist at ${process.cwd()}/db/queries/x.ts`);
  (error as Error & { code: string }).code = "42P01";
  return error;
}

function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/^\s*at\s/m);
  expect(body).not.toMatch(/\.(ts|tsx|js|mjs|cjs):\d+/);
  expect(body).not.toContain(process.cwd());
  expect(body).not.toContain("node_modules");
  expect(body).not.toContain("secret_table");
}

describe("error responses", () => {
  it("hide an unexpected route error", async () => {
    const { cookie } = await sessionCookieFor("viewer");
    const request = new Request("http://127.0.0.1/api/v1/kpis", { headers: { cookie } });
    const response = await handleJsonRoute(request, { role: "viewer" }, async () => {
      throw internalError();
    });
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      error: { code: "internal_error", message: "the request failed; see the server log" },
    });
    expectNoInternals(body);
  });

  it("hide a thrown non-error value", async () => {
    const { cookie } = await sessionCookieFor("viewer");
    const request = new Request("http://127.0.0.1/api/v1/kpis", { headers: { cookie } });
    const response = await handleJsonRoute(request, { role: "viewer" }, async () => {
      throw { stack: internalError().stack };
    });
    expect(response.status).toBe(500);
    expectNoInternals(await response.text());
  });

  it("hide an unexpected ingest error", async () => {
    const { secret } = await createApiKey(await getDatabase(), { name: "error test", kind: "ingest" });
    ingestFailure.error = internalError();
    const response = await receiveTraces(
      new Request("http://127.0.0.1/v1/traces", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({ resourceSpans: [] }),
      }),
    );
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(body)).toMatchObject({ error: "internal_error", message: "ingest failed; see the server log" });
    expectNoInternals(body);
  });
});

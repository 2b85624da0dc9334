import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { createApiKey } from "@/lib/keys/api-keys";

import { jsonSpan, newTraceId, spanIdOf, traceRequest } from "../support/otlp-builders";
import { serveRoutes } from "../support/serve-routes";

const MIB = 1024 * 1024;
let server: { url: string; close: () => Promise<void> };
let key: string;

beforeAll(async () => {
  server = await serveRoutes();
  key = (await createApiKey(await getDatabase(), { name: "limit tests", kind: "ingest" })).secret;
});

afterAll(async () => {
  await server.close();
});

/** A valid request padded by a non-content attribute to about `size` bytes of JSON. */
function paddedRequest(traceId: string, size: number): string {
  const skeleton = JSON.stringify(
    traceRequest([
      jsonSpan({
        traceId,
        spanId: spanIdOf(1),
        start: "2026-10-10T00:00:00Z",
        attributes: { "test.padding": "" },
      }),
    ]),
  );
  return skeleton.replace('"stringValue":""', `"stringValue":"${"x".repeat(size - skeleton.length)}"`);
}

async function countSpans(traceId: string): Promise<number> {
  const db = await getDatabase();
  const rows = await db.query<{ n: number }>(
    "select count(*)::int as n from spans where trace_id = $1",
    [traceId],
  );
  return rows[0]!.n;
}

function post(body: Buffer | string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, ...headers },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}

describe("OTLP body limits (F11)", () => {
  it("rejects a 17 MiB plain body with 413", async () => {
    const traceId = newTraceId();
    const response = await post(paddedRequest(traceId, 17 * MIB));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain(String(16 * MIB));
    expect(await countSpans(traceId)).toBe(0);
  });

  it("rejects a gzip body that inflates past the limit", async () => {
    const traceId = newTraceId();
    const compressed = gzipSync(paddedRequest(traceId, 40 * MIB));
    expect(compressed.byteLength).toBeLessThan(MIB);
    const before = process.memoryUsage().rss;
    const response = await post(compressed, { "content-encoding": "gzip" });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain("decompressed");
    // Inflation stops at the 16 MiB limit, far below the 40 MiB the body would expand to.
    expect(process.memoryUsage().rss - before).toBeLessThan(36 * MIB);
    expect(await countSpans(traceId)).toBe(0);
  });

  it("accepts a 15 MiB body", async () => {
    const traceId = newTraceId();
    const response = await post(paddedRequest(traceId, 15 * MIB));
    expect(response.status).toBe(200);
    expect(await countSpans(traceId)).toBe(1);
  });
});

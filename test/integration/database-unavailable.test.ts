import { beforeAll, describe, expect, it } from "vitest";

import { closeDatabase } from "@/db/client";
import { resetEnvForTests } from "@/lib/env";

import { POST as postTraces } from "@/app/v1/traces/route";
import { GET as getKpis } from "@/app/api/v1/kpis/route";

beforeAll(async () => {
  await closeDatabase();
  // Nothing listens on port 1, so every connection attempt is refused.
  process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/unavailable";
  resetEnvForTests();
});

describe("database unavailable", () => {
  it("answers OTLP with 503 and Retry-After", async () => {
    const response = await postTraces(
      new Request("http://127.0.0.1/v1/traces", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer il_ingest_x" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { message: string }).message).toContain("unavailable");
  });

  it("answers the KPI API with 503", async () => {
    const response = await getKpis(new Request("http://127.0.0.1/api/v1/kpis"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });
});

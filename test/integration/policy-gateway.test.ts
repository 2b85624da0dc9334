import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { listPullsOfKey } from "@/db/queries/gateway-pulls";
import { resetEnvForTests } from "@/lib/env";
import { createApiKey } from "@/lib/keys/api-keys";
import { buildOpenApiDocument } from "@/lib/policy/openapi-document";
import {
  decideResponseSchema,
  policyStateResponseSchema,
  publishedPolicyResponseSchema,
} from "@/lib/policy/policy-api-schemas";

import { createApiClient } from "../support/api-client";
import { liteLlmConfigSchema, portkeyConfigSchema } from "../support/gateway-doc-schemas";
import { buildWorkflowPolicy } from "../support/policy-fixtures";
import { pickZoneAwayFromMidnight, postSpans, streamedSonnetRun } from "../support/policy-spans";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let financeCookie: string;
let analystCookie: string;

beforeAll(async () => {
  server = await serveRoutes();
  callApi = createApiClient(server.url);
  financeCookie = (await sessionCookieFor("finance")).cookie;
  analystCookie = (await sessionCookieFor("analyst")).cookie;
});

afterAll(async () => {
  await server.close();
});

async function createGatewayKey(name: string, workflows?: string[]) {
  return createApiKey(await getDatabase(), { name, kind: "gateway", workflows });
}

function pull(secret: string, query = "", ifNoneMatch?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${secret}` };
  if (ifNoneMatch !== undefined) headers["if-none-match"] = ifNoneMatch;
  return fetch(`${server.url}/api/v1/policy${query}`, { headers });
}

async function saveDraft(workflow: string, policy: unknown) {
  const saved = await callApi("PUT", `/api/v1/policy/draft/workflows/${encodeURIComponent(workflow)}`, {
    cookie: financeCookie,
    body: policy,
  });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
}

async function publish(note: string): Promise<{ version: number; contentHash: string }> {
  const published = await callApi("POST", "/api/v1/policy/publish", { cookie: financeCookie, body: { note } });
  expect(published.status, JSON.stringify(published.json)).toBe(200);
  return published.json.published;
}

async function findGateway(keyId: string) {
  const listed = await callApi("GET", "/api/v1/gateways", { cookie: analystCookie });
  expect(listed.status).toBe(200);
  const gateway = listed.json.gateways.find((row: { keyId: string }) => row.keyId === keyId);
  return { currentVersion: listed.json.currentVersion, gateway };
}

describe("gateway policy pulls", () => {
  it("answers 404 before the first publish", async () => {
    const key = await createGatewayKey("early gateway");
    const response = await pull(key.secret);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/no policy has been published/);
  });

  it("serves 200, then 304, then the new version", async () => {
    const key = await createGatewayKey("litellm-eu");
    await saveDraft("invoice-match", buildWorkflowPolicy());
    const first = await publish("first budget");

    const response1 = await pull(key.secret);
    expect(response1.status).toBe(200);
    const etag1 = response1.headers.get("etag");
    expect(etag1).toBe(`"${first.contentHash}"`);
    expect(response1.headers.get("cache-control")).toBe("private, max-age=30, must-revalidate");
    const body1 = publishedPolicyResponseSchema.parse(await response1.json());
    expect(body1.version).toBe(first.version);
    expect(Object.keys(body1.document.workflows)).toContain("invoice-match");

    const response2 = await pull(key.secret, "", etag1!);
    expect(response2.status).toBe(304);
    expect(response2.headers.get("etag")).toBe(etag1);
    expect(await response2.text()).toBe("");

    let status = await findGateway(key.record.id);
    expect(status.gateway.lastPull).toMatchObject({ version: first.version, status: 304 });
    expect(status.gateway.stale).toBe(false);

    const base = buildWorkflowPolicy();
    await saveDraft("invoice-match", { ...base, budget: { ...base.budget!, amountUsd: "250.00" } });
    const second = await publish("raise budget");
    expect(second.version).toBe(first.version + 1);
    status = await findGateway(key.record.id);
    expect(status.currentVersion).toBe(second.version);
    expect(status.gateway.stale).toBe(true);

    const response3 = await pull(key.secret, "", etag1!);
    expect(response3.status).toBe(200);
    expect(response3.headers.get("etag")).toBe(`"${second.contentHash}"`);
    expect(response3.headers.get("etag")).not.toBe(etag1);
    expect((await response3.json()).version).toBe(second.version);

    status = await findGateway(key.record.id);
    expect(status.gateway.stale).toBe(false);
    expect(status.gateway.pullCount).toBe(3);
    const log = await listPullsOfKey(await getDatabase(), key.record.id, 10);
    expect(log.map((entry) => [entry.version, entry.status, entry.format])).toEqual([
      [second.version, 200, "policy"],
      [first.version, 304, "policy"],
      [first.version, 200, "policy"],
    ]);
  });

  it("matches If-None-Match lists and star", async () => {
    const key = await createGatewayKey("list matcher");
    const etag = (await pull(key.secret)).headers.get("etag")!;
    expect((await pull(key.secret, "", `"other", ${etag}`)).status).toBe(304);
    expect((await pull(key.secret, "", `W/${etag}`)).status).toBe(304);
    expect((await pull(key.secret, "", "*")).status).toBe(304);
    expect((await pull(key.secret, "", '"other"')).status).toBe(200);
  });

  it("filters to the key's workflows", async () => {
    await saveDraft("ledger-close", buildWorkflowPolicy({ routing: null }));
    const published = await publish("second workflow");
    const key = await createGatewayKey("scoped", ["ledger-close"]);
    const response = await pull(key.secret);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body.document.workflows)).toEqual(["ledger-close"]);
    const etag = response.headers.get("etag");
    expect(etag).not.toBe(`"${published.contentHash}"`);
    expect((await pull(key.secret, "", etag!)).status).toBe(304);
  });

  it("serves the gateway formats", async () => {
    const key = await createGatewayKey("formats");
    const litellm = await pull(key.secret, "?format=litellm");
    expect(litellm.status).toBe(200);
    const liteBody = await litellm.json();
    expect(liteLlmConfigSchema.safeParse(liteBody).error?.issues ?? []).toEqual([]);
    expect((await pull(key.secret, "?format=litellm", litellm.headers.get("etag")!)).status).toBe(304);

    const portkey = await pull(key.secret, "?format=portkey");
    expect(portkey.status).toBe(200);
    expect(portkey.headers.get("etag")).not.toBe(litellm.headers.get("etag"));
    const portkeyBody = await portkey.json();
    for (const config of Object.values(portkeyBody.configs)) {
      expect(portkeyConfigSchema.safeParse(config).error?.issues ?? []).toEqual([]);
    }
    const log = await listPullsOfKey(await getDatabase(), key.record.id, 10);
    expect(log.map((entry) => entry.format)).toEqual(["portkey", "litellm", "litellm"]);

    expect((await pull(key.secret, "?format=yaml")).status).toBe(400);
  });
});

describe("policy decisions from ingested spend", () => {
  const workflow = "supplier-reorder";

  async function decide(inputTokens = 1_000) {
    const result = await callApi("POST", "/api/v1/policy/decide?fresh=true", {
      cookie: analystCookie,
      body: { workflow, model: "claude-sonnet-4-5", inputTokens },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    return decideResponseSchema.parse(result.json);
  }

  it("downgrades, then blocks as spend grows", async () => {
    const base = buildWorkflowPolicy();
    // Each run costs $0.06, so three runs pass 50 % and five reach 100 % of $0.30.
    await saveDraft(workflow, {
      ...base,
      budget: { ...base.budget!, amountUsd: "0.30", period: "day", timeZone: pickZoneAwayFromMidnight() },
      routing: { ...base.routing!, downgradeAtPercent: 50 },
    });
    await publish("daily budget");
    const ingest = await createApiKey(await getDatabase(), { name: "decide ingest", kind: "ingest" });

    expect((await decide()).action).toBe("allow");
    for (let run = 0; run < 3; run += 1) {
      expect(await postSpans(server.url, ingest.secret, streamedSonnetRun(workflow, new Date()))).toBe(200);
    }
    const downgraded = await decide(20_000);
    expect(downgraded.action).toBe("downgrade");
    expect(downgraded.model).toBe("gpt-4o-mini");
    expect(downgraded.rules.map((rule) => rule.rule)).toEqual(["routing.downgrade_at_percent"]);

    for (let run = 0; run < 2; run += 1) {
      expect(await postSpans(server.url, ingest.secret, streamedSonnetRun(workflow, new Date()))).toBe(200);
    }
    const blocked = await decide();
    expect(blocked.action).toBe("block");
    expect(blocked.model).toBeNull();
    expect(blocked.rules.map((rule) => rule.rule)).toEqual(["budget.hard_limit"]);

    const state = await callApi("GET", "/api/v1/policy/state?fresh=true", { cookie: analystCookie });
    expect(state.status).toBe(200);
    const parsed = policyStateResponseSchema.parse(state.json);
    const entry = parsed.states.find((item) => item.workflow === workflow);
    expect(entry?.spentUsd).toBe("0.3");
    expect(entry?.action).toBe("block");
  });

  it("rejects a workflow outside the key's scope", async () => {
    const key = await createGatewayKey("scoped decide", ["ledger-close"]);
    const result = await callApi("POST", "/api/v1/policy/decide", {
      bearer: key.secret,
      body: { workflow, model: "gpt-4o", inputTokens: 10 },
    });
    expect(result.status).toBe(403);
  });

  it("rejects an unknown field", async () => {
    const result = await callApi("POST", "/api/v1/policy/decide", {
      cookie: analystCookie,
      body: { workflow, model: "gpt-4o", inputTokens: 10, tokens: 5 },
    });
    expect(result.status).toBe(400);
  });
});

describe("guardrail violations route", () => {
  it("lists a run above the context limit", async () => {
    const workflow = "contract-review";
    const base = buildWorkflowPolicy();
    await saveDraft(workflow, { ...base, guardrails: { ...base.guardrails, maxContextTokensPerCall: 5_000 } });
    await publish("tight context");
    const ingest = await createApiKey(await getDatabase(), { name: "violations ingest", kind: "ingest" });
    expect(await postSpans(server.url, ingest.secret, streamedSonnetRun(workflow, new Date()))).toBe(200);

    const listed = await callApi("GET", `/api/v1/policy/violations?workflow=${workflow}`, { cookie: analystCookie });
    expect(listed.status, JSON.stringify(listed.json)).toBe(200);
    expect(listed.json.violations).toHaveLength(1);
    expect(listed.json.violations[0].breaches).toEqual([
      { guardrail: "maxContextTokensPerCall", limit: 5_000, value: 10_000 },
    ]);
  });

  it("rejects an invalid instant", async () => {
    const listed = await callApi("GET", "/api/v1/policy/violations?from=yesterday", { cookie: analystCookie });
    expect(listed.status).toBe(400);
    expect(listed.json.error.message).toMatch(/invalid from/);
  });
});

describe("budget state cache", () => {
  it("reuses state until the max age", async () => {
    const workflow = "cache-check";
    const base = buildWorkflowPolicy();
    const budget = { ...base.budget!, period: "day", timeZone: pickZoneAwayFromMidnight() };
    await saveDraft(workflow, { ...base, budget });
    await publish("cache check budget");
    const key = await createGatewayKey("state reader", [workflow]);
    const ingest = await createApiKey(await getDatabase(), { name: "cache ingest", kind: "ingest" });
    const readSpent = async () => {
      const state = await callApi("GET", "/api/v1/policy/state", { bearer: key.secret });
      expect(state.status).toBe(200);
      expect(state.json.states).toHaveLength(1);
      return state.json.states[0].spentUsd as string;
    };

    expect(await readSpent()).toBe("0");
    expect(await postSpans(server.url, ingest.secret, streamedSonnetRun(workflow, new Date()))).toBe(200);
    expect(await readSpent()).toBe("0");

    process.env.POLICY_STATE_MAX_AGE_SECONDS = "0";
    resetEnvForTests();
    try {
      expect(await readSpent()).toBe("0.06");
    } finally {
      delete process.env.POLICY_STATE_MAX_AGE_SECONDS;
      resetEnvForTests();
    }
  });
});

describe("OpenAPI route", () => {
  it("serves the document without credentials", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });
});

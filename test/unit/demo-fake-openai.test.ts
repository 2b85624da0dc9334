import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/scripts/demo/fake-openai-server";

let server: FakeOpenAiServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "demo", maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
});

/** About 1,500 tokens at four characters a token. */
const LONG_SYSTEM_PROMPT = "Follow the reorder policy and cite the contract clause. ".repeat(110);

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { authorization: "Bearer demo", "content-type": "application/json", ...headers },
    body,
  });
}

describe("fake OpenAI chat", () => {
  it("returns usage and echoes the model", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "How many units are in stock for SKU 1042?" }],
    });
    expect(completion.model).toBe("gpt-4o-mini");
    expect(completion.choices[0]?.message.content).toBeTruthy();
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    const usage = completion.usage;
    expect(usage?.prompt_tokens).toBe(3 + 3 + Math.ceil(42 / 4));
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
    expect(usage?.prompt_tokens_details?.cached_tokens).toBe(0);
  });

  it("caches a repeated long prefix", async () => {
    const system = { role: "system" as const, content: LONG_SYSTEM_PROMPT };
    const first = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [system, { role: "user", content: "first question" }],
    });
    const second = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [system, { role: "user", content: "second question" }],
    });
    const cached = second.usage?.prompt_tokens_details?.cached_tokens ?? 0;
    expect(first.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    expect(cached).toBeGreaterThanOrEqual(1_024);
    expect(cached % 128).toBe(0);
    expect(cached).toBeLessThanOrEqual(second.usage?.prompt_tokens ?? 0);
  });

  it("skips cache below 1,024 tokens", async () => {
    const messages = [{ role: "user" as const, content: "short repeated prompt" }];
    await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    const again = await client.chat.completions.create({ model: "gpt-4o-mini", messages });
    expect(again.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
  });

  it("reports reasoning for gpt-5 models", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-5-mini",
      messages: [{ role: "user", content: "Reconcile entry 77 against invoice 9." }],
    });
    const reasoning = completion.usage?.completion_tokens_details?.reasoning_tokens ?? 0;
    expect(reasoning).toBeGreaterThan(0);
    expect(reasoning).toBeLessThan(completion.usage?.completion_tokens ?? 0);
  });

  it("truncates at max_tokens", async () => {
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Write a long explanation." }],
      max_tokens: 3,
    });
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect(completion.usage?.completion_tokens).toBe(3);
  });

  it("gives the same usage on two servers", async () => {
    const other = await startFakeOpenAiServer();
    const otherClient = new OpenAI({ baseURL: `${other.url}/v1`, apiKey: "demo" });
    const request = {
      model: "gpt-5",
      messages: [{ role: "user" as const, content: "deterministic usage check" }],
    };
    const here = await client.chat.completions.create(request);
    const there = await otherClient.chat.completions.create(request);
    await other.close();
    expect(there.usage).toEqual(here.usage);
    expect(there.choices[0]?.message.content).toBe(here.choices[0]?.message.content);
  });
});

describe("fake OpenAI streaming", () => {
  it("ends with a usage chunk", async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Stream the delivery status." }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("");
    const last = chunks.at(-1);

    expect(text.length).toBeGreaterThan(0);
    expect(chunks.every((chunk) => chunk.model === "gpt-4o-mini")).toBe(true);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(last?.usage?.completion_tokens).toBe(Math.max(1, Math.ceil(text.length / 4)));
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("omits usage unless requested", async () => {
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Stream without usage." }],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
  });
});

describe("fake OpenAI embeddings", () => {
  it("returns unit vectors via base64", async () => {
    const response = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: ["open invoices for vendor 12", "payment run 2026-03"],
    });
    expect(response.data).toHaveLength(2);
    const vector = response.data[0]?.embedding ?? [];
    expect(vector).toHaveLength(1_536);
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
    expect(norm).toBeCloseTo(1, 4);
    expect(response.usage.prompt_tokens).toBe(Math.ceil(27 / 4) + Math.ceil(19 / 4));
  });

  it("accepts dimensions and float format", async () => {
    const response = await post(
      "/v1/embeddings",
      JSON.stringify({ model: "text-embedding-3-large", input: "x", dimensions: 8 }),
    );
    const body = (await response.json()) as { data: { embedding: number[] }[] };
    expect(response.status).toBe(200);
    expect(body.data[0]?.embedding).toHaveLength(8);
  });
});

describe("fake OpenAI errors", () => {
  it("rejects a missing key", async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(401);
  });

  it("rejects invalid JSON", async () => {
    const response = await post("/v1/chat/completions", "{not json");
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status).toBe(400);
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it("rejects missing messages", async () => {
    const response = await post("/v1/chat/completions", JSON.stringify({ model: "gpt-4o-mini" }));
    const body = (await response.json()) as { error: { param: string } };
    expect(response.status).toBe(400);
    expect(body.error.param).toBe("messages");
  });

  it("returns 404 on unknown paths", async () => {
    const response = await post("/v1/models", "{}");
    expect(response.status).toBe(404);
  });

  it("returns 405 on GET", async () => {
    const response = await fetch(`${server.url}/v1/embeddings`);
    expect(response.status).toBe(405);
  });
});

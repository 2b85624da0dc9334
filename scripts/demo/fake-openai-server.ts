/**
 * A small OpenAI-compatible HTTP server on 127.0.0.1 for the demo's live
 * traffic: `POST /v1/chat/completions` (plain and SSE streaming) and
 * `POST /v1/embeddings`, with deterministic usage and no network access.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import {
  buildEmbeddings,
  ChatResponder,
  type ChatMessage,
  type ChatReply,
} from "./fake-openai-responses";

export interface FakeOpenAiServer {
  /** Base URL without the `/v1` suffix, such as `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1_048_576;
const SYSTEM_FINGERPRINT = "fp_demo_fake";

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = "invalid_request_error",
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  response.end(payload);
}

async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new RequestError(413, `request body exceeds ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new RequestError(400, "request body is not valid JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new RequestError(400, "request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

function requireModel(body: Record<string, unknown>): string {
  if (typeof body.model !== "string" || body.model === "") {
    throw new RequestError(400, "you must provide a model parameter", undefined, "model");
  }
  return body.model;
}

function readMaxTokens(body: Record<string, unknown>): number | undefined {
  const value = body.max_completion_tokens ?? body.max_tokens;
  if (value === undefined || value === null) return undefined;
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new RequestError(400, "max_tokens must be a positive integer", undefined, "max_tokens");
  }
  return value as number;
}

function handleChat(
  body: Record<string, unknown>,
  response: ServerResponse,
  chat: ChatResponder,
): void {
  const model = requireModel(body);
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new RequestError(400, "messages must be a non-empty array", undefined, "messages");
  }
  const reply = chat.reply(model, messages as ChatMessage[], readMaxTokens(body));
  const created = Math.floor(Date.now() / 1000);

  if (body.stream === true) {
    const options = body.stream_options as { include_usage?: unknown } | undefined;
    streamChat(response, model, created, reply, options?.include_usage === true);
    return;
  }
  sendJson(response, 200, {
    id: reply.id,
    object: "chat.completion",
    created,
    model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: reply.text, refusal: null },
        logprobs: null,
        finish_reason: reply.finishReason,
      },
    ],
    usage: reply.usage,
    service_tier: "default",
  });
}

/** Streams a reply as server-sent events, word by word, as the Chat Completions API does. */
function streamChat(
  response: ServerResponse,
  model: string,
  created: number,
  reply: ChatReply,
  includeUsage: boolean,
): void {
  response.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const send = (choices: unknown[], usage?: unknown) => {
    const chunk: Record<string, unknown> = {
      id: reply.id,
      object: "chat.completion.chunk",
      created,
      model,
      system_fingerprint: SYSTEM_FINGERPRINT,
      choices,
    };
    // With include_usage, every chunk carries `usage`: null until the last one.
    if (includeUsage) chunk.usage = usage ?? null;
    response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  };
  const delta = (content: Record<string, unknown>, finishReason: string | null = null) => ({
    index: 0,
    delta: content,
    logprobs: null,
    finish_reason: finishReason,
  });

  send([delta({ role: "assistant", content: "", refusal: null })]);
  for (const word of reply.text.match(/\S+\s*/g) ?? []) {
    send([delta({ content: word })]);
  }
  send([delta({}, reply.finishReason)]);
  if (includeUsage) send([], reply.usage);
  response.end("data: [DONE]\n\n");
}

function handleEmbeddings(body: Record<string, unknown>, response: ServerResponse): void {
  const model = requireModel(body);
  const input = body.input;
  const inputs: (string | number[])[] = typeof input === "string" ? [input] : [];
  if (Array.isArray(input)) {
    const isTokenList = input.every((item) => typeof item === "number");
    if (isTokenList && input.length > 0) inputs.push(input as number[]);
    else {
      for (const item of input) {
        const valid =
          typeof item === "string" ||
          (Array.isArray(item) && item.every((token) => typeof token === "number"));
        if (!valid) {
          const message = "input items must be strings or token arrays";
          throw new RequestError(400, message, undefined, "input");
        }
        inputs.push(item as string | number[]);
      }
    }
  }
  if (inputs.length === 0) {
    throw new RequestError(400, "input must be a non-empty string or array", undefined, "input");
  }
  const dimensions = body.dimensions;
  if (dimensions !== undefined && (!Number.isInteger(dimensions) || (dimensions as number) < 1)) {
    throw new RequestError(400, "dimensions must be a positive integer", undefined, "dimensions");
  }
  sendJson(
    response,
    200,
    buildEmbeddings(model, inputs, {
      dimensions: dimensions as number | undefined,
      base64: body.encoding_format === "base64",
    }),
  );
}

async function routeRequest(
  request: IncomingMessage,
  response: ServerResponse,
  chat: ChatResponder,
): Promise<void> {
  const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
  const routes = ["/v1/chat/completions", "/v1/embeddings"];
  if (!routes.includes(path)) {
    throw new RequestError(404, `unknown path ${path}`, "not_found_error");
  }
  if (request.method !== "POST") {
    throw new RequestError(405, `method ${request.method} is not allowed on ${path}; use POST`);
  }
  if (!/^Bearer \S+/.test(request.headers.authorization ?? "")) {
    const message = "missing bearer API key in the Authorization header";
    throw new RequestError(401, message, "invalid_api_key");
  }
  const body = await readJsonBody(request);
  if (path === "/v1/chat/completions") handleChat(body, response, chat);
  else handleEmbeddings(body, response);
}

/** Starts the server on 127.0.0.1; `port` 0 picks a free port. */
export function startFakeOpenAiServer(options: { port?: number } = {}): Promise<FakeOpenAiServer> {
  const chat = new ChatResponder();
  const server = createServer((request, response) => {
    routeRequest(request, response, chat).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy(error instanceof Error ? error : undefined);
        return;
      }
      const known = error instanceof RequestError;
      const status = known ? error.status : 500;
      sendJson(response, status, {
        error: {
          message: error instanceof Error ? error.message : String(error),
          type: known ? error.type : "server_error",
          param: known ? error.param : null,
          code: null,
        },
      });
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((resolveClose, rejectClose) => {
            server.close((error) => (error ? rejectClose(error) : resolveClose()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

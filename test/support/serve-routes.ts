import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

import { GET as getKpis } from "@/app/api/v1/kpis/route";
import { GET as getWorkflowKpis } from "@/app/api/v1/workflows/[workflow]/kpis/route";
import { POST as postTraces } from "@/app/v1/traces/route";

/**
 * Serves the route handlers over real HTTP on 127.0.0.1, so exporters and
 * clients talk to them as they would to the Next.js server, without a build.
 */
export async function serveRoutes(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((incoming, outgoing) => {
    dispatch(incoming)
      .then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        outgoing.writeHead(500, { "content-type": "text/plain" });
        outgoing.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function toRequest(incoming: IncomingMessage): Request {
  const url = `http://127.0.0.1${incoming.url ?? "/"}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(url, {
    method: incoming.method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function dispatch(incoming: IncomingMessage): Promise<Response> {
  const request = toRequest(incoming);
  const { pathname } = new URL(request.url);
  if (pathname === "/v1/traces" && request.method === "POST") return postTraces(request);
  if (pathname === "/api/v1/kpis" && request.method === "GET") return getKpis(request);
  const workflowMatch = /^\/api\/v1\/workflows\/([^/]+)\/kpis$/.exec(pathname);
  if (workflowMatch && request.method === "GET") {
    const workflow = decodeURIComponent(workflowMatch[1]!);
    return getWorkflowKpis(request, { params: Promise.resolve({ workflow }) });
  }
  return new Response("not found", { status: 404 });
}

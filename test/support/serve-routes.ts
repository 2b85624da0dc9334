import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

import { discoverRoutes, loadRouteHandlers, type HttpMethod } from "./discover-routes";

/**
 * Serves every route handler under app/ over real HTTP on 127.0.0.1, so
 * exporters and clients talk to them as they would to the Next.js server,
 * without a build. Handlers that need Next.js's request scope (next-auth's
 * route reads `headers()`) fail here with a 500.
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

const routes = discoverRoutes();

async function dispatch(incoming: IncomingMessage): Promise<Response> {
  const request = toRequest(incoming);
  const { pathname } = new URL(request.url);
  for (const route of routes) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    const handler = (await loadRouteHandlers(route))[request.method as HttpMethod];
    if (!handler) return new Response("method not allowed", { status: 405 });
    const params: Record<string, string | string[] | undefined> = {};
    route.paramNames.forEach((name, index) => {
      const value = match[index + 1];
      if (value === undefined) return;
      // Next.js decodes segment values for route handlers.
      params[name] = route.catchAllNames.includes(name)
        ? value.split("/").map(decodeURIComponent)
        : decodeURIComponent(value);
    });
    return handler(request, { params: Promise.resolve(params) });
  }
  return new Response("not found", { status: 404 });
}

/** A small JSON client for the integration tests, speaking to routes served by serveRoutes. */

export interface ApiCall {
  /** Session Cookie header; state changes also get a same-origin Origin header. */
  cookie?: string;
  /** API key secret, sent as Authorization: Bearer. */
  bearer?: string;
  /** JSON body; sent with Content-Type application/json. */
  body?: unknown;
}

export interface ApiResult {
  status: number;
  // Tests read fields of many response shapes; each test asserts the ones it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Returns a function that calls `baseUrl` + path and parses the JSON response. */
export function createApiClient(baseUrl: string) {
  return async function callApi(method: string, path: string, call: ApiCall = {}): Promise<ApiResult> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (call.cookie) {
      headers.cookie = call.cookie;
      if (method !== "GET" && method !== "HEAD") headers.origin = baseUrl;
    }
    if (call.bearer) headers.authorization = `Bearer ${call.bearer}`;
    if (call.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { unparsed: text };
    }
    return { status: response.status, json };
  };
}

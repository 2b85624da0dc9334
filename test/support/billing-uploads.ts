/** Uploads of billing files to POST /api/v1/billing/imports, for the integration tests. */

export interface UploadOptions {
  /** Session Cookie header; the upload then gets a same-origin Origin header. */
  cookie?: string;
  /** API key secret, sent as Authorization: Bearer. */
  bearer?: string;
  /** Query parameters such as filename, format, id or currency. */
  query?: Record<string, string>;
}

export interface UploadResult {
  status: number;
  // Tests read fields of several response shapes; each asserts the ones it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Sends `body` as the billing file and parses the JSON response. */
export async function uploadBillingFile(
  baseUrl: string,
  body: string | Uint8Array,
  options: UploadOptions,
): Promise<UploadResult> {
  const headers: Record<string, string> = { "content-type": "application/octet-stream" };
  if (options.cookie) {
    headers.cookie = options.cookie;
    headers.origin = baseUrl;
  }
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const query = new URLSearchParams(options.query ?? {}).toString();
  const response = await fetch(`${baseUrl}/api/v1/billing/imports${query ? `?${query}` : ""}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { unparsed: text };
  }
  return { status: response.status, json };
}

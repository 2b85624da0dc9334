import { handleJsonRoute, jsonResponse } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { newKeySchema } from "@/lib/keys/key-input";
import { createKey, listKeys } from "@/lib/keys/manage-keys";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "admin" }, async () => ({ keys: await listKeys() }));
}

/** Creates a key; the response carries its secret, which is never shown again. */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "admin" }, async (principal) => {
    const body = await readJsonBody(request, newKeySchema);
    const { secret, record } = await createKey(principal, body);
    return jsonResponse({ key: secret, record }, 201);
  });
}

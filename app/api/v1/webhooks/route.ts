import { handleJsonRoute, jsonResponse } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createWebhook, listWebhooks, newWebhookSchema } from "@/lib/policy/manage-webhooks";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async () => ({ webhooks: await listWebhooks() }));
}

/** Creates a webhook; the response carries its signing secret, which is never shown again. */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const body = await readJsonBody(request, newWebhookSchema);
    const { webhook, secret } = await createWebhook(principal, body);
    return jsonResponse({ webhook, secret }, 201);
  });
}

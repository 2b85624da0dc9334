import { handleJsonRoute } from "@/lib/http/handle-route";
import { deleteWebhook } from "@/lib/policy/manage-webhooks";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type WebhookContext = { params: Promise<{ id: string }> };

export function DELETE(request: Request, context: WebhookContext): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const { id } = await context.params;
    return { webhook: await deleteWebhook(principal, id) };
  });
}

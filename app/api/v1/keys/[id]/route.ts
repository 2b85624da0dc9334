import { handleJsonRoute } from "@/lib/http/handle-route";
import { revokeKey } from "@/lib/keys/manage-keys";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Revokes a key; requests with it are rejected from then on. */
export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleJsonRoute(request, { role: "admin" }, async (principal) => {
    const { id } = await context.params;
    return revokeKey(principal, id);
  });
}

import { handleJsonRoute } from "@/lib/http/handle-route";
import { signOutEverywhere } from "@/lib/users/manage-users";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Signs a user out of every browser. Any signed-in user may call it for
 * themselves; signOutEverywhere allows other targets to admins only.
 */
export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleJsonRoute(request, { role: "viewer" }, async (principal) => {
    const { id } = await context.params;
    return { user: await signOutEverywhere(principal, id) };
  });
}

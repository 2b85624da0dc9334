import { handleJsonRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { updateUser, updateUserSchema } from "@/lib/users/manage-users";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Changes a user's role and/or disables or enables them; admins cannot do either to themselves. */
export function PATCH(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleJsonRoute(request, { role: "admin" }, async (principal) => {
    const { id } = await context.params;
    const body = await readJsonBody(request, updateUserSchema);
    return { user: await updateUser(principal, id, body) };
  });
}

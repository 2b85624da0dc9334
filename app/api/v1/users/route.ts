import { z } from "zod";

import { handleJsonRoute, jsonResponse } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createUserAccount, listUsers } from "@/lib/users/manage-users";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "admin" }, async () => ({ users: await listUsers() }));
}

/**
 * Creates a user. The body is validated by createUserAccount, which never
 * echoes a rejected password in its error message.
 */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "admin" }, async (principal) => {
    const body = await readJsonBody(request, z.looseObject({}));
    const user = await createUserAccount(principal, body);
    return jsonResponse({ user }, 201);
  });
}

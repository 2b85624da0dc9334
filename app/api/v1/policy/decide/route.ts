import { handleJsonRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { decideRequestSchema } from "@/lib/policy/policy-api-schemas";
import { decideForPrincipal, wantsFreshState } from "@/lib/policy/policy-decisions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Returns the action, model and deciding rules for one request under the published policy. */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst", keyKinds: ["gateway"] }, async (principal) => {
    const body = await readJsonBody(request, decideRequestSchema);
    return decideForPrincipal(principal, body, wantsFreshState(request, principal));
  });
}

import { handleJsonRoute } from "@/lib/http/handle-route";
import { readPolicyState, wantsFreshState } from "@/lib/policy/policy-decisions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Returns budget state per workflow, at most POLICY_STATE_MAX_AGE_SECONDS old.
 * Signed-in users may add `?fresh=true` to compute it now.
 */
export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst", keyKinds: ["gateway"] }, (principal) =>
    readPolicyState(principal, wantsFreshState(request, principal)),
  );
}

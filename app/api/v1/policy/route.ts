import { handleJsonRoute } from "@/lib/http/handle-route";
import { servePolicy } from "@/lib/policy/serve-policy";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Serves the published policy to gateway keys (their workflows only) and to
 * finance users, with an ETag; `?format=litellm|portkey` converts it.
 */
export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance", keyKinds: ["gateway"] }, (principal) =>
    servePolicy(request, principal),
  );
}

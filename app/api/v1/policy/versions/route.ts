import { handleJsonRoute } from "@/lib/http/handle-route";
import { listVersionSummaries } from "@/lib/policy/policy-editor";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lists published versions, newest first, without their documents. */
export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst" }, () => listVersionSummaries());
}

import { handleJsonRoute } from "@/lib/http/handle-route";
import { readDraftDiff } from "@/lib/policy/policy-editor";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lists what publishing the draft would change against the published version. */
export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst" }, () => readDraftDiff());
}

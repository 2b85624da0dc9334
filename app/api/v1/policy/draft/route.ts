import { handleJsonRoute } from "@/lib/http/handle-route";
import { readDraftDocument } from "@/lib/policy/policy-editor";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst" }, () => readDraftDocument());
}

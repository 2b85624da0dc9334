import { handleJsonRoute } from "@/lib/http/handle-route";
import { readGatewayStatus } from "@/lib/policy/policy-editor";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lists gateway keys with their last policy pull and whether they hold an older version. */
export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst" }, () => readGatewayStatus());
}

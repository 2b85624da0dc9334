import { handleJsonRoute } from "@/lib/http/handle-route";
import { readVersion } from "@/lib/policy/policy-editor";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type VersionContext = { params: Promise<{ version: string }> };

export function GET(request: Request, context: VersionContext): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst" }, async () => readVersion((await context.params).version));
}

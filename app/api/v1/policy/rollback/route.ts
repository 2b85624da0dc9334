import { handleJsonRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { rollbackRequestSchema } from "@/lib/policy/policy-api-schemas";
import { rollbackTo } from "@/lib/policy/policy-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Publishes a copy of an older version as the newest one. */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const body = await readJsonBody(request, rollbackRequestSchema);
    return { published: await rollbackTo(principal, body.version) };
  });
}

import { handleJsonRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { publishRequestSchema } from "@/lib/policy/policy-api-schemas";
import { publishDraft } from "@/lib/policy/policy-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Publishes the draft as a new version; an unchanged draft returns the current version. */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const body = await readJsonBody(request, publishRequestSchema);
    return { published: await publishDraft(principal, body.note || null) };
  });
}

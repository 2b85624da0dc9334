import { getBillingImport } from "@/lib/billing/billing-import-service";
import { handleJsonRoute } from "@/lib/http/handle-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Analysts and up read any import; an ingest key reads the imports it sent. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst", keyKinds: ["ingest"] }, async (principal) => {
    const { id } = await context.params;
    return getBillingImport(id, principal);
  });
}

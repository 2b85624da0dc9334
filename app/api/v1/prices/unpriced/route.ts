import { handleJsonRoute } from "@/lib/http/handle-route";
import { listUnpricedModels } from "@/lib/pricing/manage-prices";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lists unpriced LLM calls by provider and model; `from` and `to` are days, `to` exclusive. */
export function GET(request: Request): Promise<Response> {
  const { searchParams } = new URL(request.url);
  return handleJsonRoute(request, { role: "analyst" }, () =>
    listUnpricedModels({ from: searchParams.get("from"), to: searchParams.get("to") }),
  );
}

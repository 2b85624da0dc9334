import { getReconciliation } from "@/lib/billing/reconciliation-service";
import { handleJsonRoute } from "@/lib/http/handle-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  const { searchParams } = new URL(request.url);
  return handleJsonRoute(request, { role: "analyst" }, () =>
    getReconciliation({ from: searchParams.get("from"), to: searchParams.get("to") }),
  );
}

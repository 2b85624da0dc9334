import { handleJsonRoute } from "@/lib/http/handle-route";
import { getKpiReport } from "@/lib/kpi/kpi-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  const { searchParams } = new URL(request.url);
  return handleJsonRoute(request, { role: "viewer" }, () =>
    getKpiReport({
      from: searchParams.get("from"),
      to: searchParams.get("to"),
      basis: searchParams.get("basis"),
    }),
  );
}

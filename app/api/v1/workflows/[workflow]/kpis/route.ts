import { handleJsonRoute } from "@/lib/http/handle-route";
import { getWorkflowReport } from "@/lib/kpi/kpi-service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(
  request: Request,
  context: { params: Promise<{ workflow: string }> },
): Promise<Response> {
  const { searchParams } = new URL(request.url);
  return handleJsonRoute(request, { role: "analyst" }, async () => {
    const { workflow } = await context.params;
    return getWorkflowReport(workflow, {
      from: searchParams.get("from"),
      to: searchParams.get("to"),
      basis: searchParams.get("basis"),
    });
  });
}

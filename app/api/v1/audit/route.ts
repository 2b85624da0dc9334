import { queryAuditLog, readAuditFilter } from "@/lib/audit/audit-log";
import { handleJsonRoute } from "@/lib/http/handle-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lists audit entries, newest first; there are no routes to edit or delete them. */
export function GET(request: Request): Promise<Response> {
  const { searchParams } = new URL(request.url);
  return handleJsonRoute(request, { role: "admin" }, () => queryAuditLog(readAuditFilter(searchParams)));
}

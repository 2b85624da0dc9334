import { listBudgetsFor } from "@/lib/budgets/manage-budgets";
import { handleJsonRoute } from "@/lib/http/handle-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lists budgets for analysts and up, and for gateway keys (limited to the key's workflows). */
export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst", keyKinds: ["gateway"] }, (principal) =>
    listBudgetsFor(principal),
  );
}

import { handleJsonRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { repriceInputSchema } from "@/lib/pricing/price-input";
import { repriceStoredCalls } from "@/lib/pricing/reprice-spans";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Re-prices stored LLM calls in a day range with the current book and recomputes their runs. */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const body = await readJsonBody(request, repriceInputSchema);
    return { reprice: await repriceStoredCalls(principal, body) };
  });
}

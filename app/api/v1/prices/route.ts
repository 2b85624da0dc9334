import { handleJsonRoute, jsonResponse } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { listPrices, savePrice } from "@/lib/pricing/manage-prices";
import { priceInputSchema } from "@/lib/pricing/price-input";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Lists built-in and custom price rows; `provider` and `model` filter exactly. */
export function GET(request: Request): Promise<Response> {
  const { searchParams } = new URL(request.url);
  return handleJsonRoute(request, { role: "analyst" }, async () => ({
    prices: await listPrices({ provider: searchParams.get("provider"), model: searchParams.get("model") }),
  }));
}

/** Adds a custom price row (201) or replaces the custom row with its id (200). */
export function PUT(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const body = await readJsonBody(request, priceInputSchema);
    const { price, created } = await savePrice(principal, body);
    return jsonResponse({ price }, created ? 201 : 200);
  });
}

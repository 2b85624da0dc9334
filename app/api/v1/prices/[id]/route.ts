import { handleJsonRoute } from "@/lib/http/handle-route";
import { deletePrice } from "@/lib/pricing/manage-prices";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type PriceContext = { params: Promise<{ id: string }> };

/** Deletes a custom price row; built-in rows give 409. */
export function DELETE(request: Request, context: PriceContext): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const { id } = await context.params;
    return { price: await deletePrice(principal, id) };
  });
}

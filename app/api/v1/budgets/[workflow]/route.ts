import { budgetInputSchema } from "@/lib/budgets/budget-input";
import { removeBudget, saveBudget } from "@/lib/budgets/manage-budgets";
import { handleJsonRoute, jsonResponse } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type WorkflowContext = { params: Promise<{ workflow: string }> };

/** Sets a workflow's budget: 201 when it is new, 200 when it replaced one. */
export function PUT(request: Request, context: WorkflowContext): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const { workflow } = await context.params;
    const body = await readJsonBody(request, budgetInputSchema);
    const { budget, created } = await saveBudget(principal, workflow, body);
    return jsonResponse({ budget }, created ? 201 : 200);
  });
}

export function DELETE(request: Request, context: WorkflowContext): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const { workflow } = await context.params;
    return { budget: await removeBudget(principal, workflow) };
  });
}

import { handleJsonRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { draftWorkflowRequestSchema } from "@/lib/policy/policy-api-schemas";
import { saveDraftWorkflow } from "@/lib/policy/policy-store";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type WorkflowContext = { params: Promise<{ workflow: string }> };

/** Sets one workflow's draft policy, or removes it with a JSON null body. */
export function PUT(request: Request, context: WorkflowContext): Promise<Response> {
  return handleJsonRoute(request, { role: "finance" }, async (principal) => {
    const { workflow } = await context.params;
    const policy = await readJsonBody(request, draftWorkflowRequestSchema);
    return saveDraftWorkflow(principal, workflow, policy);
  });
}

import { handleJsonRoute } from "@/lib/http/handle-route";
import { readGuardrailViolations } from "@/lib/policy/read-violations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Runs that broke a guardrail of the published policy, newest first. */
export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst" }, () => readGuardrailViolations(new URL(request.url)));
}

import { listImportHistory, receiveBillingUpload } from "@/lib/billing/billing-import-service";
import { handleJsonRoute } from "@/lib/http/handle-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "analyst" }, () => listImportHistory());
}

/**
 * The body is the billing file itself, streamed into the import, so it is not
 * read with readJsonBody; BILLING_MAX_UPLOAD_BYTES limits its size.
 */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { role: "finance", keyKinds: ["ingest"] }, (principal) =>
    receiveBillingUpload(request, principal),
  );
}

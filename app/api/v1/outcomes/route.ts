import { handleJsonRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { outcomeRequestSchema, recordOutcomes } from "@/lib/ingest/record-outcomes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Outcomes that a business system learns after the run, sent with an ingest key. */
export function POST(request: Request): Promise<Response> {
  return handleJsonRoute(request, { keyKinds: ["ingest"] }, async () =>
    recordOutcomes(await readJsonBody(request, outcomeRequestSchema)),
  );
}

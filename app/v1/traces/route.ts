import { receiveTraces } from "@/lib/otlp/receive-traces";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return receiveTraces(request);
}

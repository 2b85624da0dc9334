import { buildOpenApiDocument } from "@/lib/policy/openapi-document";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Returns the OpenAPI 3.1 description of the gateway API. It is public because it contains no data. */
export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

import { getDatabase } from "@/db/client";
import { insertGatewayPull } from "@/db/queries/gateway-pulls";
import type { Principal } from "@/lib/auth/principal";
import { badRequest, notFound } from "@/lib/http/api-error";

import { toLiteLlmConfig } from "./gateway-formats/litellm-config";
import { toPortkeyConfig } from "./gateway-formats/portkey-config";
import {
  POLICY_CACHE_CONTROL,
  policyFormatSchema,
  type PolicyFormat,
  type PublishedPolicyResponse,
} from "./policy-api-schemas";
import { hashPolicyDocument } from "./policy-hash";
import type { PolicyDocument } from "./policy-schema";
import { getPublished, type PublishedPolicy } from "./policy-store";

/** Workflows a principal may read; null means all. */
export function workflowScopeOf(principal: Principal): readonly string[] | null {
  return principal.type === "api_key" ? principal.workflows : null;
}

function filterDocument(document: PolicyDocument, scope: readonly string[] | null): PolicyDocument {
  if (scope === null) return document;
  const workflows = Object.fromEntries(
    Object.entries(document.workflows).filter(([workflow]) => scope.includes(workflow)),
  );
  return { ...document, workflows };
}

/**
 * Builds the body served for one format and its strong ETag. The whole
 * document in the native format is tagged with its content hash. A filtered
 * document or another format is tagged with the SHA-256 of the body itself.
 */
export function buildPolicyRepresentation(
  published: PublishedPolicy,
  format: PolicyFormat,
  scope: readonly string[] | null,
): { body: unknown; etag: string } {
  const document = filterDocument(published.document, scope);
  const input = { version: published.version, contentHash: published.contentHash, document };
  if (format === "litellm") {
    const body = toLiteLlmConfig(input);
    return { body, etag: `"${hashPolicyDocument(body)}"` };
  }
  if (format === "portkey") {
    const body = toPortkeyConfig(input);
    return { body, etag: `"${hashPolicyDocument(body)}"` };
  }
  const body: PublishedPolicyResponse = {
    version: published.version,
    contentHash: published.contentHash,
    publishedAt: published.publishedAt,
    document,
  };
  const etag = scope === null ? `"${published.contentHash}"` : `"${hashPolicyDocument(body)}"`;
  return { body, etag };
}

/**
 * Tells whether an If-None-Match header matches an ETag: `*`, or any tag in
 * the list. Tags are compared weakly (a `W/` prefix is ignored), as HTTP
 * defines the comparison for If-None-Match.
 */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const trimmed = header.trim();
  if (trimmed === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  const tags = trimmed.match(/(W\/)?"[^"]*"/g) ?? [];
  return tags.some((tag) => tag.replace(/^W\//, "") === opaque);
}

function readFormat(url: URL): PolicyFormat {
  const raw = url.searchParams.get("format") ?? "policy";
  const parsed = policyFormatSchema.safeParse(raw);
  if (!parsed.success) {
    throw badRequest(`invalid format "${raw.slice(0, 40)}": use policy, litellm or portkey`);
  }
  if (url.searchParams.has("output") && url.searchParams.get("output") !== "json") {
    // LiteLLM reads YAML, and JSON is valid YAML 1.2, so config.yaml can hold this body as is.
    throw badRequest('invalid output: only "json" is served; a JSON body is also valid YAML for LiteLLM');
  }
  return parsed.data;
}

/**
 * Serves the published policy with ETag and Cache-Control, returns 304 for a
 * matching If-None-Match, and records the pull of a gateway key.
 */
export async function servePolicy(request: Request, principal: Principal): Promise<Response> {
  const format = readFormat(new URL(request.url));
  const db = await getDatabase();
  const published = await getPublished(db);
  if (!published) throw notFound("no policy has been published yet; a finance user publishes the draft first");

  const { body, etag } = buildPolicyRepresentation(published, format, workflowScopeOf(principal));
  const headers = { etag, "cache-control": POLICY_CACHE_CONTROL };
  const status = matchesIfNoneMatch(request.headers.get("if-none-match"), etag) ? 304 : 200;

  if (principal.type === "api_key") {
    // A 304 means the gateway already has the current content, so the current version is recorded.
    await insertGatewayPull(db, { keyId: principal.keyId, version: published.version, format, status });
  }
  if (status === 304) return new Response(null, { status: 304, headers });
  return Response.json(body, { headers });
}

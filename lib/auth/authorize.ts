import { getDatabase } from "@/db/client";
import type { ApiKeyKind } from "@/db/queries/api-keys";
import { requireAuthSecret } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { readBearerToken, verifyApiKeyOfKinds } from "@/lib/keys/api-keys";

import type { Principal } from "./principal";
import { hasRole, type Role } from "./roles";
import { readSessionPrincipal } from "./session";

/** Who may call a route: people with at least `role`, and/or API keys of the listed kinds. */
export interface Access {
  role?: Role;
  keyKinds?: readonly ApiKeyKind[];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Rejects a cookie-authenticated state change from another origin. Browsers
 * send Origin on every cross-site POST, PUT, PATCH and DELETE, so a missing or
 * foreign Origin on such a request is treated as cross-site request forgery.
 */
function checkSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) {
    throw new ApiError(403, "csrf_rejected", "missing Origin header on a state-changing request");
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError(403, "csrf_rejected", `invalid Origin header "${origin}"`);
  }
  if (originHost !== host) {
    throw new ApiError(403, "csrf_rejected", `cross-origin request from ${origin} rejected`);
  }
}

/**
 * Authenticates a request and checks it against a route's access rule.
 * Throws 401 when no valid credential is present and 403 when the credential
 * lacks the right. API keys are accepted only as `Authorization: Bearer`.
 */
export async function authorize(request: Request, access: Access): Promise<Principal> {
  const db = await getDatabase();
  const bearer = readBearerToken(request.headers.get("authorization"));
  if (bearer) {
    const key = await verifyApiKeyOfKinds(db, bearer);
    if (!key) throw new ApiError(401, "unauthorized", "invalid or revoked API key");
    if (!access.keyKinds?.includes(key.kind)) {
      throw new ApiError(403, "forbidden", `an ${key.kind} key may not call this endpoint`);
    }
    return { type: "api_key", keyId: key.id, name: key.name, kind: key.kind, workflows: key.workflows };
  }

  const user = await readSessionPrincipal(db, request.headers.get("cookie"), requireAuthSecret());
  if (!user) {
    throw new ApiError(401, "unauthorized", "sign in first, or send an API key as Authorization: Bearer <key>");
  }
  if (user.type !== "user" || !access.role || !hasRole(user.role, access.role)) {
    throw new ApiError(403, "forbidden", access.role ? `this action needs the ${access.role} role` : "API keys only");
  }
  checkSameOrigin(request);
  return user;
}

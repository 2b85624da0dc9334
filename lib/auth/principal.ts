import type { ApiKeyKind } from "@/db/queries/api-keys";

import type { Role } from "./roles";

/** The caller of a request: a signed-in person or an API key. */
export type Principal =
  | { type: "user"; userId: string; email: string; name: string; role: Role }
  | { type: "api_key"; keyId: string; name: string; kind: ApiKeyKind; workflows: string[] | null };

/** Returns the actor columns of an audit entry for a principal. */
export function describeActor(principal: Principal): { actorType: string; actorId: string; actorLabel: string } {
  if (principal.type === "user") {
    return { actorType: "user", actorId: principal.userId, actorLabel: principal.email };
  }
  return { actorType: "api_key", actorId: principal.keyId, actorLabel: principal.name };
}

import type { z } from "zod";

import { getDatabase } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { ApiError } from "@/lib/http/api-error";

import { getBudgetStates } from "./budget-state";
import { decideRequest } from "./decide";
import type { decideRequestSchema, decideResponseSchema, policyStateResponseSchema } from "./policy-api-schemas";
import { getPublished } from "./policy-store";
import { workflowScopeOf } from "./serve-policy";

/**
 * Tells whether a request sets `fresh=true` to compute budget state now instead
 * of reusing state up to POLICY_STATE_MAX_AGE_SECONDS old. Only sessions may
 * set it, so gateway traffic cannot turn every call into a spend query.
 */
export function wantsFreshState(request: Request, principal: Principal): boolean {
  return principal.type === "user" && new URL(request.url).searchParams.get("fresh") === "true";
}

/** Reads the budget state of the workflows a principal may see. */
export async function readPolicyState(
  principal: Principal,
  fresh: boolean,
): Promise<z.infer<typeof policyStateResponseSchema>> {
  const db = await getDatabase();
  const now = new Date();
  const published = await getPublished(db);
  const scope = workflowScopeOf(principal);
  const states = (await getBudgetStates(db, now, { fresh })).filter(
    (state) => scope === null || scope.includes(state.workflow),
  );
  return { version: published?.version ?? null, generatedAt: now.toISOString(), states };
}

/** Decides one request under the published policy and the workflow's budget state. */
export async function decideForPrincipal(
  principal: Principal,
  request: z.infer<typeof decideRequestSchema>,
  fresh: boolean,
): Promise<z.infer<typeof decideResponseSchema>> {
  const scope = workflowScopeOf(principal);
  if (scope !== null && !scope.includes(request.workflow)) {
    throw new ApiError(403, "forbidden", `this key may not read workflow "${request.workflow}"`);
  }
  const db = await getDatabase();
  const published = await getPublished(db);
  const policy = published?.document.workflows[request.workflow];
  const states = policy?.budget ? await getBudgetStates(db, new Date(), { fresh }) : [];
  const state = states.find((entry) => entry.workflow === request.workflow);
  const decision = decideRequest(policy, state, request);
  return { ...decision, version: published?.version ?? null };
}

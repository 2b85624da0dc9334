import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { requireAuthSecret } from "@/lib/env";

import type { Principal } from "./principal";
import { hasRole, type Role } from "./roles";
import { readSessionPrincipal } from "./session";

export type SignedInUser = Extract<Principal, { type: "user" }>;

/** Returns the signed-in user of the current page request, or null. */
export async function getPageUser(): Promise<SignedInUser | null> {
  const cookieStore = await cookies();
  const cookieHeader = cookieStore
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join("; ");
  const principal = await readSessionPrincipal(await getDatabase(), cookieHeader, requireAuthSecret());
  return principal?.type === "user" ? principal : null;
}

/**
 * Checks the current page request on the server: without a session it
 * redirects to sign-in and back; without the role it redirects to the
 * forbidden page. Returns the user otherwise.
 */
export async function requirePageRole(role: Role, returnTo: string): Promise<SignedInUser> {
  const user = await getPageUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user.role, role)) redirect(`/forbidden?need=${role}`);
  return user;
}

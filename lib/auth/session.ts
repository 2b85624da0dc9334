import { decode } from "next-auth/jwt";

import type { Queryable } from "@/db/client";
import { findUserById } from "@/db/queries/users";

import type { Principal } from "./principal";

/** Cookie names next-auth v4 uses for the session token, over HTTPS and plain HTTP. */
export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

/**
 * Reads the signed-in user from a Cookie header. The session token only names
 * the user and the session version it was issued with; role and status come
 * from the database on every request, so a role change, a disabled account or
 * a sign-out everywhere takes effect at once.
 */
export async function readSessionPrincipal(
  db: Queryable,
  cookieHeader: string | null,
  secret: string,
): Promise<Principal | null> {
  if (!cookieHeader) return null;
  const token = SESSION_COOKIE_NAMES.map((name) => readCookie(cookieHeader, name)).find(Boolean);
  if (!token) return null;

  let claims: Awaited<ReturnType<typeof decode>>;
  try {
    claims = await decode({ token, secret });
  } catch {
    return null;
  }
  if (!claims?.sub || typeof claims.sv !== "number") return null;
  if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) return null;

  const user = await findUserById(db, claims.sub);
  if (!user || user.disabledAt !== null || user.sessionVersion !== claims.sv) return null;
  return { type: "user", userId: user.id, email: user.email, name: user.name, role: user.role };
}

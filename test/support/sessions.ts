import { randomBytes } from "node:crypto";

import { encode } from "next-auth/jwt";

import { getDatabase } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import type { Role } from "@/lib/auth/roles";
import { requireAuthSecret } from "@/lib/env";

/**
 * Creates a user with the role and returns a Cookie header carrying a valid
 * next-auth session token for them, as a browser would send after sign-in.
 */
export async function sessionCookieFor(role: Role): Promise<{ cookie: string; userId: string; email: string }> {
  const email = `${role}-${randomBytes(4).toString("hex")}@test.example`;
  const user = await insertUser(await getDatabase(), { email, name: `Test ${role}`, role, passwordHash: null });
  const token = await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: requireAuthSecret() });
  return { cookie: `next-auth.session-token=${token}`, userId: user.id, email };
}

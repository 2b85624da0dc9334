import { z } from "zod";

import type { Queryable } from "@/db/client";
import {
  clearSignInFailures,
  countRecentSignInFailures,
  findPasswordHash,
  findUserById,
  insertUser,
  recordSignInFailure,
  type UserRecord,
} from "@/db/queries/users";
import { logFor } from "@/lib/log";

import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./password";
import { ROLES } from "./roles";

const logger = logFor("auth");

/** Failed attempts allowed per account, and per client address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_SECONDS = 15 * 60;

export const newUserSchema = z.object({
  email: z.email().transform((value) => value.trim().toLowerCase()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024)
    .nullable(),
});

export type NewUser = z.input<typeof newUserSchema>;

/** Creates a user with a hashed password (or none, for single sign-on only). */
export async function createUser(db: Queryable, input: NewUser): Promise<UserRecord> {
  const user = newUserSchema.parse(input);
  const passwordHash = user.password === null ? null : await hashPassword(user.password);
  return insertUser(db, { email: user.email, name: user.name, role: user.role, passwordHash });
}

/** Outcome of a password check; the reason is for logs, never for the person signing in. */
export type CredentialCheck =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks an email and password. After too many recent failures for the
 * account or the client address it rejects without checking, so guessing is
 * slow; callers show the same message for every failure.
 */
export async function checkCredentials(
  db: Queryable,
  params: { email: string; password: string; clientAddress: string },
): Promise<CredentialCheck> {
  const email = params.email.trim().toLowerCase();
  const failures = await countRecentSignInFailures(db, email, params.clientAddress, FAILURE_WINDOW_SECONDS);
  if (failures.byEmail >= MAX_FAILURES_PER_ACCOUNT || failures.byAddress >= MAX_FAILURES_PER_ADDRESS) {
    logger.warn({ clientAddress: params.clientAddress, ...failures }, "sign-in rate limited");
    return { ok: false, reason: "rate_limited" };
  }

  const stored = await findPasswordHash(db, email);
  // Hash even for an unknown account, so response time does not reveal which emails exist.
  const valid = await verifyPassword(params.password, stored?.hash ?? DUMMY_HASH);
  if (!stored || !valid) {
    await recordSignInFailure(db, email, params.clientAddress);
    logger.info({ clientAddress: params.clientAddress }, "sign-in failed");
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(db, email);
  const user = await findUserById(db, stored.id);
  return user ? { ok: true, user } : { ok: false, reason: "invalid" };
}

/** A valid scrypt hash of a random value, checked against when the account does not exist. */
const DUMMY_HASH =
  "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";


import { z } from "zod";

import { getDatabase, type Database } from "@/db/client";
import {
  bumpSessionVersion,
  findUserByIdForUpdate,
  insertUser,
  listUsers as listUserRecords,
  setUserDisabled,
  updateUserRole,
  type UserRecord,
} from "@/db/queries/users";
import type { AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { hasRole, ROLES } from "@/lib/auth/roles";
import { newUserSchema } from "@/lib/auth/users";
import { ApiError, notFound } from "@/lib/http/api-error";
import { logFor } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

import { toAuditSnapshot, toUserView, type UserView } from "./user-view";

const logger = logFor("users");

/** The body of a user creation request; without a password the user signs in by single sign-on only. */
export const createUserSchema = newUserSchema.extend({
  password: newUserSchema.shape.password.optional().transform((value) => value ?? null),
});

export type NewUserAccount = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    role: z.enum(ROLES, "must be viewer, analyst, finance or admin").optional(),
    disabled: z.boolean("must be true or false").optional(),
  })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, {
    message: "send role, disabled or both",
  });

export type UserUpdate = z.input<typeof updateUserSchema>;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

export async function listUsers(db?: Database): Promise<UserView[]> {
  return (await listUserRecords(db ?? (await getDatabase()))).map(toUserView);
}

/**
 * Validates `input` as a NewUserAccount and creates the user and its audit
 * entry in one transaction; the entry never contains the password or its hash.
 * Throws a 400 ApiError for invalid input and a 409 one when the email is taken.
 */
export async function createUserAccount(actor: AuditActor, input: unknown, db?: Database): Promise<UserView> {
  const user = parseInput(createUserSchema, input);
  const database = db ?? (await getDatabase());
  // Hash before the transaction: scrypt takes a noticeable fraction of a second.
  const passwordHash = user.password === null ? null : await hashPassword(user.password);
  let created: UserRecord;
  try {
    created = await database.transaction(async (tx) => {
      const record = await insertUser(tx, {
        email: user.email,
        name: user.name,
        role: user.role,
        passwordHash,
      });
      await recordAudit(tx, actor, {
        action: "user.create",
        entityType: "user",
        entityId: record.id,
        before: null,
        after: toAuditSnapshot(record),
      });
      return record;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, "conflict", `a user with email ${user.email} already exists`);
    }
    throw error;
  }
  logger.info({ userId: created.id, role: created.role, actorType: actor.type }, "user created");
  return toUserView(created);
}

/** Rejects an admin's change that would lock themselves out of administration. */
function checkSelfChange(
  actor: AuditActor,
  target: UserRecord,
  change: z.infer<typeof updateUserSchema>,
): void {
  if (actor.type !== "user" || actor.userId !== target.id) return;
  if (change.role !== undefined && !hasRole(change.role, target.role)) {
    throw new ApiError(
      409,
      "conflict",
      `you cannot lower your own role from ${target.role} to ${change.role}; ask another admin`,
    );
  }
  if (change.disabled === true) {
    throw new ApiError(409, "conflict", "you cannot disable your own account; ask another admin");
  }
}

/**
 * Changes a user's role and/or disables or enables the account, with one
 * audit entry per change that takes effect. Disabling ends the user's sessions.
 */
export async function updateUser(
  actor: AuditActor,
  id: string,
  input: UserUpdate,
  db?: Database,
): Promise<UserView> {
  const change = parseInput(updateUserSchema, input);
  const database = db ?? (await getDatabase());
  const updated = await database.transaction(async (tx) => {
    const before = await findUserByIdForUpdate(tx, id);
    if (!before) throw notFound(`user "${id}" not found`);
    checkSelfChange(actor, before, change);

    let current = before;
    if (change.role !== undefined && change.role !== current.role) {
      await updateUserRole(tx, id, change.role);
      const next = (await findUserByIdForUpdate(tx, id))!;
      await recordAudit(tx, actor, {
        action: "user.update_role",
        entityType: "user",
        entityId: id,
        before: toAuditSnapshot(current),
        after: toAuditSnapshot(next),
      });
      current = next;
    }
    if (change.disabled !== undefined && change.disabled !== (current.disabledAt !== null)) {
      await setUserDisabled(tx, id, change.disabled);
      const next = (await findUserByIdForUpdate(tx, id))!;
      await recordAudit(tx, actor, {
        action: change.disabled ? "user.disable" : "user.enable",
        entityType: "user",
        entityId: id,
        before: toAuditSnapshot(current),
        after: toAuditSnapshot(next),
      });
      current = next;
    }
    return current;
  });
  logger.info({ userId: id, role: updated.role, disabled: updated.disabledAt !== null }, "user updated");
  return toUserView(updated);
}

/**
 * Ends every session of a user by raising their session version; each
 * session cookie issued before is rejected on its next request. Admins may do
 * this for anyone, other users only for themselves.
 */
export async function signOutEverywhere(actor: AuditActor, id: string, db?: Database): Promise<UserView> {
  const isSelf = actor.type === "user" && actor.userId === id;
  const isAdmin = actor.type === "cli" || (actor.type === "user" && hasRole(actor.role, "admin"));
  if (!isSelf && !isAdmin) {
    throw new ApiError(403, "forbidden", "only an admin can sign out another user");
  }
  const database = db ?? (await getDatabase());
  const user = await database.transaction(async (tx) => {
    const before = await findUserByIdForUpdate(tx, id);
    if (!before) throw notFound(`user "${id}" not found`);
    await bumpSessionVersion(tx, id);
    await recordAudit(tx, actor, {
      action: "user.sign_out_everywhere",
      entityType: "user",
      entityId: id,
      before: { sessionVersion: before.sessionVersion },
      after: { sessionVersion: before.sessionVersion + 1 },
    });
    return before;
  });
  logger.info({ userId: id, actorType: actor.type }, "user signed out everywhere");
  return toUserView(user);
}

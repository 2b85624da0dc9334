import { randomBytes } from "node:crypto";

import type { Database, Queryable } from "@/db/client";
import { findUserByEmail, findUserByIdForUpdate, insertUser } from "@/db/queries/users";
import { currentCliActor, type AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { toAuditSnapshot } from "@/lib/users/user-view";

import { hashPassword } from "./password";
import { ROLES, type Role } from "./roles";

/** A demo account and its password in clear, to print once for the person running the demo. */
export interface DemoUser {
  role: Role;
  email: string;
  password: string;
}

export function demoEmailOf(role: Role): string {
  return `${role}@demo.local`;
}

/** 18 random bytes give 24 base64url characters (144 bits). */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * Gives an existing account the demo role and a new password, enables it and
 * ends its sessions; earlier failed attempts no longer count against it.
 */
async function resetDemoUser(tx: Queryable, actor: AuditActor, id: string, role: Role, passwordHash: string) {
  const before = (await findUserByIdForUpdate(tx, id))!;
  await tx.query(
    `update users set password_hash = $2, role = $3, disabled_at = null,
                      session_version = session_version + 1
      where id::text = $1`,
    [id, passwordHash, role],
  );
  await tx.query(`delete from sign_in_failures where email = $1`, [before.email]);
  const after = (await findUserByIdForUpdate(tx, id))!;
  await recordAudit(tx, actor, {
    action: "user.reset_password",
    entityType: "user",
    entityId: id,
    before: toAuditSnapshot(before),
    after: toAuditSnapshot(after),
  });
}

async function createDemoUser(tx: Queryable, actor: AuditActor, role: Role, passwordHash: string) {
  const record = await insertUser(tx, { email: demoEmailOf(role), name: `Demo ${role}`, role, passwordHash });
  await recordAudit(tx, actor, {
    action: "user.create",
    entityType: "user",
    entityId: record.id,
    before: null,
    after: toAuditSnapshot(record),
  });
}

/**
 * Creates one account per role, `<role>@demo.local`, each with a new random
 * password, and audits each change as the operating system user running the
 * command. Running it again resets existing demo accounts to their role and a
 * new password, so the returned passwords are always the valid ones.
 */
export async function createDemoUsers(db: Database): Promise<DemoUser[]> {
  const actor = currentCliActor();
  const users: DemoUser[] = [];
  for (const role of ROLES) {
    const email = demoEmailOf(role);
    const password = generatePassword();
    // Hash outside the transaction: scrypt takes a noticeable fraction of a second.
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const existing = await findUserByEmail(tx, email);
      if (existing) await resetDemoUser(tx, actor, existing.id, role, passwordHash);
      else await createDemoUser(tx, actor, role, passwordHash);
    });
    users.push({ role, email, password });
  }
  return users;
}

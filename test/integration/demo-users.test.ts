import { describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { createDemoUsers } from "@/lib/auth/demo-users";
import { ROLES } from "@/lib/auth/roles";
import { checkCredentials } from "@/lib/auth/users";

async function signIn(email: string, password: string) {
  return checkCredentials(await getDatabase(), { email, password, clientAddress: "203.0.113.9" });
}

async function auditActions(email: string): Promise<string[]> {
  const db = await getDatabase();
  const user = await findUserByEmail(db, email);
  const rows = await db.query<{ action: string }>(
    `select action from audit_events where entity_type = 'user' and entity_id = $1 order by id`,
    [user!.id],
  );
  return rows.map((row) => row.action);
}

describe("createDemoUsers", () => {
  it("creates one user per role", async () => {
    const users = await createDemoUsers(await getDatabase());
    expect(users.map((user) => user.role)).toEqual([...ROLES]);
    for (const user of users) {
      expect(user.email).toBe(`${user.role}@demo.local`);
      expect(user.password.length).toBeGreaterThanOrEqual(16);
      const result = await signIn(user.email, user.password);
      expect(result.ok, user.email).toBe(true);
      if (result.ok) expect(result.user.role).toBe(user.role);
    }
    expect(new Set(users.map((user) => user.password)).size).toBe(ROLES.length);
  });

  it("resets passwords on a second run", async () => {
    const first = await createDemoUsers(await getDatabase());
    const second = await createDemoUsers(await getDatabase());
    for (const [index, user] of second.entries()) {
      expect(user.password).not.toBe(first[index]!.password);
      expect((await signIn(user.email, user.password)).ok).toBe(true);
      expect((await signIn(user.email, first[index]!.password)).ok).toBe(false);
    }
  });

  it("restores role and access of a changed account", async () => {
    const db = await getDatabase();
    await createDemoUsers(db);
    const before = (await findUserByEmail(db, "finance@demo.local"))!;
    await db.query(`update users set role = 'viewer', disabled_at = now() where id = $1`, [before.id]);

    const users = await createDemoUsers(db);
    const after = (await findUserByEmail(db, "finance@demo.local"))!;
    expect(after.id).toBe(before.id);
    expect(after.role).toBe("finance");
    expect(after.disabledAt).toBeNull();
    expect(after.sessionVersion).toBeGreaterThan(before.sessionVersion);
    const password = users.find((user) => user.role === "finance")!.password;
    expect((await signIn("finance@demo.local", password)).ok).toBe(true);
  });

  it("audits creation and resets", async () => {
    const db = await getDatabase();
    await createDemoUsers(db);
    const actions = await auditActions("analyst@demo.local");
    expect(actions[0]).toBe("user.create");
    expect(actions.slice(1).every((action) => action === "user.reset_password")).toBe(true);
    const entries = await db.query<{ before: unknown; after: unknown }>(
      `select before, after from audit_events where entity_type = 'user'`,
    );
    expect(JSON.stringify(entries)).not.toMatch(/scrypt\$|password/i);
  });
});

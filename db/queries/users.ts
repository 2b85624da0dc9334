import type { Queryable } from "@/db/client";
import type { Role } from "@/lib/auth/roles";

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  createdAt: string;
  disabledAt: string | null;
  hasPassword: boolean;
  oidcSubject: string | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  session_version: number;
  created_at: string;
  disabled_at: string | null;
  has_password: boolean;
  oidc_subject: string | null;
}

const SELECT_USER = `select id::text, email, name, role, session_version, created_at::text,
                            disabled_at::text, password_hash is not null as has_password, oidc_subject
                       from users`;

function toRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    sessionVersion: row.session_version,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    hasPassword: row.has_password,
    oidcSubject: row.oidc_subject,
  };
}

export async function insertUser(
  db: Queryable,
  params: { email: string; name: string; role: Role; passwordHash: string | null; oidcSubject?: string | null },
): Promise<UserRecord> {
  const rows = await db.query<{ id: string }>(
    `insert into users (email, name, role, password_hash, oidc_subject) values ($1, $2, $3, $4, $5)
     returning id::text`,
    [params.email, params.name, params.role, params.passwordHash, params.oidcSubject ?? null],
  );
  return (await findUserById(db, rows[0]!.id))!;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} where id::text = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} where email = $1`, [email]);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findUserByOidcSubject(db: Queryable, subject: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} where oidc_subject = $1`, [subject]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Returns the password hash of an enabled user, or null. */
export async function findPasswordHash(db: Queryable, email: string): Promise<{ id: string; hash: string } | null> {
  const rows = await db.query<{ id: string; password_hash: string }>(
    `select id::text, password_hash from users
      where email = $1 and disabled_at is null and password_hash is not null`,
    [email],
  );
  return rows[0] ? { id: rows[0].id, hash: rows[0].password_hash } : null;
}

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  const rows = await db.query<UserRow>(`${SELECT_USER} order by email`);
  return rows.map(toRecord);
}

/** Reads a user and locks the row until the transaction ends, so a change sees a stable before. */
export async function findUserByIdForUpdate(db: Queryable, id: string): Promise<UserRecord | null> {
  const rows = await db.query<UserRow>(`${SELECT_USER} where id::text = $1 for update`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Changes a user's role. Sessions stay valid: each request reads the role from
 * this row, so the new role applies from the user's next request.
 */
export async function updateUserRole(db: Queryable, id: string, role: Role): Promise<void> {
  await db.query(`update users set role = $2 where id::text = $1`, [id, role]);
}

export async function setUserDisabled(db: Queryable, id: string, disabled: boolean): Promise<void> {
  await db.query(
    `update users set disabled_at = case when $2 then now() else null end,
                      session_version = session_version + 1
      where id::text = $1`,
    [id, disabled],
  );
}

/** Ends every session of the user: sessions issued before carry an older version. */
export async function bumpSessionVersion(db: Queryable, id: string): Promise<void> {
  await db.query(`update users set session_version = session_version + 1 where id::text = $1`, [id]);
}

export async function linkOidcSubject(db: Queryable, id: string, subject: string): Promise<void> {
  await db.query(`update users set oidc_subject = $2 where id::text = $1`, [id, subject]);
}

export async function recordSignInFailure(db: Queryable, email: string, clientAddress: string): Promise<void> {
  await db.query(`insert into sign_in_failures (email, client_address) values ($1, $2)`, [email, clientAddress]);
}

/** Counts failures in the last `windowSeconds` for the account and for the client address. */
export async function countRecentSignInFailures(
  db: Queryable,
  email: string,
  clientAddress: string,
  windowSeconds: number,
): Promise<{ byEmail: number; byAddress: number }> {
  const rows = await db.query<{ by_email: number; by_address: number }>(
    `select count(*) filter (where email = $1)::int as by_email,
            count(*) filter (where client_address = $2)::int as by_address
       from sign_in_failures
      where failed_at > now() - make_interval(secs => $3::int) and (email = $1 or client_address = $2)`,
    [email, clientAddress, windowSeconds],
  );
  return { byEmail: rows[0]?.by_email ?? 0, byAddress: rows[0]?.by_address ?? 0 };
}

export async function clearSignInFailures(db: Queryable, email: string): Promise<void> {
  await db.query(`delete from sign_in_failures where email = $1`, [email]);
}

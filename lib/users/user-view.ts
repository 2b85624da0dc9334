import type { UserRecord } from "@/db/queries/users";
import type { Role } from "@/lib/auth/roles";

/** A user as the API returns it: no password hash and no session version. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
  /** Whether the user can sign in with a password; false means single sign-on only. */
  hasPassword: boolean;
  /** Whether the user is linked to a single sign-on identity. */
  hasSingleSignOn: boolean;
}

export function toUserView(record: UserRecord): UserView {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role,
    createdAt: record.createdAt,
    disabledAt: record.disabledAt,
    hasPassword: record.hasPassword,
    hasSingleSignOn: record.oidcSubject !== null,
  };
}

/** The fields of a user an audit entry records; credentials never appear in it. */
export function toAuditSnapshot(record: UserRecord): Record<string, unknown> {
  return {
    id: record.id,
    email: record.email,
    name: record.name,
    role: record.role,
    disabledAt: record.disabledAt,
  };
}

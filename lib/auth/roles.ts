/** Roles in increasing order of rights; each role has every right of the ones before it. */
export const ROLES = ["viewer", "analyst", "finance", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Tells whether `actual` has at least the rights of `required`. */
export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

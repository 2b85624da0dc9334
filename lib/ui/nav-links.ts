import { hasRole, type Role } from "@/lib/auth/roles";

export interface NavLink {
  href: string;
  label: string;
}

/** Every top-level page with the least role that may open it; the server checks again. */
const LINKS: readonly (NavLink & { role: Role })[] = [
  { href: "/", label: "Board", role: "viewer" },
  { href: "/budgets", label: "Budgets", role: "analyst" },
  { href: "/settings/keys", label: "Keys", role: "admin" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/audit", label: "Audit", role: "admin" },
];

/** Returns the navigation links a role may follow, in display order. */
export function listNavLinks(role: Role): NavLink[] {
  return LINKS.filter((link) => hasRole(role, link.role)).map(({ href, label }) => ({ href, label }));
}

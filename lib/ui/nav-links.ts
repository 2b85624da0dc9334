import { hasRole, type Role } from "@/lib/auth/roles";

export interface NavLink {
  href: string;
  label: string;
}

/** Every top-level page with the least role that may open it; the server checks again. */
const LINKS: readonly (NavLink & { role: Role })[] = [
  { href: "/", label: "Board", role: "viewer" },
  { href: "/budgets", label: "Budgets", role: "analyst" },
  { href: "/pricing", label: "Prices", role: "analyst" },
  { href: "/policy", label: "Policy", role: "analyst" },
  { href: "/policy/gateways", label: "Gateways", role: "analyst" },
  { href: "/policy/violations", label: "Violations", role: "analyst" },
  { href: "/billing/reconciliation", label: "Reconciliation", role: "analyst" },
  { href: "/billing/imports", label: "Billing imports", role: "analyst" },
  { href: "/settings/keys", label: "Keys", role: "admin" },
  { href: "/admin/users", label: "Users", role: "admin" },
  { href: "/admin/audit", label: "Audit", role: "admin" },
];

/** Returns the navigation links a role may follow, in display order. */
export function listNavLinks(role: Role): NavLink[] {
  return LINKS.filter((link) => hasRole(role, link.role)).map(({ href, label }) => ({ href, label }));
}

/** React Query keys of the settings and admin pages; a change invalidates the matching list. */

import type { AuditParams } from "./audit-params";

export const adminQueryKeys = {
  keys: ["api-keys"] as const,
  users: ["users"] as const,
  budgets: ["budgets"] as const,
  audit: (params: AuditParams) => ["audit", params] as const,
};

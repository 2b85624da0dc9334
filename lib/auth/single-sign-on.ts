import type { Env } from "@/lib/env";

/** Returns the label of the single sign-on provider, or null when OIDC_* settings do not enable it. */
export function readSingleSignOnName(env: Env): string | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return env.OIDC_NAME;
}

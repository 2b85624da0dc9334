import type { Metadata } from "next";
import { unstable_rethrow } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { AppNav } from "@/components/nav/app-nav";
import { Providers } from "@/components/providers";
import { getPageUser, type SignedInUser } from "@/lib/auth/page-access";
import { logFor } from "@/lib/log";

import "./globals.css";
import "./styles/nav.css";

export const metadata: Metadata = {
  title: "Inference Ledger",
  description: "Unit economics and cost governance for AI agents",
};

/**
 * Returns the signed-in user for the navigation bar, or null. A failure here
 * (the database is down) hides the bar instead of failing every page, and each
 * page's own access check reports the error.
 */
async function readNavUser(): Promise<SignedInUser | null> {
  try {
    return await getPageUser();
  } catch (error) {
    unstable_rethrow(error);
    logFor("ui").error({ err: error }, "reading the signed-in user for the navigation failed");
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request: Next.js adds the request's CSP nonce to its
  // scripts only then, and a page built ahead of time would fail the policy.
  await connection();
  const user = await readNavUser();
  return (
    <html lang="en">
      <body>
        <Providers>
          {user ? <AppNav user={user} /> : null}
          {children}
        </Providers>
      </body>
    </html>
  );
}

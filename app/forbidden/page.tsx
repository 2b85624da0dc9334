import type { Metadata } from "next";
import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { getPageUser } from "@/lib/auth/page-access";
import { isRole } from "@/lib/auth/roles";

import "../styles/auth.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "No access · Inference Ledger" };

/** Renders the page requirePageRole redirects to when a signed-in person lacks the role a page needs. */
export default async function ForbiddenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { need } = await searchParams;
  const neededRole = typeof need === "string" && isRole(need) ? need : null;
  const user = await getPageUser();

  return (
    <main className="page page-narrow">
      <h1>You do not have access to this page</h1>
      <p>
        {neededRole ? (
          <>
            This page needs the <strong>{neededRole}</strong> role.{" "}
          </>
        ) : null}
        Ask an admin for access.
      </p>
      {user ? (
        <p className="muted">
          You are signed in as {user.email} with the {user.role} role.
        </p>
      ) : null}
      <div className="actions">
        <Link href="/">Go to the board</Link>
        {user ? <SignOutButton className="button button-secondary" /> : <Link href="/sign-in">Sign in</Link>}
      </div>
    </main>
  );
}

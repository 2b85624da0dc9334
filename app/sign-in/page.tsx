import type { Metadata } from "next";
import Link from "next/link";

import { SignInForm } from "@/components/auth/sign-in-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { resolveCallbackUrl } from "@/lib/auth/callback-url";
import { getPageUser } from "@/lib/auth/page-access";
import { readSingleSignOnName } from "@/lib/auth/single-sign-on";
import { getEnv } from "@/lib/env";

import "../styles/auth.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in · Inference Ledger" };

type SearchParams = Record<string, string | string[] | undefined>;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * next-auth sends people back here with `?error=` when single sign-on fails;
 * the code is not shown, so the page reveals nothing about accounts.
 */
const REDIRECT_ERROR_MESSAGE =
  "Sign-in failed. Try again, or ask an admin whether your account has access.";

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const callbackUrl = resolveCallbackUrl(firstValue(params.callbackUrl));
  const user = await getPageUser();

  return (
    <main className="page page-narrow">
      <p className="eyebrow">Inference Ledger</p>
      <h1>Sign in</h1>
      {user ? (
        <div className="notice sign-in-current">
          <p>
            You are signed in as {user.email} ({user.role}). <Link href={callbackUrl}>Continue</Link>, or
            sign out to use another account.
          </p>
          <SignOutButton className="button button-secondary" />
        </div>
      ) : null}
      <SignInForm
        callbackUrl={callbackUrl}
        singleSignOnName={readSingleSignOnName(getEnv())}
        initialError={firstValue(params.error) ? REDIRECT_ERROR_MESSAGE : null}
      />
    </main>
  );
}

"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

import { resolveCallbackUrl } from "@/lib/auth/callback-url";

/**
 * The one message for every rejected sign-in. It never reveals whether the
 * account exists, the password was wrong or the attempt was rate limited.
 */
export const SIGN_IN_FAILED_MESSAGE =
  "Email or password is incorrect, or too many attempts; try again later.";

const UNREACHABLE_MESSAGE = "Sign-in could not reach the server; check the connection and try again.";

interface SignInFormProps {
  /** Same-site path to open after signing in, already checked by the page. */
  callbackUrl: string;
  /** Label of the single sign-on provider, or null when it is not configured. */
  singleSignOnName: string | null;
  /** Message to show before the first attempt, such as a failed single sign-on. */
  initialError: string | null;
}

/**
 * Tells whether next-auth sent the browser back to its sign-in endpoint, which
 * it does with status 200 when its CSRF cookie is missing or stale.
 */
function isSignInPageUrl(url: string | null): boolean {
  if (!url) return true;
  return new URL(url, window.location.origin).pathname.startsWith("/api/auth/signin");
}

/** Email and password sign-in through next-auth's credentials provider. */
export function SignInForm({ callbackUrl, singleSignOnName, initialError }: SignInFormProps) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const destination = resolveCallbackUrl(callbackUrl);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl: destination,
      });
      if (result?.ok && !result.error && !isSignInPageUrl(result.url)) {
        // A full navigation, so the server renders the next page with the new session cookie.
        window.location.assign(destination);
        return;
      }
      setError(SIGN_IN_FAILED_MESSAGE);
    } catch (failure) {
      console.error("[ui] sign-in request failed", failure);
      setError(UNREACHABLE_MESSAGE);
    }
    setPending(false);
  }

  return (
    <div className="sign-in">
      <form className="sign-in-form" onSubmit={(event) => void handleSubmit(event)}>
        <label className="field">
          Email
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label className="field">
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {singleSignOnName ? (
        <div className="sign-in-alternative">
          <p className="muted small">or</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void signIn("oidc", { callbackUrl: destination })}
          >
            Sign in with {singleSignOnName}
          </button>
        </div>
      ) : null}
    </div>
  );
}

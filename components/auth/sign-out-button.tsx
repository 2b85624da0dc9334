"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/**
 * Signs out and returns to the sign-in page. The server ends the user's
 * sessions in every browser, not only this one.
 */
export function SignOutButton({ className = "button" }: { className?: string }) {
  const [pending, setPending] = useState(false);

  async function handleClick(): Promise<void> {
    setPending(true);
    try {
      await signOut({ callbackUrl: "/sign-in" });
    } catch (error) {
      console.error("[ui] sign-out failed", error);
      setPending(false);
    }
  }

  return (
    <button type="button" className={className} onClick={() => void handleClick()} disabled={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}

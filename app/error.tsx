"use client";

import Link from "next/link";
import { useEffect } from "react";

/** Shown when rendering a page failed; the details stay in the console and server log. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error("[ui] page failed to render", error);
  }, [error]);

  return (
    <main className="page page-narrow">
      <h1>Something went wrong</h1>
      <p>The page failed to load. Try again, and if it keeps failing, check the server log.</p>
      {error.digest ? <p className="muted small">Error reference: {error.digest}</p> : null}
      <p className="actions">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/">Go to the board</Link>
      </p>
    </main>
  );
}

"use client";

import { useState } from "react";

import type { ApiKeyView } from "@/lib/ui/admin-schemas";

/**
 * Shows a new key's secret once, with a copy button. Only a hash is stored,
 * so after this box is dismissed or the page reloads the secret is gone.
 */
export function NewKeySecret({
  secret,
  record,
  onDismiss,
}: {
  secret: string;
  record: ApiKeyView;
  onDismiss: () => void;
}) {
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState("copied");
    } catch {
      // Clipboard access needs a secure context and permission; selecting the text still works.
      setCopyState("failed");
    }
  }

  return (
    <section className="panel secret-panel" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">New {record.kind} key “{record.name}”</h2>
      <p className="secret-warning" role="alert">
        Copy this key now. It is shown only once: Inference Ledger stores only its hash and cannot show
        it again. If you lose it, revoke it and create a new one.
      </p>
      <div className="secret-box">
        <label className="sr-only" htmlFor="new-key-secret">
          API key secret
        </label>
        <input
          id="new-key-secret"
          className="secret-value"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {copyState === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      {copyState === "failed" ? (
        <p className="field-message">The browser blocked the clipboard; select the key and copy it.</p>
      ) : null}
      <p className="actions">
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          I have stored the key
        </button>
      </p>
    </section>
  );
}

"use client";

import { useState } from "react";

/**
 * Renders a button that requires a second click before it acts, for changes
 * that cannot be undone from the page (revoking a key, deleting a budget).
 */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  pending = false,
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  /** Shown next to the confirm button, such as "Revoke key ci-exporter?". */
  question: string;
  pending?: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button-quiet"
        onClick={() => setAsking(true)}
        disabled={pending}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

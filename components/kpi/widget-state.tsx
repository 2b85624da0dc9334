import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { isExpectedApiError } from "@/lib/ui/fetch-api";

/** Grey placeholder bars shown while a widget loads. */
export function WidgetSkeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="sr-only">Loading {label}…</span>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton-bar" aria-hidden="true" />
      ))}
    </div>
  );
}

/**
 * Renders the error state of one widget. An expected error response (invalid
 * range, unknown workflow) shows its own message, and any other failure offers a retry.
 */
export function WidgetError({
  subject,
  error,
  onRetry,
}: {
  subject: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const detail = error instanceof Error ? error.message : String(error);
  if (isExpectedApiError(error)) {
    return (
      <div className="widget-error" role="alert">
        <p>Could not show {subject}: {detail}.</p>
      </div>
    );
  }
  return (
    <div className="widget-error" role="alert">
      <p>Could not load {subject}. The server or the network failed.</p>
      <p className="muted small">{detail}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/**
 * Renders `children` with a query's data, or the skeleton while it loads, or the
 * error state with a retry when it failed.
 */
export function QueryWidget<T>({
  query,
  subject,
  lines,
  children,
}: {
  query: UseQueryResult<T>;
  subject: string;
  lines?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <WidgetSkeleton label={subject} lines={lines} />;
  if (query.isError) {
    return (
      <WidgetError subject={subject} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return <>{children(query.data)}</>;
}

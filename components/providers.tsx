"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { ApiRequestError, isExpectedApiError } from "@/lib/ui/fetch-api";

/** KPIs change only as spans arrive, so a minute-old response is still worth showing. */
const STALE_TIME_MS = 60_000;
const MAX_RETRIES = 2;

/**
 * Logs failures in one place. An expected error response (400 invalid range, 404
 * unknown workflow) is shown by the widget that sent the request and is not logged.
 */
function reportError(error: unknown, context: { kind: "query" | "mutation"; key: unknown }): void {
  if (isExpectedApiError(error)) return;
  console.error(`[ui] ${context.kind} failed`, { key: context.key, error });
}

/** Retries network and server failures, but never a request that the API rejected. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isExpectedApiError(error)) return false;
  if (error instanceof ApiRequestError && error.code === "invalid_response") return false;
  return failureCount < MAX_RETRIES;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => reportError(error, { kind: "query", key: query.queryKey }),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) =>
        reportError(error, { kind: "mutation", key: mutation.options.mutationKey }),
    }),
    defaultOptions: {
      queries: { staleTime: STALE_TIME_MS, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; useState keeps it across re-renders.
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

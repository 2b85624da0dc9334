"use client";

import { useQuery } from "@tanstack/react-query";

import { QueryWidget } from "@/components/kpi/widget-state";
import { importHistorySchema } from "@/lib/ui/billing-schemas";
import { fetchApiJson } from "@/lib/ui/fetch-api";

import { ImportHistoryTable } from "./import-history-table";
import { ImportUploadForm } from "./import-upload-form";

const HISTORY_KEY = ["billing-imports", "history"] as const;
/** Refresh while an import runs elsewhere (another user, an API key, the command line). */
const RUNNING_REFRESH_MS = 2_000;

/** Renders the import history for analysts and up, and the upload form for finance and admins. */
export function ImportsView({ canUpload }: { canUpload: boolean }) {
  const history = useQuery({
    queryKey: HISTORY_KEY,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/billing/imports", importHistorySchema, { signal }),
    refetchInterval: (query) =>
      query.state.data?.imports.some((item) => item.status === "running") ? RUNNING_REFRESH_MS : false,
  });

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Billing</p>
          <h1>Billing imports</h1>
        </div>
      </header>

      {canUpload ? (
        <section className="panel" aria-labelledby="upload-heading">
          <h2 id="upload-heading">Import a billing file</h2>
          <p className="muted small">
            FOCUS exports (AWS, Azure, Google Cloud, Oracle), AWS Cost and Usage Reports, and OpenAI
            or Anthropic cost and usage reports, plain or gzip. A file imported twice adds nothing;
            a file that fails adds no rows.
          </p>
          <ImportUploadForm historyKey={HISTORY_KEY} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">Import history</h2>
        <QueryWidget query={history} subject="the import history" lines={4}>
          {(data) => <ImportHistoryTable imports={data.imports} />}
        </QueryWidget>
      </section>
    </main>
  );
}

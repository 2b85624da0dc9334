"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import { importDetailSchema, type ImportDetail } from "@/lib/ui/billing-schemas";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { formatCount } from "@/lib/ui/format-number";
import { describeRequestError } from "@/lib/ui/send-api-json";
import { generateImportId, uploadBillingFile } from "@/lib/ui/upload-billing-file";

import { ImportRejectsTable } from "./import-rejects-table";

/** How often the running import's row counts are read while the file uploads. */
const POLL_INTERVAL_MS = 500;

const FORMATS: Array<{ value: string; label: string }> = [
  { value: "", label: "Detect from the content" },
  { value: "focus", label: "FOCUS (AWS, Azure, Google Cloud, Oracle)" },
  { value: "aws_cur2", label: "AWS Cost and Usage Report" },
  { value: "openai_costs", label: "OpenAI Costs API page" },
  { value: "openai_usage", label: "OpenAI Usage API page" },
  { value: "openai_usage_csv", label: "OpenAI dashboard export (CSV)" },
  { value: "anthropic_cost", label: "Anthropic cost report" },
  { value: "anthropic_usage", label: "Anthropic usage report" },
];

interface RunningImport {
  fileName: string;
  size: number;
  /** Bytes sent or read by the server, whichever is further. */
  bytesRead: number;
  rowsRead: number;
  rowsRejected: number;
}

/**
 * Uploads a billing file and shows the import while it runs: a progress bar
 * of the bytes sent (the server reads them as they arrive), and the rows read
 * and rejected so far, polled from the import.
 */
export function ImportUploadForm({ historyKey }: { historyKey: readonly unknown[] }) {
  const queryClient = useQueryClient();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const poller = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const [format, setFormat] = useState("");
  const [running, setRunning] = useState<RunningImport | null>(null);
  const [result, setResult] = useState<ImportDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => clearInterval(poller.current), []);

  function pollImport(importId: string): void {
    clearInterval(poller.current);
    poller.current = setInterval(() => {
      fetchApiJson(`/api/v1/billing/imports/${importId}`, importDetailSchema)
        .then(({ import: current }) =>
          setRunning((previous) =>
            previous && current.status === "running"
              ? {
                  ...previous,
                  bytesRead: Math.max(previous.bytesRead, current.bytesRead),
                  rowsRead: current.rowsRead,
                  rowsRejected: current.rowsRejected,
                }
              : previous,
          ),
        )
        // The import row may not exist for the first moments of the upload.
        .catch(() => {});
    }, POLL_INTERVAL_MS);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError("Choose a billing file first.");
      return;
    }
    const importId = generateImportId();
    setError(null);
    setResult(null);
    setRunning({ fileName: file.name, size: file.size, bytesRead: 0, rowsRead: 0, rowsRejected: 0 });
    pollImport(importId);
    try {
      const detail = await uploadBillingFile(file, { id: importId, format: format || null }, (sent) =>
        setRunning((previous) =>
          previous ? { ...previous, bytesRead: Math.max(previous.bytesRead, sent) } : previous,
        ),
      );
      setResult(detail);
    } catch (uploadError) {
      setError(describeRequestError(uploadError));
    } finally {
      clearInterval(poller.current);
      setRunning(null);
      void queryClient.invalidateQueries({ queryKey: historyKey });
    }
  }

  const finished = result?.import;
  const progressMax = running?.size ?? finished?.bytesRead ?? 1;
  let progressValue = 0;
  if (running) progressValue = running.bytesRead;
  else if (finished) progressValue = progressMax;
  const percent = progressMax > 0 ? Math.floor((100 * progressValue) / progressMax) : 100;

  return (
    <form className="form-grid" onSubmit={(event) => void handleSubmit(event)} noValidate>
      <label className="field">
        <span>Billing file</span>
        <input ref={fileInput} type="file" name="file" disabled={running !== null} />
      </label>
      <label className="field">
        <span>Format</span>
        <select name="format" value={format} onChange={(event) => setFormat(event.target.value)}>
          {FORMATS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button type="submit" className="button" disabled={running !== null}>
          {running ? "Importing…" : "Import file"}
        </button>
      </div>

      {running || finished ? (
        <div className="import-progress field-wide" aria-live="polite">
          <label htmlFor={`${id}-progress`}>Import progress</label>
          <progress id={`${id}-progress`} max={progressMax} value={progressValue}>
            {percent} %
          </progress>
          <p className="small" data-testid="import-status">
            {running ? describeRunning(running, percent) : null}
            {finished ? <ImportSummary detail={result!} /> : null}
          </p>
        </div>
      ) : null}

      {error ? (
        <p className="form-message" role="alert">
          {error}
        </p>
      ) : null}
      {result && result.rejects.length > 0 ? (
        <div className="field-wide">
          <ImportRejectsTable rejects={result.rejects} total={result.import.rowsRejected} />
        </div>
      ) : null}
    </form>
  );
}

function describeRunning(running: RunningImport, percent: number): string {
  const rows = `${formatCount(running.rowsRead)} rows read, ${formatCount(running.rowsRejected)} rejected`;
  // Once every byte is sent, the server still moves the lines into place in one transaction.
  if (running.bytesRead >= running.size) return `Storing ${running.fileName}: ${rows}`;
  return `Importing ${running.fileName}: ${percent} %, ${rows}`;
}

function ImportSummary({ detail }: { detail: ImportDetail }) {
  const { import: item } = detail;
  if (item.status === "failed") {
    return <span className="field-message">Failed: {item.error ?? "see the server log"}</span>;
  }
  return (
    <span>
      Completed: {formatCount(item.rowsRead)} rows read, {formatCount(item.rowsImported)} imported,{" "}
      {formatCount(item.rowsRestated)} restated, {formatCount(item.rowsDuplicate)} already stored,{" "}
      {formatCount(item.rowsRejected)} rejected.
    </span>
  );
}

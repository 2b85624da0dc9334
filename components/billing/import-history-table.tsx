"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { QueryWidget } from "@/components/kpi/widget-state";
import { importDetailSchema, type BillingImport } from "@/lib/ui/billing-schemas";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { formatCount } from "@/lib/ui/format-number";
import { formatTimestamp } from "@/lib/ui/format-timestamp";

import { ImportRejectsTable } from "./import-rejects-table";

const STATUS_BADGES: Record<BillingImport["status"], string> = {
  pending: "badge badge-muted",
  running: "badge badge-neutral",
  completed: "badge badge-good",
  failed: "badge badge-bad",
};

/** Lists imports, newest first, each with a button that shows its error and rejected rows. */
export function ImportHistoryTable({ imports }: { imports: readonly BillingImport[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  if (imports.length === 0) {
    return <p className="empty">No billing file has been imported yet.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Billing imports</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">Rows read</th>
            <th scope="col" className="numeric">Imported</th>
            <th scope="col" className="numeric">Restated</th>
            <th scope="col" className="numeric">Already stored</th>
            <th scope="col" className="numeric">Rejected</th>
            <th scope="col">By</th>
            <th scope="col">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {imports.map((item) => (
            <ImportRow
              key={item.id}
              item={item}
              open={openId === item.id}
              onToggle={() => setOpenId(openId === item.id ? null : item.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportRow({ item, open, onToggle }: { item: BillingImport; open: boolean; onToggle: () => void }) {
  const hasDetails = item.rowsRejected > 0 || item.error !== null;
  return (
    <>
      <tr>
        <td className="nowrap">{formatTimestamp(item.startedAt)}</td>
        <th scope="row">{item.fileName}</th>
        <td>{item.format ?? "—"}</td>
        <td>
          <span className={STATUS_BADGES[item.status]}>{item.status}</span>
        </td>
        <td className="numeric">{formatCount(item.rowsRead)}</td>
        <td className="numeric">{formatCount(item.rowsImported)}</td>
        <td className="numeric">{formatCount(item.rowsRestated)}</td>
        <td className="numeric">{formatCount(item.rowsDuplicate)}</td>
        <td className="numeric">{formatCount(item.rowsRejected)}</td>
        <td>{item.createdBy}</td>
        <td>
          {hasDetails ? (
            <button type="button" className="button button-quiet" aria-expanded={open} onClick={onToggle}>
              {open ? "Hide errors" : "Show errors"}
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={11}>
            <ImportErrors importId={item.id} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function ImportErrors({ importId }: { importId: string }) {
  const detail = useQuery({
    queryKey: ["billing-imports", importId],
    queryFn: ({ signal }) => fetchApiJson(`/api/v1/billing/imports/${importId}`, importDetailSchema, { signal }),
  });
  return (
    <QueryWidget query={detail} subject="the import's errors" lines={2}>
      {(data) => (
        <>
          {data.import.error ? <p className="form-message">{data.import.error}</p> : null}
          {data.rejects.length > 0 ? (
            <ImportRejectsTable rejects={data.rejects} total={data.import.rowsRejected} />
          ) : null}
        </>
      )}
    </QueryWidget>
  );
}

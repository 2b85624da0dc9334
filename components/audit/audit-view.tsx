"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { QueryWidget } from "@/components/kpi/widget-state";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { auditPageSchema } from "@/lib/ui/admin-schemas";
import { formatAuditQuery, type AuditParams } from "@/lib/ui/audit-params";
import { fetchApiJson } from "@/lib/ui/fetch-api";

import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable } from "./audit-table";

function pageHref(params: AuditParams): string {
  const query = formatAuditQuery(params);
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

/** Renders the audit log with filters from the URL, newest entries first, and links to older pages. */
export function AuditView({ params }: { params: AuditParams }) {
  const query = formatAuditQuery(params);
  const page = useQuery({
    queryKey: adminQueryKeys.audit(params),
    queryFn: ({ signal }) => fetchApiJson(`/api/v1/audit?${query}`, auditPageSchema, { signal }),
  });
  const { beforeId, ...filter } = params;

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Administration</p>
          <h1>Audit log</h1>
        </div>
      </header>

      <section className="panel" aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading">Filter</h2>
        <AuditFilterForm key={formatAuditQuery(filter)} filter={filter} />
      </section>

      <section className="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Entries</h2>
        <p className="muted small">
          Every change to users, roles, keys and budgets, written in the same transaction as the
          change. Entries cannot be edited or deleted. Times are UTC.
        </p>
        <QueryWidget query={page} subject="the audit log" lines={5}>
          {(data) => (
            <>
              <AuditTable entries={data.entries} />
              <nav className="pager" aria-label="Audit log pages">
                {beforeId ? <Link href={pageHref(filter)}>Newest entries</Link> : null}
                {data.nextBeforeId ? (
                  <Link href={pageHref({ ...filter, beforeId: data.nextBeforeId })}>Older entries</Link>
                ) : null}
              </nav>
            </>
          )}
        </QueryWidget>
      </section>
    </main>
  );
}

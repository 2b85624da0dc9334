"use client";

import { useQuery } from "@tanstack/react-query";

import { QueryWidget } from "@/components/kpi/widget-state";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { formatTimestamp } from "@/lib/ui/format-timestamp";
import { gatewayListSchema, policyQueryKeys } from "@/lib/ui/policy-ui-schemas";

/** Gateway keys with their last policy pull, flagging those that hold an older version. */
export function GatewaysView() {
  const gateways = useQuery({
    queryKey: policyQueryKeys.gateways,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/gateways", gatewayListSchema, { signal }),
    refetchInterval: 30_000,
  });
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Cost governance</p>
          <h1>Gateways</h1>
        </div>
      </header>
      <section className="panel" aria-labelledby="gateways-heading">
        <h2 id="gateways-heading">Policy pulls by gateway key</h2>
        <QueryWidget query={gateways} subject="the gateways" lines={4}>
          {(data) => (
            <>
              <p className="muted small">
                {data.currentVersion === null
                  ? "No policy is published yet."
                  : `Current version: ${data.currentVersion}.`}
              </p>
              {data.gateways.length === 0 ? (
                <p className="empty">No gateway keys. An admin creates one on the Keys page.</p>
              ) : (
                <div className="table-scroll">
                  <table className="data-table">
                    <caption className="sr-only">Gateway keys and their last pull</caption>
                    <thead>
                      <tr>
                        <th scope="col">Key</th>
                        <th scope="col">Workflows</th>
                        <th scope="col">Last pull</th>
                        <th scope="col" className="numeric">Version served</th>
                        <th scope="col">Format</th>
                        <th scope="col" className="numeric">Pulls</th>
                        <th scope="col">Status</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.gateways.map((gateway) => (
                        <tr key={gateway.keyId}>
                          <th scope="row">
                            {gateway.name} <span className="mono muted">{gateway.prefix}</span>
                          </th>
                          <td>{gateway.workflows?.join(", ") ?? "all"}</td>
                          <td className="nowrap">
                            {gateway.lastPull ? formatTimestamp(gateway.lastPull.pulledAt) : "never"}
                          </td>
                          <td className="numeric">{gateway.lastPull?.version ?? "—"}</td>
                          <td>{gateway.lastPull?.format ?? ""}</td>
                          <td className="numeric">{gateway.pullCount}</td>
                          <td>
                            {gateway.revokedAt ? (
                              <span className="badge badge-muted">revoked</span>
                            ) : gateway.stale ? (
                              <span className="badge">stale version</span>
                            ) : gateway.lastPull ? (
                              <span className="badge badge-muted">current</span>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </QueryWidget>
      </section>
    </main>
  );
}

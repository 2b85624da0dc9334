"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { QueryWidget } from "@/components/kpi/widget-state";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { formatTimestamp } from "@/lib/ui/format-timestamp";
import { policyQueryKeys, violationListSchema } from "@/lib/ui/policy-ui-schemas";

const GUARDRAIL_LABELS: Record<string, string> = {
  maxContextTokensPerCall: "context tokens per call",
  maxToolCallsPerRun: "tool calls per run",
  maxRetriesPerRun: "retries per run",
  maxLlmCallsPerRun: "LLM calls per run",
};

function describeBreach(breach: { guardrail: string; limit: number; value: number }): string {
  const label = GUARDRAIL_LABELS[breach.guardrail] ?? breach.guardrail;
  return `${label}: ${breach.value} (max ${breach.limit})`;
}

/** Runs of the last 7 days that broke a guardrail, grouped by workflow. */
export function ViolationsView() {
  const violations = useQuery({
    queryKey: policyQueryKeys.violations(null),
    queryFn: ({ signal }) => fetchApiJson("/api/v1/policy/violations?limit=500", violationListSchema, { signal }),
  });
  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Cost governance</p>
          <h1>Guardrail violations</h1>
        </div>
      </header>
      <section className="panel" aria-labelledby="violations-heading">
        <h2 id="violations-heading">Runs that broke a guardrail in the last 7 days</h2>
        <QueryWidget query={violations} subject="the guardrail violations" lines={4}>
          {(data) => {
            if (data.violations.length === 0) {
              return <p className="empty">No run broke a guardrail of the published policy.</p>;
            }
            const workflows = [...new Set(data.violations.map((entry) => entry.workflow))].sort();
            return workflows.map((workflow) => {
              const runs = data.violations.filter((entry) => entry.workflow === workflow);
              return (
                <div key={workflow} className="table-scroll">
                  <table className="data-table">
                    <caption>
                      <Link href={`/workflows/${encodeURIComponent(workflow)}`}>{workflow}</Link>: {runs.length} run(s)
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Started</th>
                        <th scope="col">Trace</th>
                        <th scope="col">Guardrails broken</th>
                      </tr>
                    </thead>
                    <tbody>
                      {runs.map((run) => (
                        <tr key={run.traceId}>
                          <td className="nowrap">{formatTimestamp(run.startedAt)}</td>
                          <td className="mono">{run.traceId}</td>
                          <td>{run.breaches.map(describeBreach).join("; ")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            });
          }}
        </QueryWidget>
      </section>
    </main>
  );
}

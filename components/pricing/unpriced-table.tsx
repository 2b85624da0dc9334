"use client";

import { formatCount } from "@/lib/ui/format-number";

import type { UnpricedUsageItem } from "./pricing-schemas";

/** Formats Unix nanoseconds (decimal text) as "2026-01-31 14:03 UTC". */
function formatNanos(nanos: string): string {
  const date = new Date(Number(BigInt(nanos) / 1_000_000n));
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function formatTokens(tokens: string): string {
  // Token sums fit a double exactly far beyond any realistic traffic.
  return formatCount(Number(tokens));
}

/** Lists unpriced LLM calls by provider and model, with "Add price" when `canEdit`. */
export function UnpricedTable({
  rows,
  canEdit,
  onAddPrice,
}: {
  rows: readonly UnpricedUsageItem[];
  canEdit: boolean;
  onAddPrice: (row: UnpricedUsageItem) => void;
}) {
  if (rows.length === 0) {
    return <p className="empty">Every LLM call in this range has a price.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Unpriced models</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Model</th>
            <th scope="col" className="numeric">Calls</th>
            <th scope="col" className="numeric">Without usage</th>
            <th scope="col" className="numeric">Input tokens</th>
            <th scope="col" className="numeric">Output tokens</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            {canEdit ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.provider ?? ""}|${row.model ?? ""}`}>
              <td>{row.provider ?? <span className="muted">(none)</span>}</td>
              <th scope="row">{row.model ?? <span className="muted">(no model)</span>}</th>
              <td className="numeric">{formatCount(row.calls)}</td>
              <td className="numeric">{formatCount(row.callsWithoutUsage)}</td>
              <td className="numeric">{formatTokens(row.inputTokens)}</td>
              <td className="numeric">{formatTokens(row.outputTokens)}</td>
              <td className="nowrap">{formatNanos(row.firstSeenNs)}</td>
              <td className="nowrap">{formatNanos(row.lastSeenNs)}</td>
              {canEdit ? (
                <td>
                  {row.model ? (
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Add price for ${row.model}`}
                      onClick={() => onAddPrice(row)}
                    >
                      Add price
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

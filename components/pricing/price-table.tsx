"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { ConfirmButton } from "@/components/forms/confirm-button";
import { formatCount } from "@/lib/ui/format-number";
import { describeRequestError, sendApiJson } from "@/lib/ui/send-api-json";

import { pricingQueryKeys, priceResponseSchema, type PriceListingItem } from "./pricing-schemas";

const STATE_LABELS: Record<PriceListingItem["state"], string> = {
  in_force: "In force",
  scheduled: "Scheduled",
  historical: "Historical",
  overridden: "Overridden",
};

function formatPrice(value: string | null): string {
  return value === null ? "—" : `$${value}`;
}

function describeLongContext(row: PriceListingItem): string {
  if (row.longContextThresholdTokens === null) return "—";
  return (
    `above ${formatCount(row.longContextThresholdTokens)} tokens: ` +
    `${formatPrice(row.longInputPerMTok)} in, ${formatPrice(row.longOutputPerMTok)} out`
  );
}

function describeOrigin(row: PriceListingItem): string {
  if (row.origin === "builtin") return "Built in";
  return row.overridesBuiltin ? "Custom (overrides built in)" : "Custom";
}

/** Lists price rows, prices in USD per million tokens, with edit and delete actions when `canEdit`. */
export function PriceTable({
  prices,
  canEdit,
  onEdit,
}: {
  prices: readonly PriceListingItem[];
  canEdit: boolean;
  onEdit: (row: PriceListingItem) => void;
}) {
  if (prices.length === 0) return <p className="empty">No price rows match.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Price book</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Model</th>
            <th scope="col">Tier</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col" className="numeric">Input</th>
            <th scope="col" className="numeric">Cache read</th>
            <th scope="col" className="numeric">Cache write 5m</th>
            <th scope="col" className="numeric">Cache write 1h</th>
            <th scope="col" className="numeric">Output</th>
            <th scope="col">Long context</th>
            <th scope="col">Origin</th>
            <th scope="col">State</th>
            <th scope="col">Source</th>
            <th scope="col">Verified</th>
            {canEdit ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {prices.map((row) => (
            <PriceRowView key={`${row.origin}:${row.id}`} row={row} canEdit={canEdit} onEdit={onEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PriceRowView({
  row,
  canEdit,
  onEdit,
}: {
  row: PriceListingItem;
  canEdit: boolean;
  onEdit: (row: PriceListingItem) => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationKey: ["prices", "delete", row.id],
    mutationFn: () =>
      sendApiJson("DELETE", `/api/v1/prices/${encodeURIComponent(row.id)}`, undefined, priceResponseSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pricingQueryKeys.prices }),
  });

  return (
    <tr className={row.state === "overridden" ? "muted" : undefined}>
      <td>{row.provider}</td>
      <th scope="row">
        {row.model}
        {row.region ? <span className="muted small"> ({row.region} profiles)</span> : null}
      </th>
      <td>{row.serviceTier}</td>
      <td className="nowrap">{row.effectiveFrom}</td>
      <td className="nowrap">{row.effectiveTo ?? "—"}</td>
      <td className="numeric">{formatPrice(row.inputPerMTok)}</td>
      <td className="numeric">{formatPrice(row.cacheReadPerMTok)}</td>
      <td className="numeric">{formatPrice(row.cacheWrite5mPerMTok)}</td>
      <td className="numeric">{formatPrice(row.cacheWrite1hPerMTok)}</td>
      <td className="numeric">{formatPrice(row.outputPerMTok)}</td>
      <td>{describeLongContext(row)}</td>
      <td>{describeOrigin(row)}</td>
      <td>{STATE_LABELS[row.state]}</td>
      <td>
        {/^https:\/\//.test(row.source) ? (
          <a href={row.source} target="_blank" rel="noopener noreferrer">
            Source
          </a>
        ) : (
          row.source
        )}
      </td>
      <td title={row.note ?? undefined}>{row.verified ? "Yes" : "No"}</td>
      {canEdit ? (
        <td>
          {row.state === "overridden" ? null : (
            <div className="row-actions">
              <button
                type="button"
                className="button button-quiet"
                aria-label={`Edit ${row.id}`}
                onClick={() => onEdit(row)}
              >
                {row.origin === "custom" ? "Edit" : "Override"}
              </button>
              {row.origin === "custom" ? (
                <ConfirmButton
                  label="Delete"
                  confirmLabel="Delete price"
                  question={`Delete the custom price ${row.id}?`}
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate()}
                />
              ) : null}
              {remove.isError ? (
                <p className="field-message" role="alert">
                  {describeRequestError(remove.error)}
                </p>
              ) : null}
            </div>
          )}
        </td>
      ) : null}
    </tr>
  );
}

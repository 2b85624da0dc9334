"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { QueryWidget } from "@/components/kpi/widget-state";
import { fetchApiJson } from "@/lib/ui/fetch-api";

import { PriceForm } from "./price-form";
import { PriceTable } from "./price-table";
import { pricingQueryKeys, priceListSchema, unpricedListSchema, type PriceDraft } from "./pricing-schemas";
import { RepriceForm } from "./reprice-form";
import { UnpricedTable } from "./unpriced-table";

/**
 * Renders unpriced usage and the price book for analysts and up. Finance and
 * admins also get the price form, delete and reprice; the server checks the
 * role on every change.
 */
export function PricingView({ canEdit }: { canEdit: boolean }) {
  const unpriced = useQuery({
    queryKey: pricingQueryKeys.unpriced,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/prices/unpriced", unpricedListSchema, { signal }),
  });
  const prices = useQuery({
    queryKey: pricingQueryKeys.prices,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/prices", priceListSchema, { signal }),
  });
  const [draft, setDraft] = useState<PriceDraft | null>(null);
  const [filter, setFilter] = useState("");

  const openForm = (next: PriceDraft) => {
    setDraft(next);
    // The form sits below the unpriced table; bring it into view.
    requestAnimationFrame(() => document.getElementById("price-form")?.scrollIntoView({ block: "start" }));
  };

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Cost governance</p>
          <h1>Prices</h1>
        </div>
      </header>

      <section className="panel" aria-labelledby="unpriced-heading">
        <h2 id="unpriced-heading">Unpriced models</h2>
        <p className="muted small">
          LLM calls of the last 30 days whose model has no price in force. Their cost is missing
          from every total until a price is added and the calls are repriced.
        </p>
        <QueryWidget query={unpriced} subject="the unpriced models" lines={3}>
          {(data) => (
            <UnpricedTable
              rows={data.unpriced}
              canEdit={canEdit}
              onAddPrice={(row) =>
                openForm({ provider: row.provider ?? "", model: row.model ?? "", row: null })
              }
            />
          )}
        </QueryWidget>
      </section>

      {canEdit ? (
        <section className="panel" id="price-form" aria-labelledby="price-form-heading">
          <h2 id="price-form-heading">Add or change a price</h2>
          <p className="muted small">
            Prices are USD per million tokens. A new price applies to calls ingested from now on;
            reprice to apply it to stored calls.
          </p>
          {draft ? (
            <PriceForm key={JSON.stringify(draft)} draft={draft} onDone={() => setDraft(null)} />
          ) : (
            <p className="actions">
              <button
                type="button"
                className="button"
                onClick={() => openForm({ provider: "", model: "", row: null })}
              >
                Add price
              </button>
            </p>
          )}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="book-heading">
        <h2 id="book-heading">Price book</h2>
        <label className="field">
          <span>Filter by provider or model</span>
          <input name="filter" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        <QueryWidget query={prices} subject="the price book" lines={6}>
          {(data) => {
            const needle = filter.trim().toLowerCase();
            const shown = needle
              ? data.prices.filter((row) => row.provider.includes(needle) || row.model.includes(needle))
              : data.prices;
            return (
              <PriceTable
                prices={shown}
                canEdit={canEdit}
                onEdit={(row) => openForm({ provider: row.provider, model: row.model, row })}
              />
            );
          }}
        </QueryWidget>
      </section>

      {canEdit ? (
        <section className="panel" aria-labelledby="reprice-heading">
          <h2 id="reprice-heading">Reprice stored calls</h2>
          <p className="muted small">
            Prices stored calls in the range again with the current book and recomputes their runs
            and daily totals. Days are in the organization’s time zone.
          </p>
          <RepriceDefaults />
        </section>
      ) : null}
    </main>
  );
}

/** Renders the reprice form with the last 30 days, today included, as its range. */
function RepriceDefaults() {
  const [range] = useState(() => {
    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    return { from: day(-30), to: day(1) };
  });
  return <RepriceForm defaultFrom={range.from} defaultTo={range.to} />;
}

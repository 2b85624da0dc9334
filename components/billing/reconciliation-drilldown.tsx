"use client";

import { useState } from "react";

import type { ReconciliationReport } from "@/lib/ui/billing-schemas";

import { FigureCells, FigureHeaders } from "./figure-columns";
import { MODEL_NOT_STATED, ReconciliationCellTable } from "./reconciliation-cell-table";

interface Selection {
  provider: string | null;
  /** JSON of the model key, since a bill without a model has the key null. */
  model: string | null;
}

/**
 * Providers, then the models of the chosen provider, then the days of the
 * chosen model: each level narrows the table of cells below it.
 */
export function ReconciliationDrilldown({ report }: { report: ReconciliationReport }) {
  const [selection, setSelection] = useState<Selection>({ provider: null, model: null });
  const models = report.byModel.filter((row) => row.provider === selection.provider);
  const cells = report.cells.filter(
    (cell) =>
      (selection.provider === null || cell.provider === selection.provider) &&
      (selection.model === null || JSON.stringify(cell.modelKey) === selection.model),
  );
  const chosenModel = models.find((row) => JSON.stringify(row.modelKey) === selection.model);

  return (
    <>
      <nav aria-label="Reconciliation level" className="breadcrumb">
        <button type="button" className="drill-button" onClick={() => setSelection({ provider: null, model: null })}>
          All providers
        </button>
        {selection.provider ? (
          <>
            {" › "}
            <button
              type="button"
              className="drill-button"
              onClick={() => setSelection({ provider: selection.provider, model: null })}
            >
              {selection.provider}
            </button>
          </>
        ) : null}
        {chosenModel ? ` › ${chosenModel.model ?? MODEL_NOT_STATED}` : null}
      </nav>

      <div className="table-scroll">
        <table className="data-table">
          <caption className="sr-only">Reconciliation by provider</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <FigureHeaders />
            </tr>
          </thead>
          <tbody>
            {report.byProvider.map((row) => (
              <tr key={row.provider} aria-selected={row.provider === selection.provider}>
                <th scope="row">
                  <button
                    type="button"
                    className="drill-button"
                    onClick={() => setSelection({ provider: row.provider, model: null })}
                  >
                    {row.provider}
                  </button>
                </th>
                <FigureCells figures={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {selection.provider ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Models of {selection.provider}</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <FigureHeaders />
              </tr>
            </thead>
            <tbody>
              {models.map((row) => {
                const key = JSON.stringify(row.modelKey);
                return (
                  <tr key={key} aria-selected={key === selection.model}>
                    <th scope="row">
                      <button
                        type="button"
                        className="drill-button"
                        onClick={() => setSelection({ provider: selection.provider, model: key })}
                      >
                        {row.model ?? MODEL_NOT_STATED}
                      </button>
                    </th>
                    <FigureCells figures={row} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      <h3>By provider, model and day</h3>
      <ReconciliationCellTable
        caption="Reconciliation by provider, model and day"
        cells={cells}
        empty="No AI spend was billed or estimated in this range."
      />
    </>
  );
}

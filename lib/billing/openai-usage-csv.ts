/**
 * CSV exports from the OpenAI dashboard's Usage page. The Export button
 * writes either the "Cost data" view (start_time, end_time, amount_value,
 * amount_currency, line_item, project_id, organization_id, ...) or the
 * "Activity data" view, whose columns are the completions Usage API fields
 * (input_tokens, input_cached_tokens, output_tokens, model, batch, ...).
 *
 * NOTE: these layouts come from third-party descriptions of the export: an
 * ingestion vendor's documentation and one published export snapshot. No
 * export downloaded from OpenAI has confirmed them.
 */
import { mapCsvRows, type BillingReadItem } from "./billing-row";
import type { CsvRow } from "./csv-reader";
import { COSTS_CSV_COLUMNS, mapOpenAiCostRow, mapOpenAiUsageRow } from "./openai";

export type OpenAiExportKind = "costs" | "activity";

/** Tells the two export views apart by their header. */
export function detectOpenAiExportKind(header: readonly string[]): OpenAiExportKind | null {
  const columns = new Set(header);
  if (!columns.has("start_time")) return null;
  if (columns.has("amount_value")) return "costs";
  if (columns.has("input_tokens") && columns.has("output_tokens")) return "activity";
  return null;
}

/** Reads dashboard export rows of either view; a header of neither view is one rejection. */
export async function* readOpenAiUsageCsvRows(
  rows: AsyncIterable<CsvRow>,
): AsyncGenerator<BillingReadItem> {
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const kind = detectOpenAiExportKind(first.value.header);
  if (kind === null) {
    yield {
      rejected: {
        line: 1,
        column: null,
        reason:
          "header is neither the dashboard cost export (amount_value) " +
          "nor the activity export (input_tokens)",
        fatal: true,
      },
    };
    return;
  }
  async function* replay(): AsyncGenerator<CsvRow> {
    yield first.value as CsvRow;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  yield* mapCsvRows(replay(), (row, line) =>
    kind === "costs"
      ? mapOpenAiCostRow(row, line, COSTS_CSV_COLUMNS)
      : mapOpenAiUsageRow(row, line),
  );
}

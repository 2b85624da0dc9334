/**
 * Span writes of one batch per transaction, for comparison with the ingest
 * path's unnest insert: a plain COPY into `spans`, and a COPY into a
 * temporary staging table followed by the same `on conflict do nothing`
 * insert that returns the trace ids.
 */
import type postgres from "postgres";

import type { StoredSpan } from "@/db/queries/store-spans";

import { formatSpanLine, SPAN_COPY_COLUMNS } from "./copy-rows";
import { copyInto } from "./copy-text";

/** Formats a span with `counted_calls` as the insert sets it before the run recompute. */
const formatInsertedSpan = (span: StoredSpan) => formatSpanLine(span, span.role === "llm" ? 1 : 0);

/** Copies each batch into `spans` in its own transaction and returns the wall time. */
export async function copyBatches(
  sql: postgres.Sql,
  batches: readonly StoredSpan[][],
): Promise<number> {
  const started = performance.now();
  for (const batch of batches) {
    await sql.begin((tx) => copyInto(tx, "spans", SPAN_COPY_COLUMNS, batch, formatInsertedSpan));
  }
  return performance.now() - started;
}

/**
 * Copies each batch into a session-local staging table, then inserts it into
 * `spans`, skipping stored spans, in one transaction per batch. Returns the
 * wall time, and throws unless every span was inserted.
 */
export async function copyBatchesThroughStaging(
  sql: postgres.Sql,
  batches: readonly StoredSpan[][],
): Promise<number> {
  const columns = SPAN_COPY_COLUMNS.join(", ");
  const started = performance.now();
  for (const batch of batches) {
    const inserted = await sql.begin(async (tx) => {
      // The table lasts for the session, and each commit empties it.
      await tx.unsafe(
        `create temp table if not exists span_stage (like spans including defaults)
           on commit delete rows`,
      );
      await copyInto(tx, "span_stage", SPAN_COPY_COLUMNS, batch, formatInsertedSpan);
      return tx.unsafe(
        `insert into spans (${columns}) select ${columns} from span_stage
           on conflict (trace_id, span_id) do nothing returning trace_id`,
      );
    });
    if (inserted.length !== batch.length) {
      throw new Error(`staging insert stored ${inserted.length} of ${batch.length} spans`);
    }
  }
  return performance.now() - started;
}

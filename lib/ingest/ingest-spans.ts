import type { Database } from "@/db/client";
import { insertSpans, type StoredSpan } from "@/db/queries/store-spans";
import { isRetryableTransactionError } from "@/lib/http/database-errors";
import { logFor } from "@/lib/log";
import type { DecodedSpan } from "@/lib/otlp/types";
import type { PriceBook } from "@/lib/pricing/types";
import { evaluateAlertsAfterIngest } from "@/lib/policy/budget-alerts";
import { normalizeSpan } from "@/lib/spans/normalize";

import { priceSpan } from "./price-span";
import { recomputeRuns } from "./recompute-runs";

const logger = logFor("ingest");
const MAX_ATTEMPTS = 4;

export interface IngestOptions {
  timeZone: string;
  priceBook: PriceBook;
}

export interface IngestResult {
  /** Spans stored by this request. */
  stored: number;
  /** Spans already stored by an earlier delivery, left unchanged. */
  duplicates: number;
  runsUpdated: number;
}

/**
 * Normalizes, prices and stores spans, then recomputes the runs they belong
 * to, all in one transaction: a failure stores nothing. A span already stored
 * (same trace id and span id) is skipped, so a repeated delivery counts once.
 * After the commit, budget alerts are evaluated for the runs' workflows.
 */
export async function ingestSpans(
  db: Database,
  decoded: readonly DecodedSpan[],
  options: IngestOptions,
): Promise<IngestResult> {
  const batch: StoredSpan[] = decoded.map((span) => priceSpan(normalizeSpan(span), options.priceBook));
  if (batch.length === 0) return { stored: 0, duplicates: 0, runsUpdated: 0 };

  for (let attempt = 1; ; attempt += 1) {
    try {
      const { result, insertedTraceIds } = await db.transaction(async (tx) => {
        const insertedTraceIds = await insertSpans(tx, batch);
        const runsUpdated = await recomputeRuns(tx, insertedTraceIds, options.timeZone);
        const result: IngestResult = {
          stored: insertedTraceIds.length,
          duplicates: batch.length - insertedTraceIds.length,
          runsUpdated,
        };
        return { result, insertedTraceIds };
      });
      // Alerts are evaluated after the commit, so the new spend is visible.
      // The call logs its own errors and never throws.
      if (insertedTraceIds.length > 0) await evaluateAlertsAfterIngest(db, insertedTraceIds);
      return result;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      logger.warn({ err: error, attempt, spans: batch.length }, "ingest transaction retried");
    }
  }
}

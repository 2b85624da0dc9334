import type { Queryable } from "@/db/client";
import {
  lockRuns,
  loadOutcomeEvents,
  loadRunSpans,
  updateCountedCalls,
  type CountedCallsUpdate,
} from "@/db/queries/store-spans";
import { applyDailyDeltas, loadRuns, upsertRuns } from "@/db/queries/store-runs";
import { computeDailyDeltas } from "@/lib/runs/daily-delta";
import { summarizeRun, tallyCountedCalls, type RunSummary } from "@/lib/runs/summarize-run";

/**
 * Recomputes the given runs from all their stored spans and outcome events,
 * moves the difference into the daily totals and rewrites `spans.counted_calls`
 * where it changed. Must run inside the transaction that stored the new spans
 * or events.
 */
export async function recomputeRuns(
  tx: Queryable,
  traceIds: readonly string[],
  timeZone: string,
): Promise<number> {
  const unique = [...new Set(traceIds)].sort();
  if (unique.length === 0) return 0;
  await lockRuns(tx, unique);

  const [spansByTrace, eventsByTrace, previous] = await Promise.all([
    loadRunSpans(tx, unique),
    loadOutcomeEvents(tx, unique),
    loadRuns(tx, unique),
  ]);
  const next: RunSummary[] = [];
  const countedChanges: CountedCallsUpdate[] = [];
  for (const traceId of unique) {
    const spans = spansByTrace.get(traceId);
    if (!spans || spans.length === 0) continue;
    next.push(summarizeRun(traceId, spans, eventsByTrace.get(traceId) ?? [], timeZone));
    const tally = tallyCountedCalls(spans);
    for (const span of spans) {
      const countedCalls = tally.get(span.spanId) ?? 0;
      if (span.countedCalls !== countedCalls) {
        countedChanges.push({ traceId, spanId: span.spanId, countedCalls });
      }
    }
  }

  await upsertRuns(tx, next);
  await updateCountedCalls(tx, countedChanges);
  await applyDailyDeltas(tx, computeDailyDeltas(previous, next));
  return next.length;
}

import type { Queryable } from "@/db/client";
import { lockRuns, loadOutcomeEvents, loadRunSpans } from "@/db/queries/store-spans";
import { applyDailyDeltas, loadRuns, upsertRuns } from "@/db/queries/store-runs";
import { computeDailyDeltas } from "@/lib/runs/daily-delta";
import { summarizeRun, type RunSummary } from "@/lib/runs/summarize-run";

/**
 * Recomputes the given runs from all their stored spans and outcome events,
 * and moves the difference into the daily totals. Must run inside the
 * transaction that stored the new spans or events.
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
  for (const traceId of unique) {
    const spans = spansByTrace.get(traceId);
    if (!spans || spans.length === 0) continue;
    next.push(summarizeRun(traceId, spans, eventsByTrace.get(traceId) ?? [], timeZone));
  }

  await upsertRuns(tx, next);
  await applyDailyDeltas(tx, computeDailyDeltas(previous, next));
  return next.length;
}

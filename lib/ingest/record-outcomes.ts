import { createHash } from "node:crypto";

import { z } from "zod";

import { getDatabase, type Database } from "@/db/client";
import { countTracesWithSpans, insertOutcomeEvents, type OutcomeEventRow } from "@/db/queries/outcome-events";
import { getEnv } from "@/lib/env";

import { recomputeRuns } from "./recompute-runs";

/** Largest number of outcomes accepted in one request. */
export const MAX_OUTCOMES_PER_REQUEST = 1000;

export const outcomeEventSchema = z.object({
  traceId: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hex digits, the run's OpenTelemetry trace id")
    .transform((value) => value.toLowerCase()),
  outcome: z.enum(["completed", "failed", "abandoned", "escalated"]),
  /** Decisions the run made; a completed run without it counts one. */
  decisions: z.number().int().min(0).max(1_000_000).optional(),
  /** When the outcome became known, as an ISO 8601 instant; the latest outcome of a run wins. */
  occurredAt: z.iso.datetime({ offset: true }),
  /** The sender's id for this event, so a repeated delivery is recognized; derived when absent. */
  eventId: z.string().min(1).max(200).optional(),
});

export const outcomeRequestSchema = z.object({
  outcomes: z.array(outcomeEventSchema).min(1).max(MAX_OUTCOMES_PER_REQUEST),
});

export type OutcomeRequest = z.infer<typeof outcomeRequestSchema>;

export interface RecordOutcomesResult {
  stored: number;
  duplicates: number;
  /** Runs recomputed now; outcomes for runs whose spans have not arrived apply when they do. */
  runsUpdated: number;
  pendingRuns: number;
}

function toRow(event: OutcomeRequest["outcomes"][number]): OutcomeEventRow {
  const occurredNs = BigInt(Date.parse(event.occurredAt)) * 1_000_000n;
  const eventId =
    event.eventId ??
    createHash("sha256")
      .update(`${event.outcome}|${event.decisions ?? ""}|${event.occurredAt}`)
      .digest("hex");
  return {
    traceId: event.traceId,
    eventId,
    outcome: event.outcome,
    decisions: event.decisions ?? null,
    occurredNs,
  };
}

/**
 * Stores outcomes reported after the fact and recomputes the runs they
 * belong to in the same transaction. A repeated event (same trace and event
 * id) changes nothing; a run's latest outcome by event time wins.
 */
export async function recordOutcomes(
  request: OutcomeRequest,
  db?: Database,
): Promise<RecordOutcomesResult> {
  const database = db ?? (await getDatabase());
  const rows = request.outcomes.map(toRow);
  const timeZone = getEnv().ORG_TIME_ZONE;
  return database.transaction(async (tx) => {
    const inserted = await insertOutcomeEvents(tx, rows);
    const touched = [...new Set(inserted)];
    const runsUpdated = await recomputeRuns(tx, touched, timeZone);
    const withSpans = touched.length > 0 ? await countTracesWithSpans(tx, touched) : 0;
    return {
      stored: inserted.length,
      duplicates: rows.length - inserted.length,
      runsUpdated,
      pendingRuns: touched.length - withSpans,
    };
  });
}

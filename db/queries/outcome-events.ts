import type { Queryable } from "@/db/client";
import type { Outcome } from "@/lib/spans/types";

export interface OutcomeEventRow {
  traceId: string;
  eventId: string;
  outcome: Outcome;
  decisions: number | null;
  occurredNs: bigint;
}

/** Inserts outcome events not stored yet; returns the trace id of each inserted event. */
export async function insertOutcomeEvents(tx: Queryable, events: readonly OutcomeEventRow[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = await tx.query<{ trace_id: string }>(
    `insert into outcome_events (trace_id, event_id, outcome, decisions, occurred_ns)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::int4[], $5::int8[])
     on conflict (trace_id, event_id) do nothing
     returning trace_id`,
    [
      events.map((event) => event.traceId),
      events.map((event) => event.eventId),
      events.map((event) => event.outcome),
      events.map((event) => event.decisions),
      events.map((event) => event.occurredNs.toString()),
    ],
  );
  return rows.map((row) => row.trace_id);
}

/** Counts which of the given traces have at least one stored span. */
export async function countTracesWithSpans(tx: Queryable, traceIds: readonly string[]): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `select count(distinct trace_id)::int as n from spans where trace_id = any($1::text[])`,
    [traceIds],
  );
  return rows[0]?.n ?? 0;
}

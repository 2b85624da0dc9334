import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const count = (name: string) => bigint(name, { mode: "bigint" });
const money = (name: string) => numeric(name, { precision: 30, scale: 12 });

/** One row per trace, recomputed from its spans and outcome events whenever either changes. */
export const runs = pgTable(
  "runs",
  {
    traceId: text("trace_id").primaryKey(),
    workflow: text("workflow").notNull(),
    /** Calendar day of the first span's start, in the organization's time zone. */
    day: date("day", { mode: "string" }).notNull(),
    startNs: count("start_ns").notNull(),
    endNs: count("end_ns").notNull(),
    spanCount: integer("span_count").notNull(),
    llmCalls: integer("llm_calls").notNull(),
    toolCalls: integer("tool_calls").notNull(),
    failedLlmCalls: integer("failed_llm_calls").notNull(),
    /**
     * Max input tokens of one counted LLM call. NOTE: runs stored before this
     * column and `retries` existed read 0 in both until a new span or outcome
     * recomputes them.
     */
    maxInputTokensPerCall: count("max_input_tokens_per_call").notNull().default(sql`0`),
    /** Counted LLM calls that repeat an earlier failed call to the same model. */
    retries: integer("retries").notNull().default(0),
    inputTokens: count("input_tokens").notNull(),
    outputTokens: count("output_tokens").notNull(),
    costUsd: money("cost_usd").notNull(),
    unpricedCalls: integer("unpriced_calls").notNull(),
    outcome: text("outcome"),
    decisions: integer("decisions").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("runs_workflow_day_idx").on(table.workflow, table.day)],
);

/** Outcomes reported after the fact by a business system; the latest by event time wins. */
export const outcomeEvents = pgTable(
  "outcome_events",
  {
    traceId: text("trace_id").notNull(),
    eventId: text("event_id").notNull(),
    outcome: text("outcome").notNull(),
    decisions: integer("decisions"),
    occurredNs: count("occurred_ns").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("outcome_events_key").on(table.traceId, table.eventId)],
);

/**
 * Per workflow and day totals, kept in step with `runs` by the ingest
 * transaction so KPI pages never rescan spans.
 */
export const workflowDaily = pgTable(
  "workflow_daily",
  {
    workflow: text("workflow").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    runs: integer("runs").notNull(),
    llmCalls: integer("llm_calls").notNull(),
    toolCalls: integer("tool_calls").notNull(),
    inputTokens: count("input_tokens").notNull(),
    outputTokens: count("output_tokens").notNull(),
    costUsd: money("cost_usd").notNull(),
    unpricedCalls: integer("unpriced_calls").notNull(),
    completedOutcomes: integer("completed_outcomes").notNull(),
    failedOutcomes: integer("failed_outcomes").notNull(),
    abandonedOutcomes: integer("abandoned_outcomes").notNull(),
    escalatedOutcomes: integer("escalated_outcomes").notNull(),
    decisions: count("decisions").notNull(),
  },
  (table) => [primaryKey({ columns: [table.workflow, table.day] })],
);

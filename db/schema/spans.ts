import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

const count = (name: string) => bigint(name, { mode: "bigint" });
const money = (name: string) => numeric(name, { precision: 30, scale: 12 });

/**
 * One row per received span, keyed by (trace id, span id) so a repeated
 * delivery is a no-op. Prompt and completion content is never stored.
 */
export const spans = pgTable(
  "spans",
  {
    traceId: text("trace_id").notNull(),
    spanId: text("span_id").notNull(),
    parentSpanId: text("parent_span_id"),
    name: text("name").notNull(),
    startNs: count("start_ns").notNull(),
    endNs: count("end_ns").notNull(),
    serviceName: text("service_name"),
    scopeName: text("scope_name").notNull(),
    scopeVersion: text("scope_version").notNull(),
    dialect: text("dialect").notNull(),
    role: text("role").notNull(),
    operation: text("operation"),
    provider: text("provider"),
    model: text("model"),
    serviceTier: text("service_tier"),
    inputTokens: count("input_tokens"),
    uncachedInputTokens: count("uncached_input_tokens"),
    cacheReadTokens: count("cache_read_tokens"),
    cacheWriteTokens: count("cache_write_tokens"),
    cacheWrite5mTokens: count("cache_write_5m_tokens"),
    cacheWrite1hTokens: count("cache_write_1h_tokens"),
    outputTokens: count("output_tokens"),
    reasoningTokens: count("reasoning_tokens"),
    /** Estimated cost in USD; null when the call is unpriced or not an LLM call. */
    costUsd: money("cost_usd"),
    costStatus: text("cost_status").notNull(),
    priceId: text("price_id"),
    emitterCostUsd: money("emitter_cost_usd"),
    workflow: text("workflow"),
    workflowRank: smallint("workflow_rank"),
    agentName: text("agent_name"),
    outcome: text("outcome"),
    decisions: integer("decisions"),
    statusCode: smallint("status_code").notNull(),
    flags: text("flags").array().notNull(),
    /**
     * Counted LLM calls whose usage and cost this span supplies, kept by the
     * run recompute: 1 for a leaf call with its own usage, 0 for a parent that
     * repeats a child's call, and more when several leaves borrow its usage.
     * Sum of cost_usd times counted_calls over a trace is the run's cost.
     */
    countedCalls: smallint("counted_calls").notNull().default(0),
    attributes: jsonb("attributes").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.traceId, table.spanId] }),
    index("spans_model_start_idx").on(table.provider, table.model, table.startNs),
    index("spans_counted_start_idx").on(table.startNs).where(sql`${table.countedCalls} > 0`),
  ],
);

import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The policy being edited, one row per workflow holding its WorkflowPolicy
 * JSON. Publishing copies all rows into a new `policy_versions` row.
 */
export const policyDrafts = pgTable("policy_drafts", {
  workflow: text("workflow").primaryKey(),
  policy: jsonb("policy").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Published policy documents; rows are never updated, only added. */
export const policyVersions = pgTable(
  "policy_versions",
  {
    version: integer("version").primaryKey(),
    document: jsonb("document").notNull(),
    /** SHA-256 hex of the document as canonical JSON (object keys sorted at every level). */
    contentHash: text("content_hash").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    /** Label of the actor who published, as in the audit log. */
    publishedBy: text("published_by").notNull(),
    note: text("note"),
    /** The older version this one copies, when it was published by a rollback. */
    rolledBackFrom: integer("rolled_back_from"),
  },
  (table) => [check("policy_versions_version_check", sql`${table.version} > 0`)],
);

/**
 * Budget alerts already fired. The primary key makes each threshold fire at
 * most once per workflow and period, however often spend is re-evaluated.
 */
export const budgetAlerts = pgTable(
  "budget_alerts",
  {
    workflow: text("workflow").notNull(),
    periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
    /** Percent of the limit, as in the policy's alertThresholdsPercent. */
    threshold: numeric("threshold").notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
    /** Spend and percent used when the alert fired, as sent to webhooks. */
    payload: jsonb("payload").notNull(),
  },
  (table) => [primaryKey({ columns: [table.workflow, table.periodStart, table.threshold] })],
);

/**
 * Receivers of budget alerts. The secret is stored in clear because the
 * sender needs it to compute each HMAC signature; it is shown once on create
 * and never returned or logged afterwards.
 */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  createdBy: text("created_by"),
  /** Set on delete; pending deliveries to a deleted webhook are abandoned. */
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
});

/** Outbox of webhook calls: one row per alert and webhook, retried until delivered or dead. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id),
    /** `workflow|period start ISO|threshold`, the key of the alert row. */
    alertKey: text("alert_key").notNull(),
    payload: jsonb("payload").notNull(),
    attempts: smallint("attempts").notNull().default(0),
    /** Null once delivered or given up. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (table) => [
    index("webhook_deliveries_due_idx")
      .on(table.nextAttemptAt)
      .where(sql`${table.nextAttemptAt} is not null`),
  ],
);

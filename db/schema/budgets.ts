import { sql } from "drizzle-orm";
import { check, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A spending limit per workflow and period, in USD. */
export const budgets = pgTable(
  "budgets",
  {
    workflow: text("workflow").primaryKey(),
    amountUsd: numeric("amount_usd", { precision: 30, scale: 12 }).notNull(),
    period: text("period").notNull(),
    timeZone: text("time_zone").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("budgets_period_check", sql`${table.period} in ('day', 'week', 'month', 'quarter')`),
    check("budgets_amount_check", sql`${table.amountUsd} > 0`),
  ],
);

import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Price rows added by an operator (negotiated, self-hosted or new models).
 * A row with the id of a built-in row replaces it. `row` contains the full price
 * row with every price as a decimal string, so no precision is lost.
 */
export const customPrices = pgTable("custom_prices", {
  id: text("id").primaryKey(),
  row: jsonb("row").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

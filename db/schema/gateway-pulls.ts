import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { apiKeys } from "./keys";

/** One pull of the published policy by a gateway key, whether served in full or as 304. */
export const gatewayPulls = pgTable(
  "gateway_pulls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    keyId: uuid("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    /** Published policy version the gateway has after this pull. */
    version: integer("version").notNull(),
    /** `policy`, `litellm` or `portkey`. */
    format: text("format").notNull(),
    status: integer("status").notNull(),
    pulledAt: timestamp("pulled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("gateway_pulls_status_check", sql`${table.status} in (200, 304)`),
    index("gateway_pulls_key_time_idx").on(table.keyId, table.pulledAt),
  ],
);

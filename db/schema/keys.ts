import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** API keys; only a SHA-256 hash of the secret is stored, with a short prefix to tell keys apart. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Workflows a gateway key may read; null means every workflow. */
    workflows: text("workflows").array(),
    createdBy: text("created_by"),
  },
  (table) => [
    check("api_keys_kind_check", sql`${table.kind} in ('ingest', 'gateway')`),
    index("api_keys_prefix_idx").on(table.prefix),
  ],
);

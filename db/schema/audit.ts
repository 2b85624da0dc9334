import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every change to users, roles, keys, budgets, thresholds, prices and policy,
 * written in the transaction of the change. A trigger rejects UPDATE and
 * DELETE, so entries cannot be edited or removed through the product.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** `user` or `api_key`. */
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id").notNull(),
    /** The user's email or the key's name, as it was at the time. */
    actorLabel: text("actor_label").notNull(),
    /** Verb on the entity, such as `budget.update` or `api_key.revoke`. */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (table) => [
    index("audit_events_occurred_idx").on(table.occurredAt),
    index("audit_events_entity_idx").on(table.entityType, table.entityId),
  ],
);

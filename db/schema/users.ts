import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** People who sign in. `email` is stored lower-case; `password_hash` is null for single sign-on only. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    passwordHash: text("password_hash"),
    oidcSubject: text("oidc_subject").unique(),
    /** Raised to sign the user out everywhere: sessions carry the version they were issued with. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (table) => [check("users_role_check", sql`${table.role} in ('viewer', 'analyst', 'finance', 'admin')`)],
);

/** Failed sign-in attempts, kept to rate-limit guessing by account and by client address. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    email: text("email").notNull(),
    clientAddress: text("client_address").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("sign_in_failures_email_idx").on(table.email, table.failedAt),
    index("sign_in_failures_address_idx").on(table.clientAddress, table.failedAt),
  ],
);

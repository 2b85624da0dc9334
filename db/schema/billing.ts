import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const money = (name: string) => numeric(name, { precision: 30, scale: 12 });
const count = (name: string) => bigint(name, { mode: "number" });

/**
 * One upload or command-line import of a billing file. The row is written
 * before the file is read and finished in a separate statement, so a failed
 * import keeps its status and error while its lines are rolled back.
 */
export const billingImports = pgTable(
  "billing_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fileName: text("file_name").notNull(),
    /** Format given by the caller, else the one read from the content once known. */
    format: text("format"),
    /** SHA-256 of the bytes as received (compressed, for a gzip file), once fully read. */
    sha256: text("sha256"),
    /** Size announced by the client (Content-Length or the file's size), for progress. */
    sizeBytes: count("size_bytes"),
    bytesRead: count("bytes_read").notNull().default(0),
    status: text("status").notNull(),
    /** Billing lines read plus rows rejected; equals the four counts below once completed. */
    rowsRead: count("rows_read").notNull().default(0),
    rowsImported: count("rows_imported").notNull().default(0),
    /** Lines already stored whose amounts this import changed (a restated charge). */
    rowsRestated: count("rows_restated").notNull().default(0),
    /** Lines already stored unchanged, or repeated within the file. */
    rowsDuplicate: count("rows_duplicate").notNull().default(0),
    rowsRejected: count("rows_rejected").notNull().default(0),
    error: text("error"),
    createdByType: text("created_by_type").notNull(),
    createdById: text("created_by_id").notNull(),
    /** The user's email or the key's name at the time. */
    createdBy: text("created_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last progress write; a running import that stops writing is failed as interrupted. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    check(
      "billing_imports_status_check",
      sql`${table.status} in ('pending', 'running', 'completed', 'failed')`,
    ),
    index("billing_imports_started_idx").on(table.startedAt),
  ],
);

/** Rejected rows of an import, the first ones only; `billing_imports.rows_rejected` counts all. */
export const billingImportRejects = pgTable(
  "billing_import_rejects",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => billingImports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    column: text("column"),
    reason: text("reason").notNull(),
  },
  (table) => [index("billing_import_rejects_import_idx").on(table.importId, table.line)],
);

/**
 * Columns shared by stored billing lines and the staging rows of a running
 * import. Amounts are the bill's own decimals; none is filled from another.
 */
function billingLineColumns() {
  return {
    provider: text("provider").notNull(),
    billingAccountId: text("billing_account_id"),
    subAccountId: text("sub_account_id"),
    serviceName: text("service_name"),
    chargeCategory: text("charge_category").notNull(),
    chargeDescription: text("charge_description"),
    chargePeriodStart: timestamp("charge_period_start", { withTimezone: true }).notNull(),
    chargePeriodEnd: timestamp("charge_period_end", { withTimezone: true }).notNull(),
    /** ISO 4217 code; `XXX` for token lines that carry no amount. */
    currency: text("currency").notNull(),
    billedCost: money("billed_cost"),
    effectiveCost: money("effective_cost"),
    listCost: money("list_cost"),
    contractedCost: money("contracted_cost"),
    /** Provider of the model (`openai`, `aws.bedrock`...); null when the line is not a model charge. */
    modelProvider: text("model_provider"),
    model: text("model"),
    tokenDirection: text("token_direction"),
    tokens: numeric("tokens"),
    serviceTier: text("service_tier"),
    inferenceRoute: text("inference_route"),
    quantity: numeric("quantity"),
    unit: text("unit"),
    sourceLine: integer("source_line").notNull(),
    /** The source row as read, column name to raw text. */
    sourceRow: jsonb("source_row").notNull(),
  };
}

/**
 * Billing lines, one per charge. `charge_key` is stable across re-exports of
 * the same charge, so importing a file again inserts nothing.
 */
export const billingLines = pgTable(
  "billing_lines",
  {
    chargeKey: text("charge_key").primaryKey(),
    /** The import that first stored the line. */
    importId: uuid("import_id")
      .notNull()
      .references(() => billingImports.id),
    /** The last import that changed its amounts, if any. */
    restatedImportId: uuid("restated_import_id").references(() => billingImports.id),
    ...billingLineColumns(),
  },
  (table) => [
    check("billing_lines_currency_check", sql`${table.currency} ~ '^[A-Z]{3}$'`),
    index("billing_lines_period_idx").on(table.chargePeriodStart),
  ],
);

/**
 * Lines of a running import, written batch by batch in short statements and
 * moved into `billing_lines` in one transaction when the whole file was read.
 * One row per charge key: a later line of the file with the same key replaces
 * the earlier one.
 */
export const billingImportLines = pgTable(
  "billing_import_lines",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => billingImports.id, { onDelete: "cascade" }),
    chargeKey: text("charge_key").notNull(),
    ...billingLineColumns(),
  },
  (table) => [uniqueIndex("billing_import_lines_key").on(table.importId, table.chargeKey)],
);

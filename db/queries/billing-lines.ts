import { createHash } from "node:crypto";

import type { Queryable } from "@/db/client";
import type { BillingLine } from "@/lib/billing/types";

/** Longer keys are stored as their SHA-256, far below the btree limit of about 2,700 bytes. */
const MAX_KEY_CHARS = 512;

function storedChargeKey(key: string): string {
  if (key.length <= MAX_KEY_CHARS) return key;
  return `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

/**
 * Columns of a billing line after `charge_key`, each with its SQL type and
 * the value taken from a line.
 */
const LINE_COLUMNS: ReadonlyArray<[string, string, (line: BillingLine) => unknown]> = [
  ["provider", "text", (l) => l.provider],
  ["billing_account_id", "text", (l) => l.billingAccountId],
  ["sub_account_id", "text", (l) => l.subAccountId],
  ["service_name", "text", (l) => l.serviceName],
  ["charge_category", "text", (l) => l.chargeCategory],
  ["charge_description", "text", (l) => l.chargeDescription ?? null],
  ["charge_period_start", "timestamptz", (l) => l.chargePeriodStart],
  ["charge_period_end", "timestamptz", (l) => l.chargePeriodEnd],
  ["currency", "text", (l) => l.currency],
  ["billed_cost", "numeric", (l) => l.billedCost],
  ["effective_cost", "numeric", (l) => l.effectiveCost],
  ["list_cost", "numeric", (l) => l.listCost],
  ["contracted_cost", "numeric", (l) => l.contractedCost],
  ["model_provider", "text", (l) => l.ai?.modelProvider ?? null],
  ["model", "text", (l) => l.ai?.model ?? null],
  ["token_direction", "text", (l) => l.ai?.tokenDirection ?? null],
  ["tokens", "numeric", (l) => l.ai?.tokens ?? null],
  ["service_tier", "text", (l) => l.ai?.serviceTier ?? null],
  ["inference_route", "text", (l) => l.ai?.inferenceRoute ?? null],
  ["quantity", "numeric", (l) => l.quantity],
  ["unit", "text", (l) => l.unit],
  ["source_line", "int4", (l) => l.sourceLine],
  ["source_row", "jsonb", (l) => l.sourceRow],
];

const NAMES = LINE_COLUMNS.map(([name]) => name);
const COLUMN_LIST = NAMES.join(", ");
const RECORD_TYPES = LINE_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ");
const REPLACE_ALL = NAMES.map((name) => `${name} = excluded.${name}`).join(", ");

// A batch goes as one JSON array of records, not one array per column:
// postgres.js escapes long strings in text[] parameters slowly, and FOCUS
// source rows run to a kilobyte or more each.
const STAGE_LINES = `
  insert into billing_import_lines (import_id, charge_key, ${COLUMN_LIST})
  select $1::uuid, s.charge_key, ${NAMES.map((name) => `s.${name}`).join(", ")}
    from jsonb_to_recordset($2::text::jsonb) as s(charge_key text, ${RECORD_TYPES})
  on conflict (import_id, charge_key) do update set ${REPLACE_ALL}`;

/** PostgreSQL text and jsonb cannot hold NUL, so it is replaced like other invalid characters. */
function replaceNul(_key: string, value: unknown): unknown {
  return typeof value === "string" ? value.replace(/\u0000/g, "\uFFFD") : value;
}

/** Formats the batch's records as JSON text, rewritten only when some value contains a NUL. */
function formatRecords(keys: readonly string[], lines: readonly BillingLine[]): string {
  const records = lines.map((line, index) => {
    const record: Record<string, unknown> = { charge_key: keys[index] };
    for (const [name, , read] of LINE_COLUMNS) record[name] = read(line);
    return record;
  });
  const json = JSON.stringify(records);
  return json.includes("\\u0000") ? JSON.stringify(records, replaceNul) : json;
}

/**
 * Stages a batch of lines of a running import. Within the batch a later line
 * with the same charge key replaces an earlier one, as it does across batches.
 */
export async function stageBillingLines(
  db: Queryable,
  importId: string,
  batch: readonly BillingLine[],
): Promise<void> {
  if (batch.length === 0) return;
  // One statement may not touch a row twice, so only the last line per key goes in.
  const lastByKey = new Map<string, BillingLine>();
  for (const line of batch) lastByKey.set(storedChargeKey(line.chargeKey), line);
  await db.query(STAGE_LINES, [importId, formatRecords([...lastByKey.keys()], [...lastByKey.values()])]);
}

/** Columns whose change makes a stored line a restatement rather than a duplicate. */
const AMOUNT_COLUMNS = [
  "billed_cost",
  "effective_cost",
  "list_cost",
  "contracted_cost",
  "currency",
  "tokens",
  "quantity",
];
const STORED_AMOUNTS = AMOUNT_COLUMNS.map((name) => `b.${name}`).join(", ");
const NEW_AMOUNTS = AMOUNT_COLUMNS.map((name) => `excluded.${name}`).join(", ");

const MERGE_LINES = `
  with written as (
    insert into billing_lines as b (charge_key, import_id, ${COLUMN_LIST})
    select charge_key, import_id, ${COLUMN_LIST}
      from billing_import_lines where import_id = $1::uuid
    on conflict (charge_key) do update
      set ${REPLACE_ALL}, restated_import_id = excluded.import_id
      where (${STORED_AMOUNTS}) is distinct from (${NEW_AMOUNTS})
    returning b.import_id = $1::uuid as inserted
  )
  select count(*) filter (where inserted)::text as imported,
         count(*) filter (where not inserted)::text as restated
    from written`;

/**
 * Moves the staged lines of an import into `billing_lines`: a new charge key
 * is inserted, a stored one with other amounts is replaced (a restatement),
 * and a stored one with the same amounts is left alone. Returns the counts.
 */
export async function mergeStagedLines(
  tx: Queryable,
  importId: string,
): Promise<{ imported: number; restated: number }> {
  const [row] = await tx.query<{ imported: string; restated: string }>(MERGE_LINES, [importId]);
  return { imported: Number(row?.imported ?? 0), restated: Number(row?.restated ?? 0) };
}

/** Drops the staged lines of an import. */
export async function deleteStagedLines(db: Queryable, importId: string): Promise<void> {
  await db.query(`delete from billing_import_lines where import_id = $1::uuid`, [importId]);
}

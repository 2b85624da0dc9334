import type { Queryable } from "@/db/client";
import type { PriceRow } from "@/lib/pricing/types";

/** Inserts a custom price row, replacing one with the same id. */
export async function upsertCustomPrice(db: Queryable, row: PriceRow): Promise<void> {
  await db.query(
    `insert into custom_prices (id, row) values ($1, $2::text::jsonb)
     on conflict (id) do update set row = excluded.row, created_at = now()`,
    [row.id, JSON.stringify(row)],
  );
}

/** Loads every custom price row as stored; callers validate them. */
export async function loadCustomPrices(db: Queryable): Promise<unknown[]> {
  const rows = await db.query<{ row: string }>(`select row::text as row from custom_prices order by id`);
  return rows.map((entry) => JSON.parse(entry.row) as unknown);
}

/**
 * Arbitrary constant that serializes price book changes, so two saves cannot
 * both pass the overlap check.
 */
const PRICE_BOOK_LOCK_ID = 7_340_112_017;

/** Takes the transaction-scoped lock that a custom price change holds while it validates and writes. */
export async function lockCustomPrices(tx: Queryable): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock($1::bigint)`, [PRICE_BOOK_LOCK_ID]);
}

/** Deletes a custom price row; returns whether one existed. */
export async function deleteCustomPrice(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `delete from custom_prices where id = $1 returning id`,
    [id],
  );
  return rows.length > 0;
}

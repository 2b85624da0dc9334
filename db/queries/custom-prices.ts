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

import type { Queryable } from "@/db/client";
import { loadCustomPrices, upsertCustomPrice } from "@/db/queries/custom-prices";
import { logFor } from "@/lib/log";

import { builtinPriceBook } from "./builtin-prices";
import type { PriceBook, PriceRow } from "./types";
import { findPriceBookProblems } from "./validate-price-book";

const logger = logFor("pricing");

/** How long a loaded book is reused before custom rows are read again, in milliseconds. */
const CACHE_MS = 5_000;
let cached: { book: PriceBook; loadedAt: number; db: Queryable } | undefined;

/**
 * Merges custom rows over the built-in book: a custom row with a built-in id
 * replaces it, others are added. A custom book with problems is not used;
 * the built-in book is, and the problems are logged.
 */
export function mergePriceBook(builtin: PriceBook, custom: readonly PriceRow[]): PriceBook {
  const byId = new Map(builtin.map((row) => [row.id, row]));
  for (const row of custom) byId.set(row.id, row);
  return [...byId.values()];
}

/** Returns the price book in force: built-in rows plus the custom rows in the database. */
export async function loadPriceBook(db: Queryable): Promise<PriceBook> {
  if (cached && cached.db === db && Date.now() - cached.loadedAt < CACHE_MS) return cached.book;
  const custom = (await loadCustomPrices(db)) as PriceRow[];
  let book = builtinPriceBook;
  if (custom.length > 0) {
    const merged = mergePriceBook(builtinPriceBook, custom);
    const problems = findPriceBookProblems(merged);
    if (problems.length === 0) book = merged;
    else logger.error({ problems: problems.slice(0, 10) }, "custom prices ignored: the merged book is invalid");
  }
  cached = { book, loadedAt: Date.now(), db };
  return book;
}

/** Forgets the cached book, so a price change applies to the next request. */
export function invalidatePriceBook(): void {
  cached = undefined;
}

export class PriceRowError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid price row: ${problems.join("; ")}`);
    this.name = "PriceRowError";
  }
}

/**
 * Validates a custom price row against the whole book it joins and stores it;
 * a row with problems (bad decimals, overlapping dates, no source URL) is
 * rejected with every problem named.
 */
export async function saveCustomPrice(db: Queryable, row: PriceRow): Promise<void> {
  const custom = (await loadCustomPrices(db)) as PriceRow[];
  const problems = findPriceBookProblems(mergePriceBook(builtinPriceBook, [...custom, row]));
  if (problems.length > 0) throw new PriceRowError(problems);
  await upsertCustomPrice(db, row);
  invalidatePriceBook();
}

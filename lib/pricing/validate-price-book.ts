/**
 * Consistency checks for a price book, run on the built-in book in tests and
 * meant for rows loaded from the database before they are used.
 */
import { DecimalFormatError, toUnits } from "@/lib/money/decimal";

import { SERVICE_TIERS, type PriceBook, type PriceRow } from "./types";

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const PRICE_FIELDS = [
  "inputPerMTok",
  "outputPerMTok",
  "cacheReadPerMTok",
  "cacheWrite5mPerMTok",
  "cacheWrite1hPerMTok",
  "longInputPerMTok",
  "longOutputPerMTok",
  "longCacheReadPerMTok",
  "longCacheWrite5mPerMTok",
  "longCacheWrite1hPerMTok",
  "regionalProfileMultiplier",
] as const satisfies readonly (keyof PriceRow)[];

/** Returns one message per problem, each naming the row id; empty when the book is usable. */
export function findPriceBookProblems(book: PriceBook): string[] {
  const problems = book.flatMap((row) => findRowProblems(row).map((p) => `${row.id}: ${p}`));

  const ids = new Set<string>();
  for (const row of book) {
    if (ids.has(row.id)) problems.push(`${row.id}: duplicate id`);
    ids.add(row.id);
  }
  problems.push(...findOverlaps(book));
  return problems;
}

function findRowProblems(row: PriceRow): string[] {
  const problems: string[] = [];
  if (row.model !== row.model.trim().toLowerCase()) {
    problems.push(`model "${row.model}" must be trimmed lower case, as look-ups are`);
  }
  if (!SERVICE_TIERS.includes(row.serviceTier)) {
    problems.push(`unknown service tier "${row.serviceTier}"`);
  }
  if (row.currency !== "USD") problems.push(`currency "${row.currency}" is not USD`);

  for (const field of PRICE_FIELDS) {
    const value = row[field];
    if (value === null) continue;
    try {
      if (toUnits(value) < 0n) problems.push(`${field} "${value}" is negative`);
    } catch (error) {
      if (!(error instanceof DecimalFormatError)) throw error;
      problems.push(`${field} "${value}" is not a decimal`);
    }
  }

  const hasLongPrices = row.longInputPerMTok !== null && row.longOutputPerMTok !== null;
  if ((row.longContextThresholdTokens !== null) !== hasLongPrices) {
    problems.push("long-context threshold and long input and output prices go together");
  }

  for (const [name, day] of [
    ["effectiveFrom", row.effectiveFrom],
    ["effectiveTo", row.effectiveTo],
    ["sourceCheckedOn", row.sourceCheckedOn],
  ] as const) {
    if (day !== null && !isValidDay(day)) problems.push(`${name} "${day}" is not YYYY-MM-DD`);
  }
  if (row.effectiveTo !== null && row.effectiveTo <= row.effectiveFrom) {
    problems.push(`effectiveTo ${row.effectiveTo} is not after effectiveFrom ${row.effectiveFrom}`);
  }
  if (!/^https:\/\/\S+$/.test(row.source)) problems.push(`source "${row.source}" is not a URL`);
  return problems;
}

/** Rows for the same provider, model, tier and region must not be in force on the same day. */
function findOverlaps(book: PriceBook): string[] {
  const groups = new Map<string, PriceRow[]>();
  for (const row of book) {
    const key = [row.provider, row.model, row.serviceTier, row.region ?? ""].join("|");
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }

  const problems: string[] = [];
  for (const rows of groups.values()) {
    const sorted = [...rows].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    let previous: PriceRow | null = null;
    for (const current of sorted) {
      const stillInForce =
        previous !== null &&
        (previous.effectiveTo === null || previous.effectiveTo > current.effectiveFrom);
      if (previous && stillInForce) problems.push(`${current.id}: overlaps ${previous.id}`);
      previous = current;
    }
  }
  return problems;
}

function isValidDay(day: string): boolean {
  if (!DATE_PATTERN.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
}

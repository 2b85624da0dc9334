/**
 * Finds the price row in force for one call.
 */
import { listModelCandidates } from "./model-candidates";
import { rankProvider } from "./provider-rank";
import type { PriceBook, PriceMatch, PriceQuery, PriceRow, RegionScope } from "./types";

/** Tier values that mean the ordinary pay-as-you-go price. */
const STANDARD_TIER_NAMES = new Set([
  "",
  "standard",
  "default",
  "auto",
  "on_demand",
  "standard_only",
]);

/**
 * Maps a reported service tier to the book's tier name: OpenAI's `default`,
 * a request's `auto` and a missing tier mean `standard`. Other values are only
 * lower-cased, so an unknown tier such as `scale` finds no row.
 */
export function normalizeServiceTier(tier: string | null | undefined): string {
  const name = (tier ?? "").trim().toLowerCase();
  return STANDARD_TIER_NAMES.has(name) ? "standard" : name;
}

/**
 * Returns the row in force for the call, or null when the call is unpriced.
 *
 * The regional-profile multiplier is not applied here: use findPriceMatch
 * (as priceCall does) to get it with the row.
 */
export function findPrice(book: PriceBook, query: PriceQuery): PriceRow | null {
  return findPriceMatch(book, query)?.row ?? null;
}

/**
 * Finds the row for a call and the factor to apply to it.
 *
 * The model is decided first: the first candidate id (see listModelCandidates)
 * that has any row from an eligible provider, so a dated id with rows of its
 * own never falls back to its undated alias. Among that model's rows from the
 * best-ranked provider, the row of the requested tier whose
 * [effectiveFrom, effectiveTo) contains the call's start is chosen. A tier
 * without a row gives null: batch, flex and priority never borrow standard prices.
 */
export function findPriceMatch(book: PriceBook, query: PriceQuery): PriceMatch | null {
  const atMs = toEpochMs(query.at);
  if (atMs === null) return null;

  const tier = normalizeServiceTier(query.serviceTier);
  const { candidates, regionScope } = listModelCandidates(query.model);

  for (const candidate of candidates) {
    const modelRows = rankedRowsForModel(book, query.provider, candidate);
    if (modelRows.length === 0) continue;

    const inForce = modelRows.filter(
      (row) =>
        row.serviceTier === tier &&
        regionFits(row, regionScope) &&
        isInForce(row, atMs),
    );
    // A row written for this profile scope beats a row for all scopes.
    const row = inForce.find((r) => r.region !== undefined) ?? inForce[0];
    if (!row) return null;

    return {
      row,
      multiplier: resolveMultiplier(row, regionScope),
      matchedModel: candidate,
      regionScope,
    };
  }
  return null;
}

/** Rows of one model from the best-ranked eligible provider, in book order. */
function rankedRowsForModel(
  book: PriceBook,
  queryProvider: string | null,
  model: string,
): PriceRow[] {
  let bestRank: number | null = null;
  let rows: PriceRow[] = [];
  for (const row of book) {
    if (row.model !== model) continue;
    const rank = rankProvider(queryProvider, row.provider);
    if (rank === null) continue;
    if (bestRank === null || rank < bestRank) {
      bestRank = rank;
      rows = [row];
    } else if (rank === bestRank) {
      rows.push(row);
    }
  }
  return rows;
}

function regionFits(row: PriceRow, scope: RegionScope | null): boolean {
  return row.region === undefined || row.region === scope;
}

/**
 * Returns the row's regional multiplier for a regional Bedrock profile, else "1".
 * `global.` profiles, ids without a profile prefix and rows written for one
 * scope use the row's prices unchanged.
 */
function resolveMultiplier(row: PriceRow, scope: RegionScope | null): string {
  if (scope !== "regional" || row.region !== undefined) return "1";
  return row.regionalProfileMultiplier ?? "1";
}

export function isInForce(row: PriceRow, atMs: number): boolean {
  const from = Date.parse(`${row.effectiveFrom}T00:00:00Z`);
  if (Number.isNaN(from) || atMs < from) return false;
  if (row.effectiveTo === null) return true;
  const to = Date.parse(`${row.effectiveTo}T00:00:00Z`);
  return !Number.isNaN(to) && atMs < to;
}

function toEpochMs(at: Date | string): number | null {
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  return Number.isNaN(ms) ? null : ms;
}

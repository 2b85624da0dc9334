/**
 * Reading and changing the price book through the API: every change is
 * validated against the whole merged book and audited in its own transaction.
 */
import { getDatabase, type Database, type Queryable } from "@/db/client";
import { listUnpricedUsage, type UnpricedUsage } from "@/db/queries/unpriced-usage";
import {
  deleteCustomPrice,
  loadCustomPrices,
  lockCustomPrices,
  upsertCustomPrice,
} from "@/db/queries/custom-prices";
import type { AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { getEnv } from "@/lib/env";
import { ApiError, badRequest, notFound } from "@/lib/http/api-error";
import { addDays, parseDateRange, type DateRange } from "@/lib/kpi/date-range";
import { toCanonicalJson } from "@/lib/policy/policy-hash";
import { dayInTimeZone } from "@/lib/runs/summarize-run";
import { parseInput } from "@/lib/validation/parse-input";

import { builtinPriceBook } from "./builtin-prices";
import { definePriceRow } from "./define-price-row";
import { invalidatePriceBook, mergePriceBook } from "./load-price-book";
import { priceInputSchema } from "./price-input";
import type { PriceBook, PriceRow } from "./types";
import { findPriceBookProblems } from "./validate-price-book";

export type PriceState = "in_force" | "scheduled" | "historical" | "overridden";

/** A price book row as the API lists it. */
export interface PriceListing extends PriceRow {
  origin: "builtin" | "custom";
  /** True for a custom row whose id replaces a built-in row. */
  overridesBuiltin: boolean;
  /** `overridden`: a built-in row that a custom row with its id replaces. */
  state: PriceState;
}

export interface PriceFilters {
  provider?: string | null;
  model?: string | null;
}

const AUDIT_ENTITY = "price";

function findBuiltinRow(id: string): PriceRow | undefined {
  return builtinPriceBook.find((row) => row.id === id);
}

function stateOn(row: PriceRow, today: string): PriceState {
  if (row.effectiveFrom > today) return "scheduled";
  if (row.effectiveTo !== null && row.effectiveTo <= today) return "historical";
  return "in_force";
}

/**
 * Lists every built-in and custom row, overridden built-in rows included,
 * sorted by provider, model, tier and start. Filters match case-insensitively.
 */
export async function listPrices(filters: PriceFilters = {}, db?: Queryable): Promise<PriceListing[]> {
  const database = db ?? (await getDatabase());
  const custom = (await loadCustomPrices(database)) as PriceRow[];
  const customIds = new Set(custom.map((row) => row.id));
  const today = new Date().toISOString().slice(0, 10);
  const listings: PriceListing[] = [
    ...builtinPriceBook.map((row) => ({
      ...row,
      origin: "builtin" as const,
      overridesBuiltin: false,
      state: customIds.has(row.id) ? ("overridden" as const) : stateOn(row, today),
    })),
    ...custom.map((row) => ({
      ...row,
      origin: "custom" as const,
      overridesBuiltin: findBuiltinRow(row.id) !== undefined,
      state: stateOn(row, today),
    })),
  ];
  const provider = filters.provider?.trim().toLowerCase() || null;
  const model = filters.model?.trim().toLowerCase() || null;
  return listings
    .filter((row) => provider === null || row.provider.toLowerCase() === provider)
    .filter((row) => model === null || row.model === model)
    .sort(
      (a, b) =>
        a.provider.localeCompare(b.provider) ||
        a.model.localeCompare(b.model) ||
        a.serviceTier.localeCompare(b.serviceTier) ||
        a.effectiveFrom.localeCompare(b.effectiveFrom) ||
        a.origin.localeCompare(b.origin),
    );
}

/** Look-back of the unpriced list when a request names no range, in days; today is included. */
const UNPRICED_DEFAULT_DAYS = 30;

/**
 * Lists unpriced LLM calls by provider and model for days in the
 * organization's time zone (`to` exclusive). Unlike the KPI range, the
 * default includes today, because new traffic is what needs a price.
 */
export async function listUnpricedModels(
  params: { from?: string | null; to?: string | null },
  db?: Queryable,
): Promise<DateRange & { timeZone: string; unpriced: UnpricedUsage[] }> {
  const timeZone = getEnv().ORG_TIME_ZONE;
  const tomorrow = addDays(dayInTimeZone(BigInt(Date.now()) * 1_000_000n, timeZone), 1);
  const to = params.to ?? tomorrow;
  // An invalid `to` leaves `from` unset, so parseDateRange rejects `to` by name.
  const toIsDay = !Number.isNaN(Date.parse(`${to}T00:00:00Z`));
  const from = params.from ?? (toIsDay ? addDays(to, -UNPRICED_DEFAULT_DAYS) : null);
  const range = parseDateRange({ from, to }, timeZone);
  const unpriced = await listUnpricedUsage(db ?? (await getDatabase()), { ...range, timeZone });
  return { ...range, timeZone, unpriced };
}

/** Reads the merged book without the cache, inside the caller's transaction. */
export async function loadCurrentPriceBook(
  tx: Queryable,
): Promise<{ book: PriceBook; custom: PriceRow[] }> {
  const custom = (await loadCustomPrices(tx)) as PriceRow[];
  return { book: mergePriceBook(builtinPriceBook, custom), custom };
}

/** Orders problems so those naming `id` come first; the message names both rows of an overlap. */
function describeProblems(problems: string[], id: string): string {
  const own = problems.filter((problem) => problem.includes(id));
  const others = problems.filter((problem) => !problem.includes(id));
  return [...own, ...others].join("; ");
}

/**
 * Validates a custom row against the merged book and stores it, in the
 * caller's transaction, under the price book lock. Returns the row the id had
 * before (custom, or the built-in row it overrides) and whether a custom row
 * was replaced. Throws a 400 ApiError naming every problem.
 */
export async function saveCustomPriceInTransaction(
  tx: Queryable,
  row: PriceRow,
): Promise<{ before: PriceRow | null; replacedCustom: boolean; changed: boolean }> {
  await lockCustomPrices(tx);
  const { custom } = await loadCurrentPriceBook(tx);
  const existing = custom.find((candidate) => candidate.id === row.id) ?? null;
  if (existing && toCanonicalJson(existing) === toCanonicalJson(row)) {
    return { before: existing, replacedCustom: true, changed: false };
  }
  const problems = findPriceBookProblems(mergePriceBook(builtinPriceBook, [...custom, row]));
  if (problems.length > 0) throw badRequest(`invalid price row: ${describeProblems(problems, row.id)}`);
  await upsertCustomPrice(tx, row);
  return {
    before: existing ?? findBuiltinRow(row.id) ?? null,
    replacedCustom: existing !== null,
    changed: true,
  };
}

/**
 * Adds or replaces a custom price row from a request body, with one
 * `price.create` or `price.update` audit entry in the same transaction.
 * Saving the row already stored writes nothing and no entry.
 */
export async function savePrice(
  actor: AuditActor,
  input: unknown,
  db?: Database,
): Promise<{ price: PriceRow; created: boolean }> {
  const values = parseInput(priceInputSchema, input);
  const row = definePriceRow({
    ...values,
    region: values.region ?? undefined,
    sourceCheckedOn: values.sourceCheckedOn ?? new Date().toISOString().slice(0, 10),
  });
  const database = db ?? (await getDatabase());
  const result = await database.transaction(async (tx) => {
    const saved = await saveCustomPriceInTransaction(tx, row);
    if (saved.changed) {
      await recordAudit(tx, actor, {
        action: saved.replacedCustom ? "price.update" : "price.create",
        entityType: AUDIT_ENTITY,
        entityId: row.id,
        before: saved.before,
        after: row,
      });
    }
    return saved;
  });
  invalidatePriceBook();
  return { price: row, created: !result.replacedCustom };
}

/**
 * Deletes a custom row with one `price.delete` audit entry. A built-in row
 * cannot be deleted (409). Deleting a custom override brings its built-in row
 * back, so it is rejected (409) when that row would overlap another.
 */
export async function deletePrice(actor: AuditActor, id: string, db?: Database): Promise<PriceRow> {
  const database = db ?? (await getDatabase());
  const deleted = await database.transaction(async (tx) => {
    await lockCustomPrices(tx);
    const { custom } = await loadCurrentPriceBook(tx);
    const existing = custom.find((row) => row.id === id);
    if (!existing) {
      if (findBuiltinRow(id)) {
        throw new ApiError(
          409,
          "builtin_price",
          `price row ${id} is built in and cannot be deleted; to change it, save a custom row ` +
            `with the same provider, model, tier and effective date, which overrides it`,
        );
      }
      throw notFound(`price row ${id} not found`);
    }
    const remaining = custom.filter((row) => row.id !== id);
    const problems = findPriceBookProblems(mergePriceBook(builtinPriceBook, remaining));
    if (problems.length > 0) {
      throw new ApiError(
        409,
        "price_conflict",
        `deleting ${id} would leave an invalid price book: ${problems.join("; ")}`,
      );
    }
    await deleteCustomPrice(tx, id);
    await recordAudit(tx, actor, {
      action: "price.delete",
      entityType: AUDIT_ENTITY,
      entityId: id,
      before: existing,
      after: findBuiltinRow(id) ?? null,
    });
    return existing;
  });
  invalidatePriceBook();
  return deleted;
}

/**
 * Re-applies the current price book to stored LLM calls, for prices added or
 * corrected after the calls were ingested.
 */
import { getDatabase, type Database, type Queryable } from "@/db/client";
import {
  listTracesToReprice,
  loadSpansToReprice,
  updateSpanCosts,
  type RepriceScope,
  type RepriceSpan,
  type SpanCostUpdate,
} from "@/db/queries/reprice-spans";
import { lockRuns } from "@/db/queries/store-spans";
import type { AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { getEnv } from "@/lib/env";
import { recomputeRuns } from "@/lib/ingest/recompute-runs";
import { parseDateRange } from "@/lib/kpi/date-range";
import { logFor } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";
import type { TokenUsage } from "@/lib/spans/types";

import { compareEmitterCost } from "./compare-emitter-cost";
import { loadCurrentPriceBook } from "./manage-prices";
import { priceCall } from "./price-call";
import { repriceInputSchema } from "./price-input";
import type { PriceBook } from "./types";

const logger = logFor("pricing");

/** Traces per transaction: bounds lock time and memory while runs are recomputed. */
export const REPRICE_BATCH_TRACES = 500;

/** Flags that pricing sets, so a reprice recomputes them. */
const PRICING_FLAGS = new Set(["unpriced", "emitter_cost_mismatch"]);

export interface RepriceResult {
  from: string;
  to: string;
  provider: string | null;
  model: string | null;
  /** LLM spans in the scope that were priced again. */
  spansExamined: number;
  /** Spans whose cost, status or price row changed. */
  spansChanged: number;
  /** Spans that were unpriced and now have a cost. */
  newlyPriced: number;
  /** Spans that had a cost and are now unpriced, such as after a custom row was deleted. */
  newlyUnpriced: number;
  runsRecomputed: number;
  batches: number;
}

function toNumber(value: bigint | null): number | null {
  return value === null ? null : Number(value);
}

/** Rebuilds the usage that ingest stored in the token columns; null when the span had none. */
function readUsage(span: RepriceSpan): TokenUsage | null {
  if (span.inputTokens === null || span.outputTokens === null) return null;
  return {
    input: Number(span.inputTokens),
    uncachedInput: toNumber(span.uncachedInputTokens) ?? Number(span.inputTokens),
    cacheRead: toNumber(span.cacheReadTokens) ?? 0,
    cacheWrite: toNumber(span.cacheWriteTokens) ?? 0,
    cacheWrite5m: toNumber(span.cacheWrite5mTokens),
    cacheWrite1h: toNumber(span.cacheWrite1hTokens),
    output: Number(span.outputTokens),
    reasoning: toNumber(span.reasoningTokens) ?? 0,
  };
}

/**
 * Prices one stored span as ingest would today. Spans whose token attributes
 * were invalid stay unpriced, as at ingest. Returns null when nothing changes.
 */
export function repriceSpan(span: RepriceSpan, book: PriceBook): SpanCostUpdate | null {
  const keptFlags = span.flags.filter((flag) => !PRICING_FLAGS.has(flag));
  let update: SpanCostUpdate;
  if (span.flags.includes("tokens_invalid")) {
    const flags = [...keptFlags, "unpriced"];
    update = { ...span, costUsd: null, costStatus: "unpriced", priceId: null, flags };
  } else {
    const cost = priceCall(book, {
      provider: span.provider,
      model: span.model,
      serviceTier: span.serviceTier,
      startTimeUnixNano: span.startNs,
      usage: readUsage(span),
    });
    const flags = [...keptFlags];
    if (cost.status === "unpriced") flags.push("unpriced");
    if (span.emitterCostUsd !== null && compareEmitterCost(cost.costUsd, span.emitterCostUsd)) {
      flags.push("emitter_cost_mismatch");
    }
    update = { ...span, costUsd: cost.costUsd, costStatus: cost.status, priceId: cost.priceId, flags };
  }
  const same =
    update.costStatus === span.costStatus &&
    update.priceId === span.priceId &&
    sameDecimal(update.costUsd, span.costUsd) &&
    update.flags.join(",") === span.flags.join(",");
  if (same) return null;
  return { traceId: span.traceId, spanId: span.spanId, ...pickCost(update) };
}

function pickCost(update: SpanCostUpdate): Omit<SpanCostUpdate, "traceId" | "spanId"> {
  const { costUsd, costStatus, priceId, flags } = update;
  return { costUsd, costStatus, priceId, flags };
}

/** numeric(30, 12) comes back with trailing zeros, so compare values, not text. */
function sameDecimal(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const strip = (value: string) => (value.includes(".") ? value.replace(/\.?0+$/, "") : value);
  return strip(a) === strip(b);
}

/**
 * Re-prices the stored LLM calls that started in [from, to) (days in the
 * organization's time zone) with the current book and recomputes their runs
 * and daily totals, REPRICE_BATCH_TRACES traces per transaction. One
 * `price.reprice` audit entry with the counts is written with the last batch;
 * if a later batch fails, the committed batches are audited as incomplete.
 */
export async function repriceStoredCalls(
  actor: AuditActor,
  input: unknown,
  db?: Database,
): Promise<RepriceResult> {
  const values = parseInput(repriceInputSchema, input);
  const timeZone = getEnv().ORG_TIME_ZONE;
  const range = parseDateRange({ from: values.from, to: values.to }, timeZone);
  const scope: RepriceScope = { ...range, timeZone, provider: values.provider, model: values.model };
  const database = db ?? (await getDatabase());

  const result: RepriceResult = {
    ...range,
    provider: values.provider,
    model: values.model,
    spansExamined: 0,
    spansChanged: 0,
    newlyPriced: 0,
    newlyUnpriced: 0,
    runsRecomputed: 0,
    batches: 0,
  };
  const audit = (tx: Queryable, totals: RepriceResult, completed: boolean) =>
    recordAudit(tx, actor, {
      action: "price.reprice",
      entityType: "price_book",
      entityId: `${range.from}..${range.to}`,
      before: null,
      after: { ...totals, completed },
    });

  const traceIds = await listTracesToReprice(database, scope);
  if (traceIds.length === 0) {
    await database.transaction((tx) => audit(tx, result, true));
    return result;
  }
  try {
    for (let start = 0; start < traceIds.length; start += REPRICE_BATCH_TRACES) {
      const batch = traceIds.slice(start, start + REPRICE_BATCH_TRACES);
      const isLast = start + REPRICE_BATCH_TRACES >= traceIds.length;
      const counts = await database.transaction(async (tx) => {
        const batchCounts = await repriceBatch(tx, scope, batch, timeZone);
        if (isLast) await audit(tx, addCounts(result, batchCounts), true);
        return batchCounts;
      });
      // Added only after the commit: a rolled-back batch changed nothing.
      Object.assign(result, addCounts(result, counts));
    }
  } catch (error) {
    if (result.batches > 0) {
      logger.error({ err: error, ...result }, "reprice failed after some batches were committed");
      await database.transaction((tx) => audit(tx, result, false)).catch((auditError: unknown) => {
        logger.error({ err: auditError }, "recording the incomplete reprice failed");
      });
    }
    throw error;
  }
  return result;
}

type BatchCounts = Pick<
  RepriceResult,
  "spansExamined" | "spansChanged" | "newlyPriced" | "newlyUnpriced" | "runsRecomputed"
>;

function addCounts(totals: RepriceResult, batch: BatchCounts): RepriceResult {
  return {
    ...totals,
    spansExamined: totals.spansExamined + batch.spansExamined,
    spansChanged: totals.spansChanged + batch.spansChanged,
    newlyPriced: totals.newlyPriced + batch.newlyPriced,
    newlyUnpriced: totals.newlyUnpriced + batch.newlyUnpriced,
    runsRecomputed: totals.runsRecomputed + batch.runsRecomputed,
    batches: totals.batches + 1,
  };
}

async function repriceBatch(
  tx: Queryable,
  scope: RepriceScope,
  traceIds: string[],
  timeZone: string,
): Promise<BatchCounts> {
  // Ingest takes the same locks, so a run is never recomputed by both at once.
  await lockRuns(tx, traceIds);
  const { book } = await loadCurrentPriceBook(tx);
  const spans = await loadSpansToReprice(tx, scope, traceIds);
  const updates: SpanCostUpdate[] = [];
  let newlyPriced = 0;
  let newlyUnpriced = 0;
  for (const span of spans) {
    const update = repriceSpan(span, book);
    if (!update) continue;
    updates.push(update);
    if (span.costStatus === "unpriced" && update.costStatus === "priced") newlyPriced += 1;
    if (span.costStatus === "priced" && update.costStatus === "unpriced") newlyUnpriced += 1;
  }
  await updateSpanCosts(tx, updates);
  const changedTraces = [...new Set(updates.map((update) => update.traceId))];
  const runsRecomputed = await recomputeRuns(tx, changedTraces, timeZone);
  return {
    spansExamined: spans.length,
    spansChanged: updates.length,
    newlyPriced,
    newlyUnpriced,
    runsRecomputed,
  };
}

/**
 * Stage-by-stage timing of the ingest path, for bench/time-ingest-stages.ts:
 * the real key check, decoder and `ingestSpans`, with the database wrapped so
 * each statement and transaction step is timed.
 */
import { openDatabase, type Database } from "@/db/client";
import type { StoredSpan } from "@/db/queries/store-spans";
import { ingestSpans } from "@/lib/ingest/ingest-spans";
import { priceSpan } from "@/lib/ingest/price-span";
import { createApiKey, verifyApiKeyOfKinds } from "@/lib/keys/api-keys";
import { decodeProtobufRequest } from "@/lib/otlp/decode-protobuf";
import { loadPriceBook } from "@/lib/pricing/load-price-book";
import type { PriceBook } from "@/lib/pricing/types";
import { normalizeSpan } from "@/lib/spans/normalize";

import { connect, createBenchDatabase, dropBenchDatabase, withDatabase } from "./bench-database";
import { copyBatches, copyBatchesThroughStaging } from "./copy-batches";
import { generateTraces } from "./generate-traces";
import { addSince, StageClock, takeInstant, wrapDatabase, type Stage } from "./timing-database";

export type PlanCacheMode = "auto" | "force_custom_plan" | "force_generic_plan";

export interface TableScans {
  relname: string;
  seq_scan: string;
  seq_tup_read: string;
  idx_scan: string;
}

export interface StageReport {
  spans: number;
  batches: number;
  /** Wall time of each stage. */
  wallMs: Record<Stage, number>;
  /** CPU time of this Node.js process in each stage. The rest of the wall time is waiting. */
  cpuMs: Record<Stage, number>;
  /** Sequential and index scans per table during the timed stages, from pg_stat_user_tables. */
  scans: TableScans[];
  /** Per-batch COPY of the same spans, each in its own transaction. */
  copyPerBatchMs: number;
  /** Per-batch COPY into a staging table plus `insert ... on conflict do nothing returning`. */
  stagingPerBatchMs: number;
}

export interface StageOptions {
  spans: number;
  batch: number;
  databaseUrl: string;
  seed: string;
  /** PostgreSQL plan_cache_mode set on the throwaway database, `auto` by default. */
  planCacheMode: PlanCacheMode;
  /** Batches between untimed ANALYZE runs, as autovacuum would run it, or 0 for none. */
  analyzeEvery: number;
}

/**
 * Ingests every body the way `receiveTraces` does after reading it: key
 * check, decode, then `ingestSpans`, whose work before its transaction is the
 * normalizing and pricing, and whose work after the commit is its follow-up.
 */
async function ingestTimed(
  db: Database,
  bodies: readonly Uint8Array[],
  options: StageOptions,
  clock: StageClock,
): Promise<void> {
  const { secret } = await createApiKey(db, { name: "stage timing", kind: "ingest" });
  const priceBook = await loadPriceBook(db);
  const timed = wrapDatabase(db, clock);
  for (const [index, body] of bodies.entries()) {
    if (options.analyzeEvery > 0 && index > 0 && index % options.analyzeEvery === 0) {
      await db.query("analyze spans, runs, workflow_daily");
    }
    const key = await clock.time("key lookup and touch", () => verifyApiKeyOfKinds(timed, secret));
    if (key?.kind !== "ingest") throw new Error("the benchmark's ingest key was not accepted");
    const decoded = await clock.time("decode protobuf", () => decodeProtobufRequest(body));

    const started = takeInstant();
    await ingestSpans(timed, decoded.spans, { timeZone: "UTC", priceBook });
    const transaction = timed.lastTransaction;
    if (!transaction || transaction.called.wallMs < started.wallMs) {
      throw new Error("ingestSpans opened no transaction; the stage timer needs updating");
    }
    const { called } = transaction;
    const cpuMicros =
      called.cpu.user - started.cpu.user + (called.cpu.system - started.cpu.system);
    clock.add("normalize and price", {
      wallMs: called.wallMs - started.wallMs,
      cpuMs: cpuMicros / 1000,
    });
    addSince(clock, "after commit", transaction.committed);
  }
}

/** Decodes, normalizes and prices the bodies again, for the COPY passes. */
function prepareBatches(bodies: readonly Uint8Array[], priceBook: PriceBook): StoredSpan[][] {
  return bodies.map((body) =>
    decodeProtobufRequest(body).spans.map((span) => priceSpan(normalizeSpan(span), priceBook)),
  );
}

/** Times the stages over freshly generated traces in throwaway databases. */
export async function timeStages(options: StageOptions): Promise<StageReport> {
  const generated = generateTraces({
    spans: options.spans,
    batch: options.batch,
    seed: options.seed,
    windowStartMs: Date.UTC(2026, 9, 1),
    windowDays: 30,
  });
  const clock = new StageClock();
  const admin = connect(options.databaseUrl);
  const databases: string[] = [];
  const createDatabase = async () => {
    const name = await createBenchDatabase(admin);
    databases.push(name);
    return { name, url: withDatabase(options.databaseUrl, name) };
  };
  try {
    const stages = await createDatabase();
    await admin.unsafe(
      `alter database ${stages.name} set plan_cache_mode = ${options.planCacheMode}`,
    );
    const db = await openDatabase({ url: stages.url, maxConnections: 1 });
    await ingestTimed(db, generated.bodies, options, clock);
    await db.query("select pg_stat_force_next_flush()");
    const scans = await db.query<TableScans>(
      `select relname, seq_scan::text, seq_tup_read::text, idx_scan::text from pg_stat_user_tables
        where relname in ('spans', 'runs', 'workflow_daily') order by relname`,
    );
    const batches = prepareBatches(generated.bodies, await loadPriceBook(db));
    await db.close();

    const writeInFreshDatabase = async (
      write: (sql: ReturnType<typeof connect>, all: StoredSpan[][]) => Promise<number>,
    ) => {
      const { url } = await createDatabase();
      await (await openDatabase({ url, maxConnections: 1 })).close();
      const sql = connect(url);
      try {
        return await write(sql, batches);
      } finally {
        await sql.end({ timeout: 5 });
      }
    };
    const copyPerBatchMs = await writeInFreshDatabase(copyBatches);
    const stagingPerBatchMs = await writeInFreshDatabase(copyBatchesThroughStaging);

    return {
      spans: generated.spanCount,
      batches: generated.bodies.length,
      wallMs: clock.wallMs,
      cpuMs: clock.cpuMs,
      scans,
      copyPerBatchMs,
      stagingPerBatchMs,
    };
  } finally {
    for (const name of databases) await dropBenchDatabase(admin, name);
    await admin.end({ timeout: 5 });
  }
}

import { mkdirSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

import { getEnv } from "@/lib/env";
import { lockPgliteFolder } from "./pglite-lock";
import { logFor } from "@/lib/log";

const logger = logFor("db");

/** Runs one SQL statement with positional parameters ($1, $2, ...) and returns its rows. */
export interface Queryable {
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: "postgresql" | "pglite";
  /** Runs `work` in one transaction; a thrown error rolls everything back. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or `memory://` for a throwaway database. */
  pgliteDir?: string;
  /** Largest number of pooled connections to PostgreSQL. */
  maxConnections?: number;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
/** Arbitrary constant that serializes migrations across processes sharing one server. */
const MIGRATION_LOCK_ID = 7_340_112_001;

function openPostgres(url: string, maxConnections: number): Database {
  const sql = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    // Dates and int8 stay strings: callers parse them with BigInt or as calendar days.
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
  });
  const bind = (runner: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const rows = await runner.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: true,
      });
      return rows as unknown as Row[];
    },
  });
  return {
    kind: "postgresql",
    ...bind(sql),
    async transaction(work) {
      return (await sql.begin((tx) => work(bind(tx)))) as Awaited<ReturnType<typeof work>>;
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}

async function openPglite(dir: string): Promise<Database> {
  let unlock = () => {};
  if (!dir.startsWith("memory://")) {
    mkdirSync(dir, { recursive: true });
    unlock = lockPgliteFolder(dir);
  }
  const pg = new PGlite(dir);
  try {
    await migratePglite(drizzlePglite(pg), { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await pg.close();
    unlock();
    throw error;
  }
  const bind = (runner: Pick<PGlite, "query">): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query<Row>(text, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: "pglite",
    ...bind(pg),
    transaction: (work) => pg.transaction((tx) => work(bind(tx))),
    async close() {
      await pg.close();
      unlock();
    },
  };
}

async function migratePostgresServer(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres(sql), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Opens the database and applies pending migrations before returning it. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) {
    await migratePostgresServer(options.url);
    logger.info({ kind: "postgresql" }, "database ready");
    return openPostgres(options.url, options.maxConnections ?? 10);
  }
  const dir = options.pgliteDir ?? ".data/pglite";
  const db = await openPglite(dir);
  logger.info({ kind: "pglite", dir }, "database ready");
  return db;
}

/**
 * The process-wide database lives on globalThis because Next.js bundles
 * instrumentation and route handlers separately, each with its own copy of
 * this module. Two PGlite instances on one folder lose writes.
 */
const SHARED_KEY = Symbol.for("inference-ledger.database");
type SharedSlot = { [SHARED_KEY]?: Promise<Database> };
const slot = globalThis as SharedSlot;

/** Returns the process-wide database, opened from the environment on first use. */
export function getDatabase(): Promise<Database> {
  let shared = slot[SHARED_KEY];
  if (!shared) {
    const env = getEnv();
    shared = openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
    slot[SHARED_KEY] = shared;
    // A failed open is retried on the next call instead of being cached forever.
    shared.catch((error: unknown) => {
      logger.error({ err: error }, "opening the database failed");
      if (slot[SHARED_KEY] === shared) slot[SHARED_KEY] = undefined;
    });
  }
  return shared;
}

/** Closes the process-wide database; the next getDatabase() opens it again. */
export async function closeDatabase(): Promise<void> {
  const current = slot[SHARED_KEY];
  slot[SHARED_KEY] = undefined;
  if (current) await (await current).close();
}

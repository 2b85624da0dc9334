/**
 * Throwaway databases for the benchmark on the given PostgreSQL server, and
 * the checks that compare what the two write paths stored.
 */
import { randomBytes } from "node:crypto";

import postgres from "postgres";


/** Returns `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function connect(url: string): postgres.Sql {
  return postgres(url, { max: 1, onnotice: () => {} });
}

/** Creates an empty database named `il_bench_<random>` and returns its name. */
export async function createBenchDatabase(admin: postgres.Sql): Promise<string> {
  const name = `il_bench_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  return name;
}

/** Drops a benchmark database, ending any session still connected to it. */
export async function dropBenchDatabase(admin: postgres.Sql, name: string): Promise<void> {
  if (!/^il_bench_[0-9a-f]+$/.test(name)) {
    throw new Error(`invalid database "${name}": only il_bench_<hex> databases are dropped`);
  }
  await admin.unsafe(`drop database if exists ${name} with (force)`);
}

export interface StoredCounts {
  spans: number;
  runs: number;
  /** Sum of `workflow_daily.runs`, which must equal the number of runs. */
  dailyRuns: number;
}

export async function countStoredRows(sql: postgres.Sql): Promise<StoredCounts> {
  const [row] = await sql<Array<{ spans: string; runs: string; daily_runs: string | null }>>`
    select (select count(*) from spans)::text as spans,
           (select count(*) from runs)::text as runs,
           (select sum(runs) from workflow_daily)::text as daily_runs`;
  return {
    spans: Number(row!.spans),
    runs: Number(row!.runs),
    dailyRuns: Number(row!.daily_runs ?? 0),
  };
}

export interface Fingerprints {
  spans: string;
  runs: string;
  daily: string;
}

/**
 * Hashes every column of every stored row of each table, except the write
 * times, so two databases with the same data hash the same. Daily rows whose
 * totals are all zero, left behind when a run moves to another workflow, are
 * left out.
 */
export async function fingerprintTables(sql: postgres.Sql): Promise<Fingerprints> {
  const [row] = await sql<Array<{ spans: string; runs: string; daily: string }>>`
    select
      (select md5(string_agg((to_jsonb(s) - 'received_at')::text, E'\n'
                             order by trace_id, span_id)) from spans as s) as spans,
      (select md5(string_agg((to_jsonb(r) - 'updated_at')::text, E'\n' order by trace_id))
         from runs as r) as runs,
      (select md5(string_agg(to_jsonb(d)::text, E'\n' order by workflow, day))
         from workflow_daily as d
        where exists (select 1 from jsonb_each(to_jsonb(d) - 'workflow' - 'day') as e
                       where e.value <> '0'::jsonb)) as daily`;
  return { spans: row!.spans, runs: row!.runs, daily: row!.daily };
}

/** Returns the server's version, such as `15.20`. */
export async function readServerVersion(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<Array<{ server_version: string }>>`show server_version`;
  return row!.server_version.split(" ")[0]!;
}

/**
 * Runs ANALYZE on the ingest tables every `intervalMs` until the returned
 * function is called, as an eager autovacuum would. Resolves to the number of
 * ANALYZE runs that finished.
 */
export function startPeriodicAnalyze(url: string, intervalMs: number): () => Promise<number> {
  const sql = connect(url);
  let stopped = false;
  let finished = 0;
  const loop = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      if (stopped) break;
      await sql`analyze spans, runs, workflow_daily`;
      finished += 1;
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    await sql.end({ timeout: 5 });
    return finished;
  };
}

export interface TableScans {
  table: string;
  seqScans: number;
  /** Rows read by sequential scans. */
  seqRowsRead: number;
  indexScans: number;
}

/**
 * Reads the scan counters of the ingest tables. Call it after the writers have
 * disconnected, so their last counters are flushed.
 */
export async function readTableScans(sql: postgres.Sql): Promise<TableScans[]> {
  const rows = await sql<Array<{ relname: string; seq: string; read: string; idx: string | null }>>`
    select relname, seq_scan::text as seq, seq_tup_read::text as read, idx_scan::text as idx
      from pg_stat_user_tables
     where relname in ('spans', 'runs', 'workflow_daily')
     order by relname`;
  return rows.map((row) => ({
    table: row.relname,
    seqScans: Number(row.seq),
    seqRowsRead: Number(row.read),
    indexScans: Number(row.idx ?? 0),
  }));
}

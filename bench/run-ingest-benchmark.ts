/**
 * Runs the ingest benchmark: the same generated spans through `POST /v1/traces`
 * of a production server, then through COPY, each into its own fresh
 * database on one PostgreSQL server.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { openDatabase } from "@/db/client";
import { createApiKey } from "@/lib/keys/api-keys";
import { builtinPriceBook } from "@/lib/pricing/builtin-prices";

import {
  countStoredRows,
  fingerprintTables,
  readServerVersion,
  readTableScans,
  startPeriodicAnalyze,
  type StoredCounts,
} from "./bench-database";
import { BenchResources } from "./bench-resources";
import { copyRows, prepareSpans } from "./copy-rows";
import { generateTraces, type GeneratedTraces } from "./generate-traces";
import { ensureProductionBuild, NextServer, snapshotBuild } from "./next-server";
import { postBatches, postBody, quantile } from "./post-batches";
import { RssSampler, startCpuAccounting } from "./process-stats";
import { describeMachine, type BenchResult } from "./report";
import { startWaitEventSampler } from "./wait-events";

export interface BenchOptions {
  spans: number;
  batch: number;
  clients: number;
  databaseUrl: string;
  port: number;
  seed: string;
  /** Run `next build` even when a build exists. */
  rebuild: boolean;
  /** Folder for the server's V8 CPU profile, or null for no profile. */
  cpuProfileDir: string | null;
  /** Interval of ANALYZE on the ingest database during phase 1 in milliseconds, or 0 for none. */
  analyzeEveryMs: number;
  command: string;
}

/** Runs start at 2026-10-01 UTC, after the start date of every built-in price. */
const WINDOW_START_MS = Date.UTC(2026, 9, 1);
const WINDOW_DAYS = 30;
const TIME_ZONE = "UTC";
const RSS_POLL_MS = 200;
const WAIT_EVENT_POLL_MS = 50;

const log = (message: string) => process.stderr.write(`${message}\n`);

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`verification failed: ${message}`);
}

let active: BenchResources | null = null;

/** Stops the server and drops the databases of a run in progress, as after SIGINT. */
export async function releaseActiveBenchmark(): Promise<void> {
  await active?.release();
}

interface IngestPhase {
  url: string;
  counts: StoredCounts;
  result: BenchResult["ingest"];
}

/** Phase 1: POSTs every body to a fresh server and database and checks what was stored. */
async function runIngestPhase(
  resources: BenchResources,
  options: BenchOptions,
  generated: GeneratedTraces,
): Promise<IngestPhase> {
  const url = await resources.createDatabase();
  const setup = await openDatabase({ url, maxConnections: 1 });
  const { secret } = await createApiKey(setup, { name: "ingest benchmark", kind: "ingest" });
  await setup.close();

  log(`starting the server on port ${options.port}`);
  const nodeArgs = options.cpuProfileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`]
    : [];
  const server = await NextServer.start({
    appDir: resources.appDir!,
    port: options.port,
    databaseUrl: url,
    nodeArgs,
  });
  resources.server = server;
  const tracesUrl = `${server.baseUrl}/v1/traces`;
  // An empty request loads the route and checks the key without storing anything.
  await postBody(tracesUrl, secret, new Uint8Array(0), -1);

  log(`phase 1: ${generated.bodies.length} bodies from ${options.clients} clients`);
  const rss = new RssSampler(server.pid, RSS_POLL_MS);
  const stopCpu = startCpuAccounting(server.pid);
  const stopAnalyze =
    options.analyzeEveryMs > 0 ? startPeriodicAnalyze(url, options.analyzeEveryMs) : null;
  const database = new URL(url).pathname.slice(1);
  const stopWaitEvents = startWaitEventSampler(resources.admin, database, WAIT_EVENT_POLL_MS);
  const posted = await postBatches({
    url: tracesUrl,
    apiKey: secret,
    bodies: generated.bodies,
    clients: options.clients,
  });
  const analyzeRuns = stopAnalyze ? await stopAnalyze() : 0;
  const waitEvents = await stopWaitEvents();
  const cpu = stopCpu();
  const memory = rss.stop();
  // The server stops before phase 2, so the COPY phase has the machine to itself.
  await server.stop();
  resources.server = null;

  const sql = resources.connect(url);
  const counts = await countStoredRows(sql);
  const tableScans = await readTableScans(sql);
  const expected = `expected ${generated.spanCount} spans and ${generated.runCount} runs`;
  check(counts.spans === generated.spanCount, `ingest stored ${counts.spans} spans, ${expected}`);
  check(counts.runs === generated.runCount, `ingest stored ${counts.runs} runs, ${expected}`);
  check(
    counts.dailyRuns === generated.runCount,
    `ingest daily totals count ${counts.dailyRuns} runs, ${expected}`,
  );
  return {
    url,
    counts,
    result: {
      wallMs: posted.wallMs,
      spansPerSecond: generated.spanCount / (posted.wallMs / 1000),
      latencyMs: {
        p50: quantile(posted.latenciesMs, 0.5),
        p95: quantile(posted.latenciesMs, 0.95),
        max: Math.max(...posted.latenciesMs),
      },
      server: memory,
      cpu,
      analyzeRuns,
      tableScans,
      waitEvents,
    },
  };
}

/** Phase 2: prepares the same spans in this process, then times COPY into a fresh database. */
async function runCopyPhase(
  resources: BenchResources,
  generated: GeneratedTraces,
): Promise<{ url: string; counts: StoredCounts; result: BenchResult["copy"] }> {
  const url = await resources.createDatabase();
  await (await openDatabase({ url, maxConnections: 1 })).close();

  log("phase 2: decoding, normalizing and pricing (not timed)");
  const started = performance.now();
  const spans = prepareSpans(generated.bodies, builtinPriceBook);
  const prepareMs = performance.now() - started;
  const sql = resources.connect(url);
  await sql`select 1`;

  log("phase 2: COPY");
  const stopCpu = startCpuAccounting(null);
  const timings = await copyRows(sql, spans, TIME_ZONE);
  const cpu = stopCpu();

  const counts = await countStoredRows(sql);
  check(counts.spans === generated.spanCount, `COPY stored ${counts.spans} spans`);
  check(counts.runs === generated.runCount, `COPY stored ${counts.runs} runs`);
  const totalMs = timings.spansMs + timings.summarizeMs + timings.runsCopyMs + timings.dailyCopyMs;
  return {
    url,
    counts,
    result: {
      ...timings,
      prepareMs,
      cpu,
      spansPerSecond: generated.spanCount / (timings.spansMs / 1000),
      totalMs,
      spansPerSecondWithRuns: generated.spanCount / (totalMs / 1000),
    },
  };
}

/** Runs the benchmark, writes its JSON record and returns the result. */
export async function runIngestBenchmark(options: BenchOptions): Promise<BenchResult> {
  const resources = new BenchResources(options.databaseUrl);
  active = resources;
  try {
    const machine = describeMachine(await readServerVersion(resources.admin));
    ensureProductionBuild(options.rebuild);
    // A CPU profile names the server's files, so its copy of the build stays next to it.
    const profileDir = options.cpuProfileDir ? path.resolve(options.cpuProfileDir) : null;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const snapshot = snapshotBuild(profileDir ?? undefined);
    resources.appDir = snapshot.dir;
    resources.keepAppDir = profileDir !== null;

    log(`generating at least ${options.spans} spans`);
    const started = performance.now();
    const generated = generateTraces({
      spans: options.spans,
      batch: options.batch,
      seed: options.seed,
      windowStartMs: WINDOW_START_MS,
      windowDays: WINDOW_DAYS,
    });
    const generateMs = performance.now() - started;

    const ingest = await runIngestPhase(resources, options, generated);
    const copy = await runCopyPhase(resources, generated);
    const [ingestPrints, copyPrints] = await Promise.all([
      fingerprintTables(resources.connect(ingest.url)),
      fingerprintTables(resources.connect(copy.url)),
    ]);

    const result: BenchResult = {
      date: new Date().toISOString(),
      command: options.command,
      buildId: snapshot.buildId,
      machine,
      options: {
        spans: options.spans,
        batch: options.batch,
        clients: options.clients,
        seed: options.seed,
        analyzeEveryMs: options.analyzeEveryMs,
      },
      generated: {
        spans: generated.spanCount,
        runs: generated.runCount,
        bodies: generated.bodies.length,
        straddlingRuns: generated.straddlingRuns,
        bodyBytes: generated.bodyBytes,
        generateMs,
      },
      ingest: ingest.result,
      copy: copy.result,
      ratio: {
        ingestToCopySpans: ingest.result.spansPerSecond / copy.result.spansPerSecond,
        ingestToCopyWithRuns: ingest.result.spansPerSecond / copy.result.spansPerSecondWithRuns,
      },
      verification: {
        ingestCounts: ingest.counts,
        copyCounts: copy.counts,
        identicalSpans: ingestPrints.spans === copyPrints.spans,
        identicalRuns: ingestPrints.runs === copyPrints.runs,
        identicalDaily: ingestPrints.daily === copyPrints.daily,
      },
    };

    mkdirSync(path.join("bench", "results"), { recursive: true });
    const file = path.join("bench", "results", `ingest-${result.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${file}`);
    return result;
  } finally {
    await resources.release();
    active = null;
  }
}

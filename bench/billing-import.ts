/**
 * Measures the billing import. It writes a FOCUS CSV of generated AWS
 * charges and imports it into a throwaway PostgreSQL database through
 * importBillingFile, the path of the upload API and `npm run billing:import`.
 * It prints rows per second and the peak resident memory of this process,
 * which runs the importer, and writes bench/results/billing-import-*.json.
 *
 *   npm run bench:billing -- [--rows 1000000] [--batch 2000] [--repeat]
 *     [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * --repeat imports the same file a second time, when every row is a duplicate.
 * The database is named il_bench_<random> and dropped at the end, also when
 * the run fails; the CSV goes to a temporary folder that is removed too.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createReadStream } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { openDatabase, type Database } from "@/db/client";
import { importBillingFile, type BillingImportResult } from "@/lib/billing/import-billing-file";

import { connect, createBenchDatabase, dropBenchDatabase, readServerVersion, withDatabase } from "./bench-database";
import { writeFocusFile } from "./generate-focus-file";

const USAGE = `options:
  --rows N              rows in the generated FOCUS file (default 1000000)
  --batch N             lines per staged statement (default 2000, the importer's default)
  --repeat              import the file a second time, as all duplicates
  --database-url URL    PostgreSQL server for the throwaway database
                        (default postgres://postgres@127.0.0.1:5432/postgres)`;

const MIB = 1024 * 1024;

function readPositiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new Error(`invalid --${name} "${value}": use a positive integer\n${USAGE}`);
  }
  return number;
}

/** Peak resident set of this process: sampled RSS and the kernel's VmHWM. */
function startMemorySampler(intervalMs: number): () => { sampledPeakMib: number; vmHwmMib: number | null } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    return { sampledPeakMib: peak / MIB, vmHwmMib: match ? Number(match[1]) / 1024 : null };
  };
}

interface ImportRun {
  label: string;
  seconds: number;
  rowsPerSecond: number;
  result: BillingImportResult;
}

async function timeImport(db: Database, file: string, label: string, batchSize: number): Promise<ImportRun> {
  const started = process.hrtime.bigint();
  const result = await importBillingFile(db, createReadStream(file), {
    fileName: path.basename(file),
    format: "focus",
    actor: { type: "cli", id: "cli", label: "bench" },
    batchSize,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== "completed") throw new Error(`${label} import failed: ${result.error}`);
  return { label, seconds, rowsPerSecond: result.rowsRead / seconds, result };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "1000000" },
      batch: { type: "string", default: "2000" },
      repeat: { type: "boolean", default: false },
      "database-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    },
  });
  const rows = readPositiveInteger("rows", values.rows);
  const batchSize = readPositiveInteger("batch", values.batch);
  const serverUrl = values["database-url"];

  const folder = mkdtempSync(path.join(tmpdir(), "il-bench-billing-"));
  const admin = connect(serverUrl);
  let databaseName: string | null = null;
  try {
    const file = path.join(folder, "focus-bench.csv");
    const generationStarted = Date.now();
    const bytes = await writeFocusFile(file, rows);
    process.stderr.write(
      `wrote ${rows} rows (${(bytes / MIB).toFixed(1)} MiB) in ${((Date.now() - generationStarted) / 1000).toFixed(1)} s\n`,
    );

    databaseName = await createBenchDatabase(admin);
    const serverVersion = await readServerVersion(admin);
    const db = await openDatabase({ url: withDatabase(serverUrl, databaseName), maxConnections: 4 });
    const baselineRssMib = process.memoryUsage().rss / MIB;
    const stopSampler = startMemorySampler(50);
    const runs: ImportRun[] = [];
    let aiLines = 0;
    try {
      runs.push(await timeImport(db, file, "first import", batchSize));
      const [counted] = await db.query<{ ai: string }>(
        `select count(*)::text as ai from billing_lines where model_provider is not null`,
      );
      aiLines = Number(counted?.ai ?? 0);
      if (values.repeat) runs.push(await timeImport(db, file, "same file again", batchSize));
    } finally {
      await db.close();
    }
    const memory = stopSampler();

    const report = {
      date: new Date().toISOString(),
      command: `npm run bench:billing -- --rows ${rows} --batch ${batchSize}${values.repeat ? " --repeat" : ""}`,
      machine: {
        cpu: cpus()[0]?.model ?? "unknown",
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
        postgres: serverVersion,
      },
      file: { rows, bytes, aiLines },
      runs: runs.map((run) => ({
        label: run.label,
        seconds: Number(run.seconds.toFixed(2)),
        rowsPerSecond: Math.round(run.rowsPerSecond),
        rowsImported: run.result.rowsImported,
        rowsDuplicate: run.result.rowsDuplicate,
        rowsRejected: run.result.rowsRejected,
      })),
      baselineRssMib: Number(baselineRssMib.toFixed(1)),
      peakRssMib: Number(memory.sampledPeakMib.toFixed(1)),
      vmHwmMib: memory.vmHwmMib === null ? null : Number(memory.vmHwmMib.toFixed(1)),
    };
    const lines = [
      `${rows} rows, ${(bytes / MIB).toFixed(1)} MiB, ${aiLines} recognized as AI model charges.`,
      "",
      "| Run | Rows | Seconds | Rows/s | Imported | Duplicates |",
      "|---|---:|---:|---:|---:|---:|",
      ...report.runs.map(
        (run) =>
          `| ${run.label} | ${rows} | ${run.seconds} | ${run.rowsPerSecond} | ${run.rowsImported} | ${run.rowsDuplicate} |`,
      ),
      "",
      `RSS of the importing process: ${report.baselineRssMib} MiB before the import, peak ` +
        `${report.peakRssMib} MiB sampled every 50 ms, VmHWM ${report.vmHwmMib} MiB.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    const resultsDir = path.join(process.cwd(), "bench", "results");
    mkdirSync(resultsDir, { recursive: true });
    const resultFile = path.join(resultsDir, `billing-import-${report.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(resultFile, `${JSON.stringify(report, null, 2)}\n`);
    process.stderr.write(`wrote ${resultFile}\n`);
  } finally {
    if (databaseName) await dropBenchDatabase(admin, databaseName);
    await admin.end({ timeout: 5 });
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

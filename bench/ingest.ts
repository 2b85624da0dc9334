/**
 * Measures spans per second through `POST /v1/traces` (protobuf) of a
 * production server on PostgreSQL, and COPY of the same rows into the same
 * tables, then prints a Markdown table and writes bench/results/ingest-*.json.
 *
 *   npm run bench:ingest -- [--spans 200000] [--batch 512] [--clients 4]
 *     [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--port 3311]
 *     [--seed ledger-bench] [--rebuild] [--cpu-prof DIR] [--analyze-every-ms N]
 *
 * It creates two databases named il_bench_<random> on that server and drops
 * them at the end, also when the run fails.
 */
import { parseArgs } from "node:util";

import type { BenchOptions } from "./run-ingest-benchmark";

const USAGE = `options:
  --spans N             minimum number of spans to send (default 200000)
  --batch N             spans per request body (default 512)
  --clients N           concurrent HTTP clients (default 4)
  --database-url URL    PostgreSQL server for the throwaway databases
                        (default postgres://postgres@127.0.0.1:5432/postgres)
  --port N              port of the benchmark's Next.js server (default 3311)
  --seed TEXT           seed of the generated traces (default ledger-bench)
  --rebuild             run next build even when .next/BUILD_ID exists
  --cpu-prof DIR        write a V8 CPU profile of the server to DIR, next to the
                        copy of the build it ran (needed to read the profile)
  --analyze-every-ms N  run ANALYZE on the ingest tables every N ms while posting
                        (default 0, never), as an eager autovacuum would`;

function readPositiveInteger(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new Error(`invalid --${name} "${value}": use a positive integer\n${USAGE}`);
  }
  return number;
}

function formatCommand(args: readonly string[]): string {
  return args.length === 0 ? "npm run bench:ingest" : `npm run bench:ingest -- ${args.join(" ")}`;
}

/** Parses and checks the options; returns null when only the help was requested. */
function parseOptions(): BenchOptions | null {
  const { values } = parseArgs({
    options: {
      spans: { type: "string", default: "200000" },
      batch: { type: "string", default: "512" },
      clients: { type: "string", default: "4" },
      "database-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
      port: { type: "string", default: "3311" },
      seed: { type: "string", default: "ledger-bench" },
      rebuild: { type: "boolean", default: false },
      "cpu-prof": { type: "string" },
      "analyze-every-ms": { type: "string", default: "0" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return null;

  const databaseUrl = values["database-url"];
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`invalid --database-url "${databaseUrl}": use a postgres:// URL`);
  }
  const analyzeEvery = values["analyze-every-ms"];
  return {
    spans: readPositiveInteger("spans", values.spans),
    batch: readPositiveInteger("batch", values.batch),
    clients: readPositiveInteger("clients", values.clients),
    port: readPositiveInteger("port", values.port),
    databaseUrl,
    seed: values.seed,
    rebuild: values.rebuild,
    cpuProfileDir: values["cpu-prof"] ?? null,
    analyzeEveryMs:
      analyzeEvery === "0" ? 0 : readPositiveInteger("analyze-every-ms", analyzeEvery),
    command: formatCommand(process.argv.slice(2)),
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  // The project's logger reads LOG_LEVEL when first imported, so it is set before the imports.
  process.env.LOG_LEVEL ??= "warn";
  const { releaseActiveBenchmark, runIngestBenchmark } = await import("./run-ingest-benchmark");
  const { formatMarkdown } = await import("./report");
  for (const [signal, exitCode] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`${signal}: stopping the server and dropping the databases\n`);
      void releaseActiveBenchmark().finally(() => process.exit(exitCode));
    });
  }

  const result = await runIngestBenchmark(options);
  process.stdout.write(`${formatMarkdown(result)}\n`);
  const { identicalSpans, identicalRuns, identicalDaily } = result.verification;
  if (!identicalSpans || !identicalRuns || !identicalDaily) {
    const row = "Stored rows identical";
    process.stderr.write(`the ingest and COPY databases differ: see the row "${row}"\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
});

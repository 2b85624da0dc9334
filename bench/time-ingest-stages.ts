/**
 * Times each stage of the ingest path in one process, one batch after the
 * other, with no HTTP server: the key check, the decoder and the real
 * `ingestSpans`. A wrapped database times each of its statements (span
 * insert, run lock, reloads, run upsert, daily deltas), the transaction steps
 * and the Node.js work between statements. Two more passes write the same
 * batches with one COPY each, directly and through a staging table.
 *
 *   npx tsx bench/time-ingest-stages.ts [--spans 200000] [--batch 512]
 *     [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 *     [--plan-cache-mode auto|force_custom_plan|force_generic_plan] [--analyze-every N]
 */
import { parseArgs } from "node:util";

import type { PlanCacheMode, StageReport } from "./stage-timer";
import type { Stage } from "./timing-database";

const PLAN_CACHE_MODES: readonly PlanCacheMode[] = [
  "auto",
  "force_custom_plan",
  "force_generic_plan",
];

function formatStages(report: StageReport, stages: readonly Stage[]): string {
  const totalWall = stages.reduce((sum, stage) => sum + report.wallMs[stage], 0);
  const totalCpu = stages.reduce((sum, stage) => sum + report.cpuMs[stage], 0);
  const row = (name: string, wallMs: number, cpuMs: number) =>
    [
      name,
      (wallMs / 1000).toFixed(2),
      (cpuMs / 1000).toFixed(2),
      `${((100 * wallMs) / totalWall).toFixed(1)} %`,
      ((1000 * wallMs) / report.spans).toFixed(1),
    ].join(" | ");
  const perBatch = (label: string, ms: number) =>
    `${label}: ${(ms / 1000).toFixed(2)} s (${Math.round(report.spans / (ms / 1000))} spans/s)`;
  return [
    `${report.spans} spans in ${report.batches} batches, one connection, one batch at a time`,
    "",
    "| Stage | Wall s | Node CPU s | Share of wall | Wall µs per span |",
    "|---|---|---|---|---|",
    ...stages.map((stage) => `| ${row(stage, report.wallMs[stage], report.cpuMs[stage])} |`),
    `| ${row("**total**", totalWall, totalCpu)} |`,
    "",
    `Spans/s through these stages: ${Math.round(report.spans / (totalWall / 1000))}`,
    "",
    "| Table | Sequential scans | Rows read by them | Index scans |",
    "|---|---|---|---|",
    ...report.scans.map(
      (scan) => `| ${scan.relname} | ${scan.seq_scan} | ${scan.seq_tup_read} | ${scan.idx_scan} |`,
    ),
    "",
    "The same span batches written one transaction per batch, spans only:",
    "",
    `- ${perBatch("COPY into spans", report.copyPerBatchMs)}`,
    `- ${perBatch("COPY into a staging table, then insert", report.stagingPerBatchMs)}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      spans: { type: "string", default: "200000" },
      batch: { type: "string", default: "512" },
      "database-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
      seed: { type: "string", default: "ledger-bench" },
      "plan-cache-mode": { type: "string", default: "auto" },
      "analyze-every": { type: "string", default: "0" },
    },
  });
  const planCacheMode = values["plan-cache-mode"] as PlanCacheMode;
  if (!PLAN_CACHE_MODES.includes(planCacheMode)) {
    throw new Error(
      `invalid --plan-cache-mode "${planCacheMode}": use ${PLAN_CACHE_MODES.join(", ")}`,
    );
  }
  for (const name of ["spans", "batch", "analyze-every"] as const) {
    const number = Number(values[name]);
    if (!Number.isSafeInteger(number) || number < (name === "analyze-every" ? 0 : 1)) {
      throw new Error(`invalid --${name} "${values[name]}": use a whole number`);
    }
  }
  // The project's logger reads LOG_LEVEL when first imported, so it is set before the imports.
  process.env.LOG_LEVEL ??= "warn";
  const { timeStages } = await import("./stage-timer");
  const { STAGES } = await import("./timing-database");
  const report = await timeStages({
    spans: Number(values.spans),
    batch: Number(values.batch),
    databaseUrl: values["database-url"],
    seed: values.seed,
    planCacheMode,
    analyzeEvery: Number(values["analyze-every"]),
  });
  process.stdout.write(`${formatStages(report, STAGES)}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
});

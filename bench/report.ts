/**
 * The benchmark's result record, the machine it ran on, and its Markdown
 * rendering.
 */
import { readFileSync } from "node:fs";
import os from "node:os";

import type { TableScans } from "./bench-database";
import type { CopyTimings } from "./copy-rows";
import type { CpuBreakdown } from "./process-stats";
import type { WaitEventShare } from "./wait-events";

export interface MachineInfo {
  cores: number;
  memoryGib: number;
  cpuModel: string;
  kernel: string;
  node: string;
  postgres: string;
  /** 1-, 5- and 15-minute load averages when the run started. */
  loadAverage: number[];
}

export function describeMachine(postgresVersion: string): MachineInfo {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? "unknown";
  return {
    cores: os.cpus().length,
    memoryGib: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: model,
    kernel: os.release(),
    node: process.version,
    postgres: postgresVersion,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export interface BenchResult {
  date: string;
  command: string;
  /** `.next/BUILD_ID` of the production build the server ran. */
  buildId: string;
  machine: MachineInfo;
  options: { spans: number; batch: number; clients: number; seed: string; analyzeEveryMs: number };
  generated: {
    spans: number;
    runs: number;
    bodies: number;
    straddlingRuns: number;
    bodyBytes: number;
    generateMs: number;
  };
  ingest: {
    wallMs: number;
    spansPerSecond: number;
    latencyMs: { p50: number; p95: number; max: number };
    server: { peakRssMib: number; vmHwmMib: number | null };
    cpu: CpuBreakdown;
    /** ANALYZE runs on the ingest database during the phase (option --analyze-every-ms). */
    analyzeRuns: number;
    /** Scan counters of the ingest tables after the phase, from pg_stat_user_tables. */
    tableScans: TableScans[];
    /** Shares of the states of the server's database sessions, sampled from pg_stat_activity. */
    waitEvents: WaitEventShare[];
  };
  copy: CopyTimings & {
    /** Decoding, normalizing and pricing in the benchmark process, not timed as COPY. */
    prepareMs: number;
    /** CPU time during the timed COPY steps, while the server is stopped. */
    cpu: CpuBreakdown;
    spansPerSecond: number;
    totalMs: number;
    spansPerSecondWithRuns: number;
  };
  ratio: { ingestToCopySpans: number; ingestToCopyWithRuns: number };
  verification: {
    ingestCounts: { spans: number; runs: number; dailyRuns: number };
    copyCounts: { spans: number; runs: number; dailyRuns: number };
    identicalSpans: boolean;
    identicalRuns: boolean;
    identicalDaily: boolean;
  };
}

const integer = (value: number) => Math.round(value).toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fixed = (value: number, digits: number) => value.toFixed(digits);

function formatCpu(cpu: CpuBreakdown, parts: Array<[string, number]>): string {
  const seconds = (value: number) => `${value.toFixed(1)} s`;
  const busy = ((100 * cpu.machineBusySeconds) / cpu.machineTotalSeconds).toFixed(0);
  const used = parts.map(([, value]) => seconds(value)).join(" / ");
  return `${used} of ${seconds(cpu.machineTotalSeconds)} (${busy} % busy)`;
}

/** Renders the result as a two-column Markdown table. */
export function formatMarkdown(result: BenchResult): string {
  const { generated, ingest, copy, ratio, verification, machine } = result;
  const straddleShare = fixed((100 * generated.straddlingRuns) / generated.runs, 1);
  const latency = ingest.latencyMs;
  const hwm = ingest.server.vmHwmMib === null ? "n/a" : integer(ingest.server.vmHwmMib);
  const identical = [
    verification.identicalSpans,
    verification.identicalRuns,
    verification.identicalDaily,
  ]
    .map((same) => (same ? "yes" : "NO"))
    .join(", ");
  const analyzeRows: Array<[string, string]> =
    result.options.analyzeEveryMs > 0
      ? [
          [
            "ANALYZE runs during ingest",
            `${ingest.analyzeRuns}, every ${result.options.analyzeEveryMs} ms`,
          ],
        ]
      : [];
  const rows: Array<[string, string]> = [
    [
      "Spans / runs / request bodies",
      `${integer(generated.spans)} / ${integer(generated.runs)} / ${generated.bodies}`,
    ],
    ["Runs split over two bodies", `${integer(generated.straddlingRuns)} (${straddleShare} %)`],
    ["Mean body size", `${integer(generated.bodyBytes / generated.bodies / 1024)} KiB`],
    ["**Ingest** wall time", seconds(ingest.wallMs)],
    ["**Ingest spans/s**", `**${integer(ingest.spansPerSecond)}**`],
    [
      "Request latency p50 / p95 / max",
      `${integer(latency.p50)} / ${integer(latency.p95)} / ${integer(latency.max)} ms`,
    ],
    ["Server peak RSS (polled) / VmHWM", `${integer(ingest.server.peakRssMib)} / ${hwm} MiB`],
    [
      "CPU during ingest: server / PostgreSQL / clients / other",
      formatCpu(ingest.cpu, [
        ["server", ingest.cpu.serverSeconds],
        ["postgres", ingest.cpu.postgresSeconds],
        ["bench", ingest.cpu.benchSeconds],
        ["other", ingest.cpu.otherSeconds],
      ]),
    ],
    ...analyzeRows,
    [
      "Server's PostgreSQL sessions, sampled",
      ingest.waitEvents
        .slice(0, 5)
        .map((event) => `${event.state} ${fixed(100 * event.share, 0)} %`)
        .join(", "),
    ],
    [
      "Sequential scans during ingest: runs / spans (rows read)",
      ["runs", "spans"]
        .map((table) => ingest.tableScans.find((scan) => scan.table === table))
        .map((scan) => (scan ? `${scan.seqScans} (${integer(scan.seqRowsRead)})` : "n/a"))
        .join(" / "),
    ],
    ["Decode + normalize + price in the bench process (not timed)", seconds(copy.prepareMs)],
    ["**COPY spans** time", seconds(copy.spansMs)],
    ["**COPY spans/s**", `**${integer(copy.spansPerSecond)}**`],
    [
      "Summarize runs / COPY runs / COPY daily",
      `${seconds(copy.summarizeMs)} / ${seconds(copy.runsCopyMs)} / ${seconds(copy.dailyCopyMs)}`,
    ],
    ["**COPY spans + runs + daily, spans/s**", `**${integer(copy.spansPerSecondWithRuns)}**`],
    [
      "CPU during COPY: PostgreSQL / bench process / other",
      formatCpu(copy.cpu, [
        ["postgres", copy.cpu.postgresSeconds],
        ["bench", copy.cpu.benchSeconds],
        ["other", copy.cpu.otherSeconds],
      ]),
    ],
    ["**Ratio ingest / COPY spans**", `**${fixed(ratio.ingestToCopySpans, 3)}**`],
    ["**Ratio ingest / COPY spans + runs + daily**", `**${fixed(ratio.ingestToCopyWithRuns, 3)}**`],
    ["Stored rows identical (spans, runs, daily)", identical],
    ["Load average at start (1 / 5 / 15 min)", machine.loadAverage.join(" / ")],
  ];
  const lines = ["| Metric | Value |", "|---|---|"];
  for (const [name, value] of rows) lines.push(`| ${name} | ${value} |`);
  return lines.join("\n");
}

/**
 * The benchmark's reference write path: the same normalized, priced spans,
 * with the run summaries and daily totals computed in memory, written to the
 * same tables with `COPY ... FROM STDIN` (text format).
 */
import type postgres from "postgres";

import { SPAN_COLUMN_NAMES, spanColumnValues, type StoredSpan } from "@/db/queries/store-spans";
import { priceSpan } from "@/lib/ingest/price-span";
import { decodeProtobufRequest } from "@/lib/otlp/decode-protobuf";
import type { PriceBook } from "@/lib/pricing/types";
import { computeDailyDeltas } from "@/lib/runs/daily-delta";
import {
  summarizeRun,
  tallyCountedCalls,
  type RunSpan,
  type RunSummary,
} from "@/lib/runs/summarize-run";
import { normalizeSpan } from "@/lib/spans/normalize";

import { copyInto, describeRecordColumns, formatCopyLine } from "./copy-text";

/** Decodes, normalizes and prices every body, as the ingest path does before it writes. */
export function prepareSpans(bodies: readonly Uint8Array[], priceBook: PriceBook): StoredSpan[] {
  const spans: StoredSpan[] = [];
  for (const body of bodies) {
    const decoded = decodeProtobufRequest(body);
    if (decoded.rejected.length > 0) {
      throw new Error(`a generated body has rejected spans: ${decoded.rejected[0]!.reason}`);
    }
    for (const span of decoded.spans) spans.push(priceSpan(normalizeSpan(span), priceBook));
  }
  return spans;
}

const FLAGS_INDEX = SPAN_COLUMN_NAMES.indexOf("flags");
/** The insert's columns plus `counted_calls`, which the ingest path's run recompute sets. */
export const SPAN_COPY_COLUMNS = [...SPAN_COLUMN_NAMES, "counted_calls"];

/** Formats a span as a COPY line of SPAN_COPY_COLUMNS. */
export function formatSpanLine(span: StoredSpan, countedCalls: number): string {
  const values: Array<string | number | null> = spanColumnValues(span);
  // The insert binds flags as comma-joined text and splits them in SQL, but COPY needs
  // the array literal. Flags are fixed lower-case words, so they need no quoting.
  values[FLAGS_INDEX] = `{${values[FLAGS_INDEX] ?? ""}}`;
  values.push(countedCalls);
  return formatCopyLine(values);
}

/** The columns of a stored span that `summarizeRun` reads, as `loadRunSpans` returns them. */
function toRunSpan(span: StoredSpan): RunSpan {
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    startNs: span.startTimeUnixNano,
    endNs: span.endTimeUnixNano,
    serviceName: span.serviceName,
    role: span.role,
    statusCode: span.statusCode,
    inputTokens: span.usage ? BigInt(span.usage.input) : null,
    outputTokens: span.usage ? BigInt(span.usage.output) : null,
    costUsd: span.costUsd,
    costStatus: span.costStatus,
    workflow: span.workflow?.name ?? null,
    workflowRank: span.workflow?.rank ?? null,
    outcome: span.outcome,
    decisions: span.decisions,
    model: span.model,
  };
}

export interface RunTotals {
  runs: RunSummary[];
  /** `spans.counted_calls` by `traceId/spanId`. A span that is absent supplies no call. */
  countedCalls: Map<string, number>;
}

/** Summarizes every run from all of its spans, with no outcome events. */
export function summarizeRuns(spans: readonly StoredSpan[], timeZone: string): RunTotals {
  const byTrace = new Map<string, RunSpan[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(toRunSpan(span));
    else byTrace.set(span.traceId, [toRunSpan(span)]);
  }
  const runs: RunSummary[] = [];
  const countedCalls = new Map<string, number>();
  for (const [traceId, runSpans] of byTrace) {
    runs.push(summarizeRun(traceId, runSpans, [], timeZone));
    for (const [spanId, count] of tallyCountedCalls(runSpans)) {
      // Span ids are unique only within a trace.
      countedCalls.set(`${traceId}/${spanId}`, count);
    }
  }
  return { runs, countedCalls };
}

export interface CopyTimings {
  /** Grouping spans by trace and running summarizeRun and computeDailyDeltas. */
  summarizeMs: number;
  spansMs: number;
  runsCopyMs: number;
  dailyCopyMs: number;
  runCount: number;
  dailyRowCount: number;
}

/**
 * Summarizes the runs, then copies `spans`, `runs` and `workflow_daily`,
 * timing each step. Formatting the COPY lines is part of each timed copy.
 */
export async function copyRows(
  sql: postgres.Sql,
  spans: readonly StoredSpan[],
  timeZone: string,
): Promise<CopyTimings> {
  let started = performance.now();
  const { runs, countedCalls } = summarizeRuns(spans, timeZone);
  const daily = computeDailyDeltas([], runs);
  const summarizeMs = performance.now() - started;

  started = performance.now();
  await copyInto(sql, "spans", SPAN_COPY_COLUMNS, spans, (span) =>
    formatSpanLine(span, countedCalls.get(`${span.traceId}/${span.spanId}`) ?? 0),
  );
  const spansMs = performance.now() - started;

  started = performance.now();
  if (runs.length > 0) {
    const { columns, format } = describeRecordColumns(runs[0]!);
    await copyInto(sql, "runs", columns, runs, format);
  }
  const runsCopyMs = performance.now() - started;

  started = performance.now();
  if (daily.length > 0) {
    const { columns, format } = describeRecordColumns(daily[0]!);
    await copyInto(sql, "workflow_daily", columns, daily, format);
  }
  const dailyCopyMs = performance.now() - started;

  return {
    summarizeMs,
    spansMs,
    runsCopyMs,
    dailyCopyMs,
    runCount: runs.length,
    dailyRowCount: daily.length,
  };
}

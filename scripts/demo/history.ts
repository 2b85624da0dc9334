/**
 * Sends the demo's 90 days of history to an OTLP/HTTP endpoint through the
 * OpenTelemetry JS SDK and its protobuf exporter, with explicit historic span
 * times, so the receiver gets what a real instrumented fleet would send.
 */
import type { Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  type IdGenerator,
} from "@opentelemetry/sdk-trace-base";

import { emitRunSpans } from "./emit-run";
import {
  assertNoExportFailures,
  buildTracesUrl,
  RecordingSpanExporter,
  watchPartialSuccess,
} from "./export-recorder";
import {
  formatUtcDay,
  listHistoryDays,
  planWorkflowDay,
  WORKFLOW_PROFILES,
  WORKFLOWS,
  type WorkflowName,
} from "./plan";
import { createRandom, type Random } from "./random";

export const DEFAULT_SEED = "inference-ledger-demo";

export interface HistoryProgress {
  /** UTC day just delivered, YYYY-MM-DD. */
  day: string;
  /** 1 for the oldest day, `days` for the last. */
  dayNumber: number;
  days: number;
  /** Runs and spans delivered so far, this day included. */
  runs: number;
  spans: number;
}

export interface SendHistoryOptions {
  /** Base URL of the receiver; spans go to `{endpoint}/v1/traces`. */
  endpoint: string;
  /** Ingest key, sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  days?: number;
  /** Last day of the history (UTC); defaults to yesterday, the last complete UTC day. */
  endDate?: Date | string;
  seed?: string | number;
  onProgress?: (progress: HistoryProgress) => void;
}

/**
 * Time the OTLP exporter spends on one batch, its retries of HTTP 429 and
 * 502-504, timeouts and connection errors included.
 * NOTE: a guess, because the app's ingest time for a 512-span batch was not measured.
 */
const EXPORT_TIMEOUT_MS = 30_000;
/** Time allowed for one day's spans (a few thousand) to be delivered. */
const FLUSH_TIMEOUT_MS = 120_000;
const INSTRUMENTATION_SCOPE = "inference-ledger-demo";
const INSTRUMENTATION_VERSION = "1.0.0";

/**
 * Trace and span ids from a seeded generator, re-seeded per run, so sending
 * the same history again repeats the same ids and a receiver that stores each
 * span once does not count it twice.
 */
class SeededIdGenerator implements IdGenerator {
  private random: Random = createRandom("");

  reseed(key: string): void {
    this.random = createRandom(key);
  }

  generateTraceId(): string {
    return this.random.hex(16);
  }

  generateSpanId(): string {
    return this.random.hex(8);
  }
}

interface Pipeline {
  workflow: WorkflowName;
  provider: BasicTracerProvider;
  tracer: Tracer;
  exporter: RecordingSpanExporter;
  ids: SeededIdGenerator;
}

function createPipeline(workflow: WorkflowName, url: string, apiKey: string): Pipeline {
  const profile = WORKFLOW_PROFILES[workflow];
  const exporter = new RecordingSpanExporter(
    new OTLPTraceExporter({
      url,
      headers: { Authorization: `Bearer ${apiKey}` },
      timeoutMillis: EXPORT_TIMEOUT_MS,
    }),
  );
  const ids = new SeededIdGenerator();
  // Every option is set explicitly because the SDK otherwise reads OTEL_BSP_*
  // and OTEL_TRACES_SAMPLER from the environment, which could drop spans.
  const processor = new BatchSpanProcessor(exporter, {
    maxExportBatchSize: 512,
    maxQueueSize: 65_536,
    scheduledDelayMillis: 1_000,
    exportTimeoutMillis: EXPORT_TIMEOUT_MS + 5_000,
  });
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        "service.name": profile.serviceName,
        "service.version": "2026.1.0",
        "deployment.environment.name": "demo",
      }),
    ),
    sampler: new AlwaysOnSampler(),
    idGenerator: ids,
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer(INSTRUMENTATION_SCOPE, INSTRUMENTATION_VERSION);
  return { workflow, provider, tracer, exporter, ids };
}

function resolveEndDay(endDate: Date | string | undefined): string {
  if (endDate === undefined) return formatUtcDay(Date.now() - 86_400_000);
  if (typeof endDate === "string") return endDate;
  if (Number.isNaN(endDate.getTime())) throw new RangeError("invalid endDate: not a valid Date");
  return formatUtcDay(endDate.getTime());
}

/**
 * Flushes every pipeline and waits for its in-flight requests, then throws if
 * an export failed, did not finish in time, or fewer than `emittedSpans`
 * spans were exported (the processor drops spans when its queue is full).
 */
async function flushPipelines(pipelines: Pipeline[], url: string, emittedSpans: number) {
  const results = await Promise.allSettled(
    pipelines.map(async (pipeline) => {
      await pipeline.provider.forceFlush({ timeoutMillis: FLUSH_TIMEOUT_MS });
      // The processor's flush does not wait for a batch it began exporting earlier.
      await pipeline.exporter.forceFlush();
    }),
  );
  assertNoExportFailures(
    pipelines.map((pipeline) => pipeline.exporter),
    url,
  );
  const rejected = results.find((result) => result.status === "rejected");
  if (rejected) {
    const reason: unknown = rejected.reason;
    const detail = Array.isArray(reason) ? reason.map(String).join("; ") : String(reason);
    throw new Error(`OTLP export to ${url} did not finish: ${detail}`);
  }
  const exported = pipelines.reduce((sum, pipeline) => sum + pipeline.exporter.exportedSpans, 0);
  if (exported !== emittedSpans) {
    throw new Error(
      `${emittedSpans - exported} of ${emittedSpans} spans were dropped before export to ${url}`,
    );
  }
}

/**
 * Sends `days` days of seeded history for the three demo workflows, one UTC day
 * at a time, and resolves once every span was accepted by the receiver.
 * Rejects on the first failed export (HTTP error, timeout, partial success).
 */
export async function sendHistory(
  options: SendHistoryOptions,
): Promise<{ spans: number; runs: number }> {
  const url = buildTracesUrl(options.endpoint);
  const endDay = resolveEndDay(options.endDate);
  const seed = String(options.seed ?? DEFAULT_SEED);
  const days = listHistoryDays(endDay, options.days ?? 90);

  const pipelines = WORKFLOWS.map((workflow) => createPipeline(workflow, url, options.apiKey));
  const unwatchers = pipelines.map((pipeline) => watchPartialSuccess(pipeline.exporter));
  let spans = 0;
  let runs = 0;
  try {
    for (const [index, day] of days.entries()) {
      const daysBeforeEnd = days.length - 1 - index;
      for (const pipeline of pipelines) {
        const planned = planWorkflowDay({ workflow: pipeline.workflow, day, daysBeforeEnd, seed });
        planned.forEach((run, runIndex) => {
          pipeline.ids.reseed(`${seed}|${endDay}|${pipeline.workflow}|${day}|${runIndex}`);
          spans += emitRunSpans(pipeline.tracer, run);
        });
        runs += planned.length;
      }
      // Flushing per day bounds the queue and surfaces a failing receiver early.
      await flushPipelines(pipelines, url, spans);
      options.onProgress?.({ day, dayNumber: index + 1, days: days.length, runs, spans });
    }
    await Promise.all(pipelines.map((pipeline) => pipeline.provider.shutdown()));
  } catch (error) {
    await Promise.allSettled(pipelines.map((pipeline) => pipeline.provider.shutdown()));
    throw error;
  } finally {
    for (const unwatch of unwatchers) unwatch();
  }
  return { spans, runs };
}

/**
 * Generates the benchmark's agent traces with the OpenTelemetry SDK and
 * encodes them as protobuf ExportTraceServiceRequest bodies of a fixed number
 * of spans, in the order a BatchSpanProcessor would export them.
 */
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  type IdGenerator,
  type ReadableSpan,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";

import { createRandom, type Random } from "@/scripts/demo/random";

import { emitRun, type RunPlan } from "./emit-run";
import { WORKFLOWS } from "./trace-catalog";

export interface GenerateOptions {
  /** Minimum number of spans. The last run may take the total a few spans past it. */
  spans: number;
  /** Spans per request body. */
  batch: number;
  seed: string;
  /** Start of the window the runs are spread over, in milliseconds since the epoch. */
  windowStartMs: number;
  windowDays: number;
}

export interface GeneratedTraces {
  bodies: Uint8Array[];
  spanCount: number;
  runCount: number;
  /** Runs whose spans are split over two or more bodies. */
  straddlingRuns: number;
  bodyBytes: number;
}

const RUN_SPANS = { min: 8, max: 12 };
/**
 * Share of runs whose root span is held back, as a slow agent's root ends
 * after other runs' spans. With the runs cut at body boundaries, this puts
 * about 5 % of runs in two bodies at 512 spans per body.
 */
const DEFERRED_ROOT_SHARE = 0.04;
/** How many spans of later runs are exported before a held-back root span. */
const DEFERRED_ROOT_DELAY = { min: 64, max: 768 };
const MS_PER_DAY = 86_400_000;

class SeededIdGenerator implements IdGenerator {
  constructor(private readonly random: Random) {}

  generateTraceId(): string {
    return this.random.hex(16);
  }

  generateSpanId(): string {
    return this.random.hex(8);
  }
}

/** Collects ended spans in end order, as the queue of a BatchSpanProcessor receives them. */
class CollectingSpanProcessor implements SpanProcessor {
  ended: ReadableSpan[] = [];

  onStart(): void {}

  onEnd(span: ReadableSpan): void {
    this.ended.push(span);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}

  take(): ReadableSpan[] {
    const spans = this.ended;
    this.ended = [];
    return spans;
  }
}

/** Cuts the span stream into bodies of `batch` spans and tracks the bodies of each trace. */
class BodyBuilder {
  readonly bodies: Uint8Array[] = [];
  spanCount = 0;
  bodyBytes = 0;
  private pending: ReadableSpan[] = [];
  private readonly firstBody = new Map<string, number>();
  private readonly straddling = new Set<string>();

  constructor(private readonly batch: number) {}

  add(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    const body = this.bodies.length;
    const first = this.firstBody.get(traceId);
    if (first === undefined) this.firstBody.set(traceId, body);
    else if (first !== body) this.straddling.add(traceId);
    this.pending.push(span);
    this.spanCount += 1;
    if (this.pending.length === this.batch) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const bytes = ProtobufTraceSerializer.serializeRequest(this.pending);
    if (!bytes) throw new Error("ProtobufTraceSerializer returned no bytes for a batch");
    this.bodies.push(bytes);
    this.bodyBytes += bytes.byteLength;
    this.pending = [];
  }

  get straddlingRuns(): number {
    return this.straddling.size;
  }
}

/** Creates one tracer provider per service, because a resource belongs to its provider. */
function createProviders(
  idGenerator: IdGenerator,
  processor: SpanProcessor,
): Map<string, BasicTracerProvider> {
  const providers = new Map<string, BasicTracerProvider>();
  for (const profile of WORKFLOWS) {
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        "service.name": profile.serviceName,
        "service.version": "2026.11.2",
        "deployment.environment.name": "production",
        "telemetry.sdk.language": "nodejs",
        "telemetry.sdk.name": "opentelemetry",
      }),
      idGenerator,
      spanProcessors: [processor],
      // Explicit limits, so OTEL_SPAN_* variables in the environment cannot change the spans.
      spanLimits: { attributeCountLimit: 128, attributeValueLengthLimit: Infinity },
    });
    providers.set(profile.serviceName, provider);
  }
  return providers;
}

/** Draws run sizes until they add up to at least `spans`. */
function planRunSizes(random: Random, spans: number): number[] {
  const sizes: number[] = [];
  let total = 0;
  while (total < spans) {
    const size = random.integer(RUN_SPANS.min, RUN_SPANS.max);
    sizes.push(size);
    total += size;
  }
  return sizes;
}

/** Exports the held-back root spans whose delay has passed, earliest due first. */
function releaseDue(
  deferred: Array<{ span: ReadableSpan; due: number }>,
  builder: BodyBuilder,
): void {
  deferred.sort((a, b) => a.due - b.due);
  while (deferred.length > 0 && deferred[0]!.due <= builder.spanCount) {
    builder.add(deferred.shift()!.span);
  }
}

/**
 * Generates runs until at least `options.spans` spans exist and encodes them.
 * Runs start in time order, evenly spread over the window. The same seed
 * gives the same bodies, byte for byte.
 */
export function generateTraces(options: GenerateOptions): GeneratedTraces {
  const random = createRandom(options.seed);
  const processor = new CollectingSpanProcessor();
  const providers = createProviders(new SeededIdGenerator(random), processor);
  const builder = new BodyBuilder(options.batch);
  const sizes = planRunSizes(random, options.spans);
  const windowMs = options.windowDays * MS_PER_DAY;
  const deferred: Array<{ span: ReadableSpan; due: number }> = [];

  sizes.forEach((spanCount, index) => {
    const profile = random.pick(WORKFLOWS);
    const plan: RunPlan = {
      profile,
      spanCount,
      startMs: options.windowStartMs + ((index + random.next()) * windowMs) / sizes.length,
    };
    emitRun(random, providers.get(profile.serviceName)!, plan);
    const spans = processor.take();
    const root = spans.pop()!;
    for (const span of spans) builder.add(span);
    if (random.chance(DEFERRED_ROOT_SHARE)) {
      const delay = random.integer(DEFERRED_ROOT_DELAY.min, DEFERRED_ROOT_DELAY.max);
      deferred.push({ span: root, due: builder.spanCount + delay });
    } else {
      builder.add(root);
    }
    releaseDue(deferred, builder);
  });
  for (const { span } of deferred) builder.add(span);
  builder.flush();

  return {
    bodies: builder.bodies,
    spanCount: builder.spanCount,
    runCount: sizes.length,
    straddlingRuns: builder.straddlingRuns,
    bodyBytes: builder.bodyBytes,
  };
}

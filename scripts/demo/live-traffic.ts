/**
 * Live demo traffic: the real `openai` client, instrumented by
 * @opentelemetry/instrumentation-openai, calls an OpenAI-compatible server at a
 * fixed interval inside `invoke_agent` parent spans, and the spans go to the
 * app over OTLP/HTTP protobuf.
 *
 * Attributes that instrumentation-openai 0.21.0 sets, read from its source and
 * from spans captured against the fake server:
 * - chat: `gen_ai.operation.name` "chat", `gen_ai.system` "openai",
 *   `gen_ai.request.model`, `server.address`, `server.port`, request options
 *   such as `gen_ai.request.max_tokens` when set, `gen_ai.response.id`,
 *   `gen_ai.response.model`, `gen_ai.response.finish_reasons`,
 *   `gen_ai.usage.input_tokens` (OpenAI `prompt_tokens`, cached tokens
 *   included) and `gen_ai.usage.output_tokens`. Streams carry usage only when
 *   `stream_options.include_usage` is set.
 * - embeddings: the same identity attributes and `gen_ai.usage.input_tokens`.
 * - It sets no `gen_ai.provider.name` (only on Responses API spans) and no
 *   cached or reasoning token counts. Failed calls get `error.type`.
 */
import { createRequire } from "node:module";

import { context, propagation, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { AlwaysOnSampler, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type OpenAI from "openai";

import {
  assertNoExportFailures,
  buildTracesUrl,
  RecordingSpanExporter,
  watchPartialSuccess,
} from "./export-recorder";
import { isWorkflowName, WORKFLOW_PROFILES, WORKFLOWS, type WorkflowName } from "./plan";

export interface LiveRun {
  workflow: string;
  traceId: string;
  outcome: "completed" | "failed";
  decisions: number;
}

export interface LiveTrafficOptions {
  /** Base URL of the receiver; spans go to `{endpoint}/v1/traces`. */
  endpoint: string;
  /** Ingest key, sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** Base URL of the OpenAI-compatible server, without `/v1`. */
  openAiBaseUrl: string;
  /** Pause between the end of one run and the start of the next; default 5,000 ms. */
  intervalMs?: number;
  /** Workflow names to cycle through; default the three demo workflows. */
  workflows?: readonly string[];
  /** Called after each run's spans have ended (they are exported in batches later). */
  onRun?: (run: LiveRun) => void;
  /** Called for each failed run or export; default writes to stderr. */
  onError?: (error: Error) => void;
}

export interface LiveTraffic {
  /** Stops the loop, exports the remaining spans and rejects if any export failed. */
  stop(): Promise<void>;
}

/**
 * OpenAI models used live. The support workflow runs on Gemini in the history
 * but on gpt-4o-mini here, because the OpenAI instrumentation labels every call
 * as provider `openai`.
 */
const LIVE_MODELS: Record<WorkflowName, string> = {
  "supplier-reorder": "gpt-4o-mini",
  "ledger-close": "gpt-5-mini",
  "support-multilingual": "gpt-4o-mini",
};

/** About 1,300 tokens, above OpenAI's 1,024-token minimum for prompt caching. */
const SYSTEM_PROMPT = Array.from(
  { length: 60 },
  (_, i) =>
    `Policy ${i + 1}: follow the approved procedure and record every decision with its reason.`,
).join("\n");

function loadInstrumentedOpenAi(): typeof OpenAI {
  // require() rather than import(): instrumentation-openai patches the module
  // through a require hook, and a dynamic import() loads the unpatched ES module.
  const requireFromHere = createRequire(import.meta.url);
  const openai = requireFromHere("openai") as typeof import("openai");
  const create = openai.OpenAI.Chat.Completions.prototype.create as { __wrapped?: boolean };
  if (!create.__wrapped) {
    throw new Error(
      "instrumentation-openai did not patch the openai module, so no LLM spans would be recorded",
    );
  }
  return openai.OpenAI;
}

async function callModels(
  client: OpenAI,
  model: string,
  workflow: string,
  sequence: number,
): Promise<void> {
  const task = `${workflow} task ${sequence}: check item ${1000 + (sequence % 50)}.`;
  const messages = [
    { role: "system" as const, content: SYSTEM_PROMPT },
    { role: "user" as const, content: task },
  ];
  await client.chat.completions.create({ model, messages, max_completion_tokens: 800 });

  const stream = await client.chat.completions.create({
    model,
    messages: [...messages, { role: "user", content: "Summarize the decision in one sentence." }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let summary = "";
  for await (const chunk of stream) summary += chunk.choices[0]?.delta.content ?? "";
  if (summary === "") throw new Error(`streamed reply from ${model} was empty`);

  if (workflow === "ledger-close") {
    await client.embeddings.create({ model: "text-embedding-3-small", input: task });
  }
}

interface Telemetry {
  exporter: RecordingSpanExporter;
  provider: NodeTracerProvider;
  tracer: Tracer;
  /** Shuts the provider down and removes the global registrations and patches. */
  dispose(): Promise<void>;
}

/** Registers a global tracer provider and the OpenAI instrumentation, exporting to `url`. */
function setUpTelemetry(url: string, apiKey: string, reportError: (error: Error) => void) {
  const exporter = new RecordingSpanExporter(
    new OTLPTraceExporter({ url, headers: { Authorization: `Bearer ${apiKey}` } }),
    (failure) => reportError(new Error(`OTLP export to ${url} failed: ${failure.message}`)),
  );
  const unwatch = watchPartialSuccess(exporter);
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        "service.name": "demo-live-agents",
        "deployment.environment.name": "demo",
      }),
    ),
    sampler: new AlwaysOnSampler(),
    spanProcessors: [
      new BatchSpanProcessor(exporter, {
        maxExportBatchSize: 512,
        maxQueueSize: 8_192,
        scheduledDelayMillis: 1_000,
        exportTimeoutMillis: 30_000,
      }),
    ],
  });
  // The global context manager carries the parent span into the instrumented client.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new OpenAIInstrumentation()],
  });
  const telemetry: Telemetry = {
    exporter,
    provider,
    tracer: provider.getTracer("inference-ledger-demo-live", "1.0.0"),
    dispose: async () => {
      // The exporter wrapper has already recorded any export that failed here.
      await provider.shutdown().catch(() => {});
      unregister();
      unwatch();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  return telemetry;
}

/** Starts the loop and returns at once; the first run starts immediately. */
export function startLiveTraffic(options: LiveTrafficOptions): LiveTraffic {
  const url = buildTracesUrl(options.endpoint);
  const intervalMs = options.intervalMs ?? 5_000;
  const workflows = options.workflows ?? WORKFLOWS;
  if (workflows.length === 0) throw new RangeError("workflows must name at least one workflow");
  const reportError =
    options.onError ?? ((error: Error) => console.error(`[live-traffic] ${error.message}`));

  const telemetry = setUpTelemetry(url, options.apiKey, reportError);
  const { exporter, provider, tracer } = telemetry;
  let client: OpenAI;
  try {
    const OpenAIClient = loadInstrumentedOpenAi();
    client = new OpenAIClient({
      baseURL: `${options.openAiBaseUrl.replace(/\/+$/, "")}/v1`,
      apiKey: "demo",
      maxRetries: 0,
    });
  } catch (error) {
    void telemetry.dispose();
    throw error;
  }

  let sequence = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const runOnce = async (): Promise<void> => {
    const workflow = workflows[sequence % workflows.length] as string;
    const known = isWorkflowName(workflow);
    const agent = known ? WORKFLOW_PROFILES[workflow].agent : `${workflow}-agent`;
    const model = known ? LIVE_MODELS[workflow] : "gpt-4o-mini";
    sequence += 1;

    const root = tracer.startSpan(`invoke_agent ${agent}`, {
      attributes: {
        "gen_ai.operation.name": "invoke_agent",
        "gen_ai.agent.name": agent,
        "gen_ai.workflow.name": workflow,
      },
    });
    let run: LiveRun;
    try {
      await context.with(trace.setSpan(context.active(), root), () =>
        callModels(client, model, workflow, sequence),
      );
      const decisions = 1 + (sequence % 3);
      run = { workflow, traceId: root.spanContext().traceId, outcome: "completed", decisions };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      root.setStatus({ code: SpanStatusCode.ERROR, message });
      reportError(new Error(`live ${workflow} run failed: ${message}`));
      run = { workflow, traceId: root.spanContext().traceId, outcome: "failed", decisions: 0 };
    }
    root.setAttributes({ "finops.outcome": run.outcome, "finops.decisions": run.decisions });
    root.end();
    options.onRun?.(run);
  };

  const schedule = (delayMs: number): void => {
    timer = setTimeout(() => {
      current = runOnce()
        .catch((error: unknown) => {
          reportError(error instanceof Error ? error : new Error(String(error)));
        })
        .finally(() => {
          if (!stopped) schedule(intervalMs);
        });
    }, delayMs);
  };
  schedule(0);

  const stop = async (): Promise<void> => {
    stopped = true;
    clearTimeout(timer);
    await current;
    const flushError: unknown = await provider.forceFlush().then(
      () => null,
      (error: unknown) => error,
    );
    await telemetry.dispose();

    assertNoExportFailures([exporter], url);
    if (flushError !== null) {
      const detail = Array.isArray(flushError)
        ? flushError.map(String).join("; ")
        : String(flushError);
      throw new Error(`OTLP export to ${url} did not finish: ${detail}`);
    }
  };
  let stopping: Promise<void> | undefined;
  return {
    stop: () => {
      stopping ??= stop();
      return stopping;
    },
  };
}

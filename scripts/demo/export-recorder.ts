/**
 * Span exporter wrapper that records the result of every export, so the demo
 * fails loudly instead of losing data that a BatchSpanProcessor exported in the
 * background (it only reports such failures to the global error handler).
 */
import { diag, DiagLogLevel, type DiagLogger } from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

type ExportResult = Parameters<Parameters<SpanExporter["export"]>[1]>[0];

/** `ExportResultCode.SUCCESS` of @opentelemetry/core, which is not a direct dependency here. */
const EXPORT_SUCCESS = 0;

export interface ExportFailure {
  spans: number;
  message: string;
}

/** Delegates to an exporter and counts the spans of successful and failed exports. */
export class RecordingSpanExporter implements SpanExporter {
  exportedSpans = 0;
  readonly failures: ExportFailure[] = [];

  constructor(
    private readonly inner: SpanExporter,
    private readonly onFailure?: (failure: ExportFailure) => void,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code === EXPORT_SUCCESS) {
        this.exportedSpans += spans.length;
      } else {
        const failure = { spans: spans.length, message: describeExportError(result.error) };
        this.failures.push(failure);
        this.onFailure?.(failure);
      }
      resultCallback(result);
    });
  }

  /** Records a failure that the exporter reported only through the diagnostic logger. */
  recordFailure(message: string): void {
    const failure = { spans: 0, message };
    this.failures.push(failure);
    this.onFailure?.(failure);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

/** Formats an OTLP exporter error with its HTTP status and response body, when it has them. */
function describeExportError(error: Error | undefined): string {
  if (!error) return "export failed without an error";
  const { code, data } = error as Error & { code?: number; data?: string };
  const status = code === undefined ? "" : `HTTP ${code} `;
  const body = data ? `: ${data.slice(0, 300)}` : "";
  return `${status}${error.message}${body}`;
}

/** Returns `{endpoint}/v1/traces`; throws unless `endpoint` is an absolute http(s) URL. */
export function buildTracesUrl(endpoint: string): string {
  const url = `${endpoint.replace(/\/+$/, "")}/v1/traces`;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new TypeError(`invalid endpoint "${endpoint}": expected an absolute http(s) URL`);
  }
  return url;
}

/** Throws one error that lists the failed exports of all recorders, if any failed. */
export function assertNoExportFailures(recorders: RecordingSpanExporter[], url: string): void {
  const failures = recorders.flatMap((recorder) => recorder.failures);
  if (failures.length === 0) return;
  const lostSpans = failures.reduce((sum, failure) => sum + failure.spans, 0);
  const first = failures[0] as ExportFailure;
  throw new Error(
    `OTLP export to ${url} failed ${failures.length} time(s), ${lostSpans} spans not delivered; ` +
      `first error: ${first.message}`,
  );
}

const activeRecorders = new Set<RecordingSpanExporter>();

/** Shortens the JSON-serialized errors that the SDK's global error handler logs to one line. */
function summarizeDiagMessage(message: string): string {
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === "object" && "message" in parsed) {
      const { name, message: text } = parsed as { name?: unknown; message?: unknown };
      return `${String(name ?? "Error")}: ${String(text)}`;
    }
  } catch {
    // Not JSON: log the message as it is.
  }
  return message.length > 300 ? `${message.slice(0, 300)}...` : message;
}

/**
 * Receives OpenTelemetry diagnostics while recorders are active. The OTLP
 * exporter reports an OTLP partial success (spans the receiver rejected) only
 * as a diagnostic warning, so that warning counts as a failure of every
 * active recorder, since it names no exporter.
 */
const partialSuccessLogger: DiagLogger = {
  error: (message) => console.error(`[otel] ${summarizeDiagMessage(message)}`),
  warn: (message, ...args) => {
    if (message.startsWith("Received Partial Success response")) {
      const detail = `OTLP partial success: ${args.map(String).join(" ")}`;
      for (const recorder of activeRecorders) recorder.recordFailure(detail);
      return;
    }
    console.warn(`[otel] ${message}`, ...args);
  },
  info: () => {},
  debug: () => {},
  verbose: () => {},
};

/**
 * Watches diagnostics for partial-success responses while `recorder` is active;
 * call the returned function to stop.
 * NOTE: this replaces any diagnostic logger set with `diag.setLogger` until the
 * last active recorder stops, and then disables diagnostics.
 */
export function watchPartialSuccess(recorder: RecordingSpanExporter): () => void {
  if (activeRecorders.size === 0) {
    diag.setLogger(partialSuccessLogger, {
      logLevel: DiagLogLevel.WARN,
      suppressOverrideMessage: true,
    });
  }
  activeRecorders.add(recorder);
  return () => {
    activeRecorders.delete(recorder);
    if (activeRecorders.size === 0) diag.disable();
  };
}

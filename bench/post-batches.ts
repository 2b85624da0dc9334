/**
 * Sends protobuf OTLP bodies to `POST /v1/traces` from a number of concurrent
 * clients. Each client sends its next body as soon as its previous request completes.
 */
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";

/**
 * Time one request may take before the run fails. 512-span requests took at most
 * 2.7 s in the runs behind docs/benchmarks.md, loaded machine included, so one this
 * slow means a stuck server.
 */
const REQUEST_TIMEOUT_MS = 120_000;

export interface PostOptions {
  url: string;
  apiKey: string;
  bodies: readonly Uint8Array[];
  clients: number;
}

export interface PostResult {
  wallMs: number;
  /** Client-side time of each request, from sending to the end of the response body. */
  latenciesMs: number[];
}

/**
 * Sends one body and checks the response: HTTP 200 and an ExportTraceServiceResponse
 * without partial success. Throws otherwise, naming the body.
 */
export async function postBody(
  url: string,
  apiKey: string,
  body: Uint8Array,
  index: number,
): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-protobuf",
      authorization: `Bearer ${apiKey}`,
    },
    body: body as Uint8Array<ArrayBuffer>,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const answer = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) {
    const detail = Buffer.from(answer).toString("utf8").replace(/[^\x20-\x7e]+/g, " ");
    throw new Error(`body ${index}: POST /v1/traces returned ${response.status}: ${detail}`);
  }
  const partial = ProtobufTraceSerializer.deserializeResponse(answer).partialSuccess;
  const rejected = Number(partial?.rejectedSpans ?? 0);
  if (rejected > 0 || (partial?.errorMessage ?? "") !== "") {
    throw new Error(
      `body ${index}: partial success, ${rejected} spans rejected: ${partial?.errorMessage ?? ""}`,
    );
  }
}

/** Sends every body once. The first failure stops all clients and is thrown. */
export async function postBatches(options: PostOptions): Promise<PostResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failure: unknown = null;

  const runClient = async () => {
    while (failure === null && next < options.bodies.length) {
      const index = next;
      next += 1;
      const started = performance.now();
      try {
        await postBody(options.url, options.apiKey, options.bodies[index]!, index);
      } catch (error) {
        failure ??= error;
        return;
      }
      latenciesMs.push(performance.now() - started);
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, runClient));
  const wallMs = performance.now() - started;
  if (failure !== null) throw failure;
  return { wallMs, latenciesMs };
}

/** Returns the q-quantile (0..1) of the values by the nearest-rank method. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

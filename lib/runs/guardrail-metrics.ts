/** The fields of a counted LLM call that the guardrail metrics read. */
export interface GuardrailCall {
  spanId: string;
  startNs: bigint;
  endNs: bigint;
  statusCode: number;
  /** Requested or response model; calls without one match only each other. */
  model?: string | null;
}

const STATUS_ERROR = 2;

function compareByStart(a: GuardrailCall, b: GuardrailCall): number {
  if (a.startNs !== b.startNs) return a.startNs < b.startNs ? -1 : 1;
  return a.spanId.localeCompare(b.spanId);
}

/**
 * Measures a run's guardrail metrics from its counted LLM calls, each with the
 * span supplying its usage. The largest input is the max input tokens of one
 * call. A retry is a call that starts after an errored call to the same model
 * has ended. Each errored call is repeated by at most one later call, so
 * failing, failing, succeeding counts two retries.
 */
export function measureGuardrails(
  counted: ReadonlyArray<{ call: GuardrailCall; usage: { inputTokens: bigint | null } }>,
): { maxInputTokensPerCall: bigint; retries: number } {
  let maxInputTokensPerCall = 0n;
  for (const { usage } of counted) {
    if (usage.inputTokens !== null && usage.inputTokens > maxInputTokensPerCall) {
      maxInputTokensPerCall = usage.inputTokens;
    }
  }

  const calls = counted.map(({ call }) => call).sort(compareByStart);
  // Errored calls not yet repeated, per model, in start order.
  const unrepeated = new Map<string | null, GuardrailCall[]>();
  let retries = 0;
  for (const call of calls) {
    const model = call.model ?? null;
    const failed = unrepeated.get(model) ?? [];
    const repeatedIndex = failed.findIndex((earlier) => earlier.endNs <= call.startNs);
    if (repeatedIndex >= 0) {
      failed.splice(repeatedIndex, 1);
      retries += 1;
    }
    if (call.statusCode === STATUS_ERROR) failed.push(call);
    unrepeated.set(model, failed);
  }
  return { maxInputTokensPerCall, retries };
}

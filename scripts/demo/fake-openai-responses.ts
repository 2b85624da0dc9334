/**
 * Deterministic OpenAI-compatible response bodies for the fake server: token
 * counts from text length, cached tokens for repeated prompt prefixes, and
 * replies chosen by a hash of the last message.
 */
import { createHash } from "node:crypto";

export interface ChatMessage {
  role: string;
  content?: unknown;
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

export interface ChatReply {
  id: string;
  text: string;
  finishReason: "stop" | "length";
  usage: ChatUsage;
}

/** Tokens per message besides its content, and for priming the reply, in OpenAI's chat format. */
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING_TOKENS = 3;
/** OpenAI caches prompts of at least 1,024 tokens, in steps of 128 tokens. */
const MIN_CACHED_PROMPT = 1_024;
const CACHE_STEP = 128;
/** Prompt prefixes remembered for cache hits; the set is cleared when it grows past this. */
const MAX_REMEMBERED_PREFIXES = 50_000;

const REPLY_SENTENCES = [
  "The current stock covers about nine days of demand at the recent run rate.",
  "I matched the open invoice against the purchase order and the goods receipt.",
  "The supplier quote is within the contracted price band for this quarter.",
  "Two ledger entries differ by a rounding amount below the posting threshold.",
  "I recommend reordering the standard quantity from the preferred supplier.",
  "The customer asked for a delivery update; the parcel left the warehouse today.",
  "No duplicate payments were found for this vendor in the current period.",
  "The request falls under the standard refund policy and can be approved.",
];

/** Approximates a token count as one token per four characters, at least one. */
export function countTextTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Returns the text of a message's content, which is a string or a list of parts. */
export function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: unknown) =>
      part && typeof part === "object" && "text" in part && typeof part.text === "string"
        ? part.text
        : "",
    )
    .join("");
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

function isReasoningModel(model: string): boolean {
  return /^(gpt-5|o\d)/.test(model);
}

/** Builds chat replies and remembers prompt prefixes per model to report cached tokens. */
export class ChatResponder {
  private readonly seenPrefixes = new Set<string>();
  private sequence = 0;

  reply(model: string, messages: ChatMessage[], maxTokens: number | undefined): ChatReply {
    const promptTokens = this.countPromptTokens(messages);
    const cachedTokens = this.lookUpCachedTokens(model, messages);

    const lastText = messageText(messages[messages.length - 1]?.content);
    const hash = digest(`${model}\n${lastText}`);
    const sentenceCount = 1 + ((hash[0] as number) % 4);
    const sentences = Array.from(
      { length: sentenceCount },
      (_, i) => REPLY_SENTENCES[(hash[i + 1] as number) % REPLY_SENTENCES.length] as string,
    );
    let text = sentences.join(" ");
    const reasoningTokens = isReasoningModel(model) ? 64 + ((hash[6] as number) % 8) * 32 : 0;

    let visibleTokens = countTextTokens(text);
    let finishReason: ChatReply["finishReason"] = "stop";
    // Reasoning counts against the completion limit before any visible text.
    if (maxTokens !== undefined && reasoningTokens + visibleTokens > maxTokens) {
      visibleTokens = Math.max(0, maxTokens - reasoningTokens);
      text = text.slice(0, visibleTokens * 4);
      finishReason = "length";
    }
    const completionTokens = reasoningTokens + visibleTokens;

    this.sequence += 1;
    return {
      id: `chatcmpl-${hash.subarray(0, 9).toString("hex")}${this.sequence}`,
      text,
      finishReason,
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: cachedTokens, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: reasoningTokens,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
    };
  }

  private countPromptTokens(messages: ChatMessage[]): number {
    return messages.reduce(
      (sum, message) => sum + TOKENS_PER_MESSAGE + countTextTokens(messageText(message.content)),
      REPLY_PRIMING_TOKENS,
    );
  }

  /**
   * Returns the cached tokens of the longest message prefix sent before with
   * the same model, then remembers every prefix of this prompt.
   */
  private lookUpCachedTokens(model: string, messages: ChatMessage[]): number {
    if (this.seenPrefixes.size > MAX_REMEMBERED_PREFIXES) this.seenPrefixes.clear();
    let cachedTokens = 0;
    let prefixTokens = REPLY_PRIMING_TOKENS;
    const hash = createHash("sha256").update(model);
    for (const message of messages) {
      prefixTokens += TOKENS_PER_MESSAGE + countTextTokens(messageText(message.content));
      hash.update(`\n${message.role}\n${messageText(message.content)}`);
      const key = hash.copy().digest("hex");
      if (this.seenPrefixes.has(key) && prefixTokens >= MIN_CACHED_PROMPT) {
        cachedTokens = Math.floor(prefixTokens / CACHE_STEP) * CACHE_STEP;
      }
      this.seenPrefixes.add(key);
    }
    return cachedTokens;
  }
}

export interface EmbeddingsBody {
  object: "list";
  model: string;
  data: { object: "embedding"; index: number; embedding: number[] | string }[];
  usage: { prompt_tokens: number; total_tokens: number };
}

/** Default vector sizes of OpenAI's embedding models; others get 1,536. */
const EMBEDDING_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-large": 3_072,
  "text-embedding-3-small": 1_536,
  "text-embedding-ada-002": 1_536,
};

/** Builds a unit-length vector from the input's hash; the same input gives the same vector. */
function embed(input: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  let block = digest(input);
  let norm = 0;
  for (let i = 0; i < dimensions; i += 1) {
    if (i % 32 === 0 && i > 0) block = digest(block.toString("hex"));
    const value = ((block[i % 32] as number) - 127.5) / 127.5;
    vector[i] = value;
    norm += value * value;
  }
  const scale = 1 / Math.sqrt(norm || 1);
  return vector.map((value) => value * scale);
}

/**
 * Builds an embeddings response. `inputs` are strings, or token-id arrays
 * whose length is their token count.
 */
export function buildEmbeddings(
  model: string,
  inputs: (string | number[])[],
  options: { dimensions?: number; base64: boolean },
): EmbeddingsBody {
  const dimensions = options.dimensions ?? EMBEDDING_DIMENSIONS[model] ?? 1_536;
  let promptTokens = 0;
  const data = inputs.map((input, index) => {
    const textInput = typeof input === "string" ? input : input.join(",");
    promptTokens += typeof input === "string" ? countTextTokens(input) : input.length;
    const vector = embed(textInput, dimensions);
    const embedding = options.base64
      ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64")
      : Array.from(vector);
    return { object: "embedding" as const, index, embedding };
  });
  return {
    object: "list",
    model,
    data,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

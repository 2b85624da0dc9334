/**
 * The importers' entry point: bytes of any supported billing file in, billing
 * lines and rejected rows out. CSV files stream row by row, so memory stays
 * flat whatever the file size. JSON report pages are single API responses
 * and are read whole, up to MAX_JSON_CHARS.
 */
import { readAnthropicCostPage, readAnthropicUsagePage } from "./anthropic";
import { readAwsCurRows } from "./aws-cur";
import type { BillingReadItem } from "./billing-row";
import { CsvFormatError, readCsvRows, type CsvRow } from "./csv-reader";
import { detectCsvFormat, detectJsonFormat } from "./detect-format";
import { readFocusRows, type FocusReadOptions } from "./focus";
import { parseReportPage } from "./json-pages";
import { decodeStream } from "./open-billing-file";
import { readOpenAiCostsPage, readOpenAiUsagePage } from "./openai";
import { readOpenAiUsageCsvRows } from "./openai-usage-csv";
import type { BillingSourceFormat } from "./types";

export interface BillingReadOptions extends FocusReadOptions {
  /** Called once with the format read from the content, or given by the caller. */
  onFormatDetected?: (format: BillingSourceFormat) => void;
}

/** Maximum JSON file size in UTF-16 code units, a guard for a file that is not one API page. */
const MAX_JSON_CHARS = 64 * 1024 * 1024;

type PageReader = (text: string) => Iterable<BillingReadItem>;

const JSON_READERS: Partial<Record<BillingSourceFormat, PageReader>> = {
  openai_costs: readOpenAiCostsPage,
  openai_usage: readOpenAiUsagePage,
  anthropic_cost: readAnthropicCostPage,
  anthropic_usage: readAnthropicUsagePage,
};

/**
 * Reads a billing file (plain or gzip) into billing lines and rejected rows,
 * in file order. The format is detected from the content unless given; a file
 * of no known format yields one rejection for line 1.
 */
export async function* readBillingLines(
  source: AsyncIterable<Uint8Array>,
  format?: BillingSourceFormat,
  options: BillingReadOptions = {},
): AsyncGenerator<BillingReadItem> {
  const text = decodeText(decodeStream(source));
  const iterator = text[Symbol.asyncIterator]();
  const head: string[] = [];
  let first = "";
  while (first === "") {
    const next = await iterator.next();
    if (next.done) return;
    head.push(next.value);
    first = head.join("").replace(/^\uFEFF/, "").trimStart().charAt(0);
  }
  async function* replay(): AsyncGenerator<string> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }

  if (first === "{" || first === "[") {
    yield* readJsonFile(replay(), format, options);
  } else {
    yield* readCsvFile(replay(), format, options);
  }
}

async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* readJsonFile(
  chunks: AsyncIterable<string>,
  format: BillingSourceFormat | undefined,
  options: BillingReadOptions,
): AsyncGenerator<BillingReadItem> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > MAX_JSON_CHARS) {
      const reason = `JSON file larger than ${MAX_JSON_CHARS} characters`;
      yield { rejected: { line: 1, column: null, reason, fatal: true } };
      return;
    }
    parts.push(chunk);
  }
  const text = parts.join("");
  let resolved = format;
  if (resolved === undefined) {
    const page = parseReportPage(text);
    if (!("value" in page)) {
      yield page;
      return;
    }
    resolved = detectJsonFormat(page.value) ?? undefined;
    // A page without results has nothing to import, whatever its report.
    if (resolved === undefined && !hasResults(page.value)) return;
  }
  const reader = resolved === undefined ? undefined : JSON_READERS[resolved];
  if (reader === undefined) {
    const reason = unknownFormatReason(resolved, "JSON report page");
    yield { rejected: { line: 1, column: null, reason, fatal: true } };
    return;
  }
  if (resolved !== undefined) options.onFormatDetected?.(resolved);
  yield* reader(text);
}

function hasResults(value: unknown): boolean {
  const data = (value as { data?: unknown }).data;
  if (!Array.isArray(data)) return true;
  return data.some((bucket) => Array.isArray(bucket?.results) && bucket.results.length > 0);
}

async function* readCsvFile(
  chunks: AsyncIterable<string>,
  format: BillingSourceFormat | undefined,
  options: BillingReadOptions,
): AsyncGenerator<BillingReadItem> {
  const rows = readCsvRows(chunks)[Symbol.asyncIterator]();
  let first: IteratorResult<CsvRow>;
  try {
    first = await rows.next();
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    yield { rejected: { line: error.line, column: null, reason: error.message, fatal: true } };
    return;
  }
  if (first.done) return;
  const resolved = format ?? detectCsvFormat(first.value.header);
  if (resolved !== null) options.onFormatDetected?.(resolved);
  const firstRow = first.value;
  async function* replay(): AsyncGenerator<CsvRow> {
    yield firstRow;
    for (;;) {
      const next = await rows.next();
      if (next.done) return;
      yield next.value;
    }
  }
  if (resolved === "focus") yield* readFocusRows(replay(), options);
  else if (resolved === "aws_cur2") yield* readAwsCurRows(replay());
  else if (resolved === "openai_usage_csv") yield* readOpenAiUsageCsvRows(replay());
  else {
    const reason = unknownFormatReason(resolved ?? undefined, "CSV header");
    yield { rejected: { line: 1, column: null, reason, fatal: true } };
  }
}

function unknownFormatReason(format: BillingSourceFormat | undefined, content: string): string {
  if (format !== undefined) return `format ${format} does not fit this file (${content})`;
  return `unrecognized ${content}: expected FOCUS, AWS CUR, OpenAI or Anthropic billing data`;
}

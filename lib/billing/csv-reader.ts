/**
 * A streaming RFC 4180 CSV reader. It decodes UTF-8 across chunk boundaries,
 * reads quoted fields with "" escapes, embedded commas and line breaks, and
 * accepts CRLF, LF and CR line ends. Memory stays bounded by the longest
 * record, not by the file.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvRow extends CsvRecord {
  /** The header row, shared by every row of one table. */
  header: readonly string[];
}

export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`invalid CSV at line ${line}: ${detail}`);
    this.name = "CsvFormatError";
  }
}

export interface CsvReadOptions {
  /** Maximum record length in UTF-16 code units. A longer record raises CsvFormatError. */
  maxRecordChars?: number;
}

/** 16 Mi characters: far above any real billing row, low enough to stop a runaway quote. */
const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;
const BOM = "\uFEFF";

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first of "" or the closing quote. */
  QuoteInQuoted,
}

/**
 * Splits text into records. A byte order mark at the start of any record is
 * dropped, so files concatenated with their BOMs read as plain records.
 */
export class CsvTokenizer {
  private fields: string[] = [];
  private field = "";
  private state = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private recordChars = 0;
  private recordStarted = false;
  private skipLineFeed = false;
  private readonly delimiters = /[,\r\n]/g;
  private readonly maxRecordChars: number;

  constructor(options: CsvReadOptions = {}) {
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** Consumes one chunk of text and returns the records it completed. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let i = 0;
    if (this.skipLineFeed && text.length > 0) {
      this.skipLineFeed = false;
      if (text[0] === "\n") i = 1;
    }
    while (i < text.length) {
      if (this.state === State.Quoted) {
        const quote = text.indexOf('"', i);
        const end = quote < 0 ? text.length : quote;
        this.appendQuoted(text, i, end);
        if (quote < 0) break;
        i = quote + 1;
        this.state = State.QuoteInQuoted;
        continue;
      }
      if (this.state === State.QuoteInQuoted) {
        if (text[i] === '"') {
          this.append('"');
          this.state = State.Quoted;
          i++;
          continue;
        }
        // Text after a closing quote is kept as written, a lenient reading of RFC 4180.
        this.state = State.Unquoted;
      }
      if (this.state === State.FieldStart) {
        if (text[i] === BOM && this.fields.length === 0 && this.field === "") {
          i++;
          continue;
        }
        if (text[i] === '"') {
          this.recordStarted = true;
          this.state = State.Quoted;
          i++;
          continue;
        }
      }
      this.delimiters.lastIndex = i;
      const match = this.delimiters.exec(text);
      const end = match ? match.index : text.length;
      if (end > i) this.append(text.slice(i, end));
      this.state = State.Unquoted;
      if (!match) break;
      i = end + 1;
      if (text[end] === ",") {
        this.endField();
        continue;
      }
      if (text[end] === "\r") {
        if (i < text.length) {
          if (text[i] === "\n") i++;
        } else {
          this.skipLineFeed = true;
        }
      }
      records.push(this.endRecord());
      this.line++;
      this.recordLine = this.line;
    }
    return records;
  }

  /** Ends the input; returns the last record when the text did not end with a line break. */
  finish(): CsvRecord | null {
    if (this.state === State.Quoted) {
      throw new CsvFormatError(
        this.recordLine,
        "a quoted field is not closed before the end of the file",
      );
    }
    if (!this.recordStarted && this.fields.length === 0) return null;
    return this.endRecord();
  }

  private append(text: string): void {
    this.recordStarted = true;
    this.recordChars += text.length;
    if (this.recordChars > this.maxRecordChars) {
      throw new CsvFormatError(
        this.recordLine,
        `record longer than ${this.maxRecordChars} characters (is a quote not closed?)`,
      );
    }
    this.field += text;
  }

  private appendQuoted(text: string, start: number, end: number): void {
    if (end <= start) return;
    const part = text.slice(start, end);
    let newline = part.indexOf("\n");
    while (newline >= 0) {
      this.line++;
      newline = part.indexOf("\n", newline + 1);
    }
    this.append(part);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    this.state = State.FieldStart;
    this.recordStarted = true;
  }

  private endRecord(): CsvRecord {
    this.fields.push(this.field);
    const record = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.field = "";
    this.state = State.FieldStart;
    this.recordChars = 0;
    this.recordStarted = false;
    return record;
  }
}

/** Reads CSV records from UTF-8 bytes or text chunks. */
export async function* tokenizeCsv(
  source: AsyncIterable<Uint8Array | string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const tokenizer = new CsvTokenizer(options);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    for (const record of tokenizer.push(text)) yield record;
  }
  const rest = decoder.decode();
  if (rest) for (const record of tokenizer.push(rest)) yield record;
  const last = tokenizer.finish();
  if (last) yield last;
}

/**
 * Reads a CSV table: the first non-blank record is the header, and each later
 * record is a row. Blank lines are skipped, and so is a record equal to the
 * header, which is what two exports concatenated into one file look like.
 */
export async function* readCsvRows(
  source: AsyncIterable<Uint8Array | string>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRow> {
  let header: string[] | null = null;
  for await (const record of tokenizeCsv(source, options)) {
    if (isBlankRecord(record)) continue;
    if (header === null) {
      header = record.fields.map((name) => name.trim());
      continue;
    }
    if (isHeaderRepeat(record.fields, header)) continue;
    yield { line: record.line, fields: record.fields, header };
  }
}

function isBlankRecord(record: CsvRecord): boolean {
  return record.fields.length === 1 && record.fields[0]?.trim() === "";
}

function isHeaderRepeat(fields: string[], header: readonly string[]): boolean {
  if (fields.length !== header.length) return false;
  return fields.every((field, index) => field.trim() === header[index]);
}

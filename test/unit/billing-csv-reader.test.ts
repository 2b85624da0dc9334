import { gzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { CsvFormatError, readCsvRows, tokenizeCsv, type CsvRecord } from "@/lib/billing/csv-reader";
import { decodeStream } from "@/lib/billing/open-billing-file";

const BOM = "\uFEFF";

async function* chunksOf(parts: Array<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for (const part of parts) yield part;
}

/** Splits text into chunks of `size` characters, to cross every boundary. */
function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

async function tokenize(text: string, chunkSize = text.length || 1): Promise<CsvRecord[]> {
  return collect(tokenizeCsv(chunksOf(splitText(text, chunkSize))));
}

describe("tokenizeCsv", () => {
  const tricky =
    'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\nplain,,last\n"",end,"\r\n"\n';

  it("reads quotes, escapes and embedded line breaks", async () => {
    const records = await tokenize(tricky);
    expect(records.map((record) => record.fields)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "line1\nline2"],
      ["plain", "", "last"],
      ["", "end", "\r\n"],
    ]);
  });

  it("numbers records by their first line", async () => {
    const records = await tokenize(tricky);
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 5]);
  });

  it("gives the same records for any chunking", async () => {
    const whole = await tokenize(tricky);
    for (const size of [1, 2, 3, 5, 7]) {
      expect(await tokenize(tricky, size)).toEqual(whole);
    }
  });

  it("decodes UTF-8 split across chunks", async () => {
    const bytes = new TextEncoder().encode("name,price\n€uro,1.5\n日本,2\n");
    const parts: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i++) parts.push(bytes.subarray(i, i + 1));
    const records = await collect(tokenizeCsv(chunksOf(parts)));
    expect(records.map((record) => record.fields)).toEqual([
      ["name", "price"],
      ["€uro", "1.5"],
      ["日本", "2"],
    ]);
  });

  it("accepts CR line ends and a missing final newline", async () => {
    const records = await tokenize("a,b\rc,d\re,f");
    expect(records.map((record) => record.fields)).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("keeps a CRLF split across chunks as one line end", async () => {
    const records = await collect(tokenizeCsv(chunksOf(["a,b\r", "\nc,d\r", "\n"])));
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
    ]);
  });

  it("strips a BOM at the start of any record", async () => {
    const records = await tokenize(`${BOM}"h1",h2\n${BOM}v1,v2\n${BOM}"q",w\n`);
    expect(records.map((record) => record.fields)).toEqual([
      ["h1", "h2"],
      ["v1", "v2"],
      ["q", "w"],
    ]);
  });

  it("rejects an unclosed quote with its line", async () => {
    const error = await tokenize('a,b\nc,"open\nmore\n').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CsvFormatError);
    expect((error as CsvFormatError).line).toBe(2);
  });

  it("rejects a record over the limit", async () => {
    const text = `a\n"${"x".repeat(100)}"\n`;
    const error = await collect(tokenizeCsv(chunksOf([text]), { maxRecordChars: 50 })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CsvFormatError);
    expect((error as CsvFormatError).line).toBe(2);
  });
});

describe("readCsvRows", () => {
  it("skips a repeated header after a mid-file BOM", async () => {
    const file = `${BOM}id,cost\n1,0.5\n2,0.25\n${BOM}id,cost\n3,1\n`;
    const rows = await collect(readCsvRows(chunksOf([file])));
    expect(rows.map((row) => row.fields)).toEqual([["1", "0.5"], ["2", "0.25"], ["3", "1"]]);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 5]);
    expect(rows[0]?.header).toEqual(["id", "cost"]);
  });

  it("skips blank lines", async () => {
    const rows = await collect(readCsvRows(chunksOf(["a,b\r\n\r\n1,2\r\n\r\n"])));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.line).toBe(3);
  });
});

describe("decodeStream", () => {
  it("inflates gzip and passes plain bytes through", async () => {
    const text = "a,b\n1,2\n";
    const gzip = gzipSync(Buffer.from(text));
    const decode = async (parts: Uint8Array[]) =>
      Buffer.concat(await collect(decodeStream(chunksOf(parts) as AsyncIterable<Uint8Array>))).toString();
    expect(await decode([gzip.subarray(0, 1), gzip.subarray(1)])).toBe(text);
    expect(await decode([Buffer.from(text)])).toBe(text);
  });

  it("inflates concatenated gzip members", async () => {
    const gzip = Buffer.concat([gzipSync(Buffer.from("a\n")), gzipSync(Buffer.from("b\n"))]);
    const chunks = await collect(decodeStream(chunksOf([gzip]) as AsyncIterable<Uint8Array>));
    expect(Buffer.concat(chunks).toString()).toBe("a\nb\n");
  });
});

/**
 * Opens billing files as byte streams, inflating gzip on the way. Cloud
 * exports arrive as `.csv` or `.csv.gz`, and the name is not trusted: gzip is
 * recognized by its magic bytes (1f 8b).
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Returns the bytes of a file, inflated when the file is gzip. */
export function openBillingFile(path: string): AsyncGenerator<Uint8Array> {
  return decodeStream(createReadStream(path));
}

/**
 * Passes bytes through unchanged, or inflates them when they start with the
 * gzip magic bytes. Concatenated gzip members are inflated one after another.
 */
export async function* decodeStream(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  while (headLength < GZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    headLength += next.value.length;
  }
  const first = concatBytes(head, GZIP_MAGIC.length);
  const isGzip =
    first.length === GZIP_MAGIC.length && GZIP_MAGIC.every((byte, i) => first[i] === byte);

  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Closes the source (a file handle) when the reader stops early.
      await iterator.return?.();
    }
  }

  if (!isGzip) {
    yield* replay();
    return;
  }
  const gunzip = createGunzip();
  const input = Readable.from(replay());
  input.on("error", (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Uint8Array;
  } finally {
    input.destroy();
  }
}

/** Copies the first `length` bytes of the chunks, or fewer when the chunks are shorter. */
function concatBytes(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let filled = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.length, length - filled);
    out.set(chunk.subarray(0, take), filled);
    filled += take;
    if (filled === length) break;
  }
  return out.subarray(0, filled);
}

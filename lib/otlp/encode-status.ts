/** Encodes a google.rpc.Status { code = 1, message = 2 } message, the OTLP error body. */
export function encodeStatus(code: number, message: string): Uint8Array {
  const text = new TextEncoder().encode(message);
  const out: number[] = [0x08, ...varint(code), 0x12, ...varint(text.length)];
  const result = new Uint8Array(out.length + text.length);
  result.set(out, 0);
  result.set(text, out.length);
  return result;
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return bytes;
}

/**
 * A cursor over protobuf wire-format bytes. Every read checks the bounds of
 * the message being read and throws OtlpDecodeError naming `path` when the
 * input is truncated or malformed.
 */
import { OtlpDecodeError } from "./types";

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

/** Attribute keys longer than this are decoded each time instead of cached. */
const MAX_CACHED_KEY = 64;

export class ProtobufReader {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  /** The same bytes as a Buffer, for Node's native UTF-8 and hex decoding. */
  private readonly buffer: Buffer;
  /**
   * Attribute keys seen in this request, by FNV-1a hash of their bytes. The
   * same few dozen keys repeat on every span, so one string per key replaces
   * a new string for every attribute.
   */
  private readonly keys = new Map<number, { start: number; length: number; key: string }>();
  pos = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Reads an unsigned varint of up to 10 bytes as a number. Values above 2^53
   * lose precision, which only matters for int64 values (see readInt64).
   */
  readVarint(end: number, path: string): number {
    const bytes = this.bytes;
    let pos = this.pos;
    let result = 0;
    let multiplier = 1;
    for (let count = 0; count < 10; count++) {
      if (pos >= end) this.failTruncated(path);
      const byte = bytes[pos++] as number;
      result += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        this.pos = pos;
        return result;
      }
      multiplier *= 128;
    }
    throw new OtlpDecodeError(path, "invalid varint: longer than 10 bytes");
  }

  /** Reads a varint as a two's-complement int64, exactly. */
  readInt64(end: number, path: string): bigint {
    const bytes = this.bytes;
    let pos = this.pos;
    let low = 0;
    let high = 0;
    for (let count = 0; count < 10; count++) {
      if (pos >= end) this.failTruncated(path);
      const byte = bytes[pos++] as number;
      const bits = byte & 0x7f;
      if (count < 4) {
        low |= bits << (7 * count);
      } else if (count === 4) {
        // The fifth byte straddles the 32-bit boundary: 4 bits low, 3 bits high.
        low |= bits << 28;
        high |= bits >>> 4;
      } else {
        high |= bits << (7 * count - 32);
      }
      if (byte < 0x80) {
        this.pos = pos;
        if (high === 0 && count < 4) return BigInt(low);
        return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0));
      }
    }
    throw new OtlpDecodeError(path, "invalid varint: longer than 10 bytes");
  }

  /** Reads a length prefix and returns the end offset of the field it introduces. */
  readLengthDelimitedEnd(end: number, path: string): number {
    const length = this.readVarint(end, path);
    const fieldEnd = this.pos + length;
    if (fieldEnd > end) {
      throw new OtlpDecodeError(
        path,
        `truncated input: length ${length} exceeds the ${end - this.pos} bytes left`,
      );
    }
    return fieldEnd;
  }

  readFixed64(end: number, path: string): bigint {
    this.ensure(8, end, path);
    const value = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return value;
  }

  readDouble(end: number, path: string): number {
    this.ensure(8, end, path);
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  readString(end: number, path: string): string {
    const stringEnd = this.readLengthDelimitedEnd(end, path);
    const start = this.pos;
    this.pos = stringEnd;
    return this.buffer.toString("utf8", start, stringEnd);
  }

  /** Reads an attribute key, reusing the string of an identical earlier key. */
  readKey(end: number, path: string): string {
    const keyEnd = this.readLengthDelimitedEnd(end, path);
    const start = this.pos;
    this.pos = keyEnd;
    const length = keyEnd - start;
    if (length > MAX_CACHED_KEY) return this.buffer.toString("utf8", start, keyEnd);
    const bytes = this.bytes;
    let hash = 0x811c9dc5 ^ length;
    for (let i = start; i < keyEnd; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
    const cached = this.keys.get(hash);
    if (cached !== undefined && cached.length === length) {
      let offset = 0;
      const other = cached.start;
      while (offset < length && bytes[start + offset] === bytes[other + offset]) offset++;
      if (offset === length) return cached.key;
    }
    const key = this.buffer.toString("utf8", start, keyEnd);
    this.keys.set(hash, { start, length, key });
    return key;
  }

  /**
   * Reads a trace or span id of exactly `byteLength` bytes as lower-case hex,
   * or returns "" for an empty field.
   */
  readId(wireType: number, end: number, byteLength: number, path: string): string {
    this.expectWireType(wireType, WIRE_LENGTH_DELIMITED, path);
    const idEnd = this.readLengthDelimitedEnd(end, path);
    const start = this.pos;
    this.pos = idEnd;
    const length = idEnd - start;
    if (length === 0) return "";
    if (length !== byteLength) {
      throw new OtlpDecodeError(path, `invalid id: ${length} bytes, expected ${byteLength}`);
    }
    return this.buffer.toString("hex", start, idEnd);
  }

  /** Reads a bytes field as a copy, so the result does not pin the request buffer. */
  readBytes(end: number, path: string): Uint8Array {
    const bytesEnd = this.readLengthDelimitedEnd(end, path);
    const copy = this.bytes.slice(this.pos, bytesEnd);
    this.pos = bytesEnd;
    return copy;
  }

  /** Skips a field of an unknown number by its wire type. */
  skipField(wireType: number, end: number, path: string): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.readVarint(end, path);
        return;
      case WIRE_FIXED64:
        this.ensure(8, end, path);
        this.pos += 8;
        return;
      case WIRE_LENGTH_DELIMITED:
        this.pos = this.readLengthDelimitedEnd(end, path);
        return;
      case WIRE_FIXED32:
        this.ensure(4, end, path);
        this.pos += 4;
        return;
      default:
        throw new OtlpDecodeError(path, `unsupported wire type ${wireType}`);
    }
  }

  /** Throws unless a known field arrived with the wire type its proto type requires. */
  expectWireType(actual: number, expected: number, fieldPath: string): void {
    if (actual !== expected) {
      throw new OtlpDecodeError(fieldPath, `wire type ${actual}, expected ${expected}`);
    }
  }

  private ensure(length: number, end: number, path: string): void {
    if (this.pos + length > end) this.failTruncated(path);
  }

  private failTruncated(path: string): never {
    throw new OtlpDecodeError(path, "truncated input");
  }
}

/**
 * Exact decimal arithmetic for money, on BigInt fixed point.
 *
 * Amounts travel as decimal strings ("0.000225") and are computed as BigInt
 * counts of 10^-SCALE units, which matches the numeric(30, 12) columns that
 * store them. Floats never touch a stored or summed amount.
 */

/** Decimal places kept for amounts: 10^-12 USD, so a one-token cost is exact. */
export const SCALE = 12;
const UNIT = 10n ** BigInt(SCALE);
const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

export class DecimalFormatError extends Error {
  constructor(readonly value: string) {
    super(`invalid decimal "${value}": expected digits with an optional "." and fraction`);
    this.name = "DecimalFormatError";
  }
}

/** Parses a decimal string into 10^-12 units; more than 12 fraction digits are rejected, not rounded. */
export function toUnits(value: string): bigint {
  const match = DECIMAL_PATTERN.exec(value.trim());
  if (!match) throw new DecimalFormatError(value);
  const [, sign, whole = "0", fraction = ""] = match;
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > SCALE) throw new DecimalFormatError(value);
  const units = BigInt(whole) * UNIT + BigInt(trimmed.padEnd(SCALE, "0") || "0");
  return sign === "-" ? -units : units;
}

/** Formats 10^-12 units as a plain decimal string with trailing zeros removed. */
export function fromUnits(units: bigint): string {
  const negative = units < 0n;
  const absolute = negative ? -units : units;
  const whole = absolute / UNIT;
  const fraction = (absolute % UNIT).toString().padStart(SCALE, "0").replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole.toString();
  return negative ? `-${text}` : text;
}

export function addDecimals(values: Iterable<string>): string {
  let total = 0n;
  for (const value of values) total += toUnits(value);
  return fromUnits(total);
}

/**
 * Divides two BigInts and rounds half away from zero to `places` decimals,
 * returned as a decimal string. Throws on a zero divisor.
 */
export function divideToDecimal(numerator: bigint, denominator: bigint, places: number): string {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const factor = 10n ** BigInt(places);
  const scaled = n * factor;
  let quotient = scaled / d;
  if ((scaled % d) * 2n >= d) quotient += 1n;
  const whole = quotient / factor;
  const fraction = places > 0 ? (quotient % factor).toString().padStart(places, "0").replace(/0+$/, "") : "";
  const text = fraction ? `${whole}.${fraction}` : whole.toString();
  return negative && quotient !== 0n ? `-${text}` : text;
}

/** Divides an amount in 10^-12 units by a count, as a decimal string with 12 places at most. */
export function divideUnits(units: bigint, divisor: bigint): string {
  return divideToDecimal(units, divisor * UNIT, SCALE);
}

/** Converts an amount to a JavaScript number for statistics and charts only. */
export function unitsToNumber(units: bigint): number {
  return Number(fromUnits(units));
}

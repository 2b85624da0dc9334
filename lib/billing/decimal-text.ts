/**
 * Decimal text as bills write it, normalized without a float on the way.
 *
 * Billing exports write amounts as plain decimals ("0.00000080000"), with an
 * exponent ("9.984E-7" in AWS CUR) or as JSON number literals. Every form is
 * rewritten by moving digits in a string, so any number of fraction digits
 * survives exactly.
 */

const DECIMAL_PATTERN = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
/** Exponents beyond this are not money and would build huge strings. */
const MAX_EXPONENT = 400;

/**
 * Normalizes a decimal literal to plain canonical text: no exponent, no "+",
 * no leading zeros in the whole part, no trailing zeros in the fraction, and
 * "0" for any zero. Returns null when the text is not a decimal number.
 */
export function normalizeDecimal(text: string): string | null {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction, bareFraction, exponentText] = match;
  const digitsBefore = bareFraction === undefined ? (whole ?? "") : "0";
  const digitsAfter = bareFraction ?? fraction ?? "";
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return null;
  return composeDecimal(sign === "-", digitsBefore + digitsAfter, digitsBefore.length + exponent);
}

/** Multiplies a normalized decimal by 10^power (negative powers divide), exactly. */
export function shiftDecimal(normalized: string, power: number): string {
  const negative = normalized.startsWith("-");
  const unsigned = negative ? normalized.slice(1) : normalized;
  const [whole = "0", fraction = ""] = unsigned.split(".");
  return composeDecimal(negative, whole + fraction, whole.length + power);
}

/** Returns true when a normalized decimal has no fraction. */
export function isWholeNumber(normalized: string): boolean {
  return !normalized.includes(".");
}

/** Subtracts two normalized integers of any size, as text. */
export function subtractIntegers(minuend: string, subtrahend: string): string {
  return (BigInt(minuend) - BigInt(subtrahend)).toString();
}

/**
 * Builds canonical text from the digits and the position of the decimal point,
 * counted from the left of `digits` (it may fall outside them).
 */
function composeDecimal(negative: boolean, digits: string, pointAt: number): string {
  let whole: string;
  let fraction: string;
  if (pointAt <= 0) {
    whole = "0";
    fraction = "0".repeat(-pointAt) + digits;
  } else if (pointAt >= digits.length) {
    whole = digits + "0".repeat(pointAt - digits.length);
    fraction = "";
  } else {
    whole = digits.slice(0, pointAt);
    fraction = digits.slice(pointAt);
  }
  whole = whole.replace(/^0+(?=\d)/, "");
  fraction = fraction.replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

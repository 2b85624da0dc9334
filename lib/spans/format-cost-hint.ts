/**
 * Converts an emitter-reported cost (a double, an int or a string) into a
 * plain decimal string of USD, for the money code to parse with toUnits.
 */
import { SCALE } from "@/lib/money/decimal";

const MAX_EXPONENT = 30;
const DECIMAL_TEXT = /^(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Formats a non-negative finite cost as a plain decimal string, rounded half up to the
 * 10^-12 USD unit that amounts are stored in. Doubles are read from their
 * shortest round-trip form, so 0.1 becomes "0.1". Null for anything else.
 */
export function formatCostHint(value: unknown): string | null {
  let text: string;
  if (typeof value === "bigint") {
    return value >= 0n ? value.toString() : null;
  } else if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    text = String(value);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return null;
  }
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return null;
  const [, whole = "0", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  // A huge exponent would build a huge string, and no real cost needs one.
  if (Math.abs(exponent) > MAX_EXPONENT) return null;
  // Digits without the point, and the position of the point within them.
  let digits = whole + fraction;
  let point = whole.length + exponent;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits = digits.padEnd(point, "0");
  }
  return roundToScale(digits.slice(0, point) || "0", digits.slice(point));
}

function roundToScale(whole: string, fraction: string): string {
  let units = BigInt(whole + fraction.slice(0, SCALE).padEnd(SCALE, "0"));
  if ((fraction[SCALE] ?? "0") >= "5") units += 1n;
  const text = units.toString().padStart(SCALE + 1, "0");
  const integerPart = text.slice(0, -SCALE).replace(/^0+(?=\d)/, "");
  const fractionPart = text.slice(-SCALE).replace(/0+$/, "");
  return fractionPart === "" ? integerPart : `${integerPart}.${fractionPart}`;
}

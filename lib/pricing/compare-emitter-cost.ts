/**
 * Compares the cost an emitter reported on a span with our own estimate.
 */

/** An exact decimal: `digits` x 10^-`scale`. */
interface ExactDecimal {
  digits: bigint;
  scale: number;
}

/** Sign, digits, optional fraction and optional exponent, as JSON numbers print. */
const NUMBER_PATTERN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Agreement within 1 % of our estimate... */
const RELATIVE_TOLERANCE_PERCENT = 1n;
/** ...or within 10^-6 USD, so sub-cent rounding by the emitter is not a mismatch. */
const ABSOLUTE_TOLERANCE: ExactDecimal = { digits: 1n, scale: 6 };

/**
 * Returns true when the emitter's cost disagrees with our estimate: the
 * difference exceeds both 1 % of the estimate and 10^-6 USD.
 *
 * The emitter value is a hint with no unit, so `13` against $0.0018 disagrees.
 * It may use exponent notation (`1.8e-3`), which floats produce. A value that
 * is not a number counts as disagreeing. Nothing is compared, and false is
 * returned, when either side is null.
 */
export function compareEmitterCost(estimateUsd: string | null, emitterUsd: string | null): boolean {
  if (estimateUsd === null || emitterUsd === null) return false;
  const estimate = parseExactDecimal(estimateUsd);
  const emitter = parseExactDecimal(emitterUsd);
  if (!estimate) throw new RangeError(`invalid cost estimate "${estimateUsd}"`);
  if (!emitter) return true;

  const scale = Math.max(estimate.scale, emitter.scale, ABSOLUTE_TOLERANCE.scale);
  const estimateDigits = rescale(estimate, scale);
  const difference = absolute(rescale(emitter, scale) - estimateDigits);

  if (difference <= rescale(ABSOLUTE_TOLERANCE, scale)) return false;
  return difference * 100n > absolute(estimateDigits) * RELATIVE_TOLERANCE_PERCENT;
}

function parseExactDecimal(text: string): ExactDecimal | null {
  const match = NUMBER_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = "", fraction = "", exponentText] = match;
  if (whole === "" && fraction === "") return null;

  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  // Guards the BigInt powers below against inputs such as "1e999999999".
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return null;

  let digits = BigInt(`${whole}${fraction}` || "0");
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === "-" ? -digits : digits, scale };
}

function rescale(value: ExactDecimal, scale: number): bigint {
  return value.digits * 10n ** BigInt(scale - value.scale);
}

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

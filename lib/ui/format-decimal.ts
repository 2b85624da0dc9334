/**
 * Display formatting of decimal strings, money included. Amounts are rounded as
 * digit strings with BigInt, so a stored total never passes through a float.
 */

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

export interface DecimalFormatOptions {
  /** Fraction digits always shown, padded with zeros. */
  minimumFractionDigits?: number;
  /** Fraction digits kept after rounding half away from zero. */
  maximumFractionDigits?: number;
}

interface SplitDecimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

function splitDecimal(decimal: string): SplitDecimal {
  const match = DECIMAL_PATTERN.exec(decimal.trim());
  if (!match) {
    throw new RangeError(`invalid decimal "${decimal}": expected digits with an optional fraction`);
  }
  const [, sign, whole = "0", fraction = ""] = match;
  return { negative: sign === "-", whole, fraction };
}

function checkFractionDigits(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    throw new RangeError(`${name} must be an integer from 0 to 100, got ${value}`);
  }
}

/**
 * Rounds a decimal string half away from zero to `places` fraction digits and
 * returns it with exactly `places` fraction digits ("1.005", 2 gives "1.01").
 */
export function roundDecimal(decimal: string, places: number): string {
  checkFractionDigits("places", places);
  const { negative, whole, fraction } = splitDecimal(decimal);
  const keptFraction = fraction.slice(0, places).padEnd(places, "0");
  let scaled = BigInt(whole + keptFraction);
  // Only the first dropped digit decides rounding half away from zero.
  if ((fraction[places] ?? "0") >= "5") scaled += 1n;

  const digits = scaled.toString().padStart(places + 1, "0");
  const wholeDigits = digits.slice(0, digits.length - places);
  const fractionDigits = digits.slice(digits.length - places);
  const text = places > 0 ? `${wholeDigits}.${fractionDigits}` : wholeDigits;
  return negative && scaled !== 0n ? `-${text}` : text;
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Formats a decimal string with thousands separators, rounded to
 * `maximumFractionDigits` and trailing zeros removed down to
 * `minimumFractionDigits` ("1234.5" with 2 and 2 gives "1,234.50").
 */
export function formatDecimal(decimal: string, options: DecimalFormatOptions = {}): string {
  const maximum = options.maximumFractionDigits ?? 2;
  const minimum = Math.min(options.minimumFractionDigits ?? 0, maximum);
  checkFractionDigits("maximumFractionDigits", maximum);
  checkFractionDigits("minimumFractionDigits", minimum);

  const { negative, whole, fraction } = splitDecimal(roundDecimal(decimal, maximum));
  let trimmedFraction = fraction;
  while (trimmedFraction.length > minimum && trimmedFraction.endsWith("0")) {
    trimmedFraction = trimmedFraction.slice(0, -1);
  }
  const grouped = groupThousands(whole.replace(/^0+(?=\d)/, ""));
  const text = trimmedFraction ? `${grouped}.${trimmedFraction}` : grouped;
  return negative ? `-${text}` : text;
}

/**
 * Formats a USD amount given as a decimal string: "$1,234.57", "-$0.50". Totals
 * use the default of exactly two fraction digits.
 */
export function formatUsd(decimal: string, options: DecimalFormatOptions = {}): string {
  const maximum = options.maximumFractionDigits ?? 2;
  const minimum = options.minimumFractionDigits ?? Math.min(2, maximum);
  const text = formatDecimal(decimal, {
    minimumFractionDigits: minimum,
    maximumFractionDigits: maximum,
  });
  return text.startsWith("-") ? `-$${text.slice(1)}` : `$${text}`;
}

/** Fraction digits at which a unit cost keeps four significant digits. */
const UNIT_COST_SIGNIFICANT_DIGITS = 4;
/** Amounts carry 10^-12 USD, so more digits than this would be invented. */
const UNIT_COST_MAX_FRACTION_DIGITS = 12;

/**
 * Formats a small USD amount such as a cost per decision with four significant
 * digits and at least four fraction digits: "$0.01235", "$12.3457",
 * "$0.000001234". Amounts below 10^-12 USD show as zero.
 */
export function formatUnitCostUsd(decimal: string): string {
  const { whole, fraction } = splitDecimal(decimal);
  let places = UNIT_COST_SIGNIFICANT_DIGITS;
  if (/^0+$/.test(whole)) {
    const leadingZeros = /^0*/.exec(fraction)?.[0].length ?? 0;
    places = Math.min(leadingZeros + UNIT_COST_SIGNIFICANT_DIGITS, UNIT_COST_MAX_FRACTION_DIGITS);
  }
  return formatUsd(decimal, {
    minimumFractionDigits: UNIT_COST_SIGNIFICANT_DIGITS,
    maximumFractionDigits: Math.max(places, UNIT_COST_SIGNIFICANT_DIGITS),
  });
}

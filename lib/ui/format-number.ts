/**
 * Display formatting of counts and statistics, which are JavaScript numbers in the
 * API. The locale is fixed so server and browser render the same text.
 */

const LOCALE = "en-US";
const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat(LOCALE, {
  notation: "compact",
  maximumFractionDigits: 1,
});

/** Formats a count of runs, decisions or tokens: "1,234,567". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** Formats a large count for chart axes: "1.2M", "950". */
export function formatCompactCount(value: number): string {
  return compactFormat.format(value);
}

/** Formats a USD amount for chart axes and tooltips, where numbers are approximate. */
export function formatCompactUsd(value: number): string {
  const text = compactFormat.format(Math.abs(value));
  return value < 0 ? `-$${text}` : `$${text}`;
}

/**
 * Formats a statistic with `significantDigits` significant digits and no
 * exponent: 0.8123 gives "0.812", 1234.5 gives "1,235".
 */
export function formatStatistic(value: number, significantDigits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const fractionDigits = Math.min(Math.max(significantDigits - 1 - magnitude, 0), 12);
  return new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Formats an estimated USD amount, such as a regression slope: "$0.0123", "-$1.20". */
export function formatUsdEstimate(value: number, significantDigits = 3): string {
  const text = formatStatistic(Math.abs(value), significantDigits);
  return value < 0 ? `-$${text}` : `$${text}`;
}

/** Formats an elasticity with two decimals, the precision the verdict is read at. */
export function formatElasticity(value: number): string {
  const text = value.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

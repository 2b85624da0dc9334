/**
 * Percentages of the reconciliation, formatted from decimal strings without a
 * float, rounded half away from zero to two places.
 */

/** Formats a fraction such as "0.9375" as a percentage, "93.75 %"; null as an em dash. */
export function formatCoverage(fraction: string | null): string {
  if (fraction === null) return "—";
  return formatPercent(shiftLeftTwo(fraction));
}

/** Formats a percentage given as a decimal string, such as "-6.25", as "-6.25 %". */
export function formatPercent(percent: string | null): string {
  if (percent === null) return "—";
  const negative = percent.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? percent.slice(1) : percent).split(".");
  const rounded = roundHalfUp(whole, fraction, 2);
  return `${negative && /[1-9]/.test(rounded) ? "-" : ""}${rounded} %`;
}

/** Multiplies a non-negative or negative decimal string by 100 without a float. */
function shiftLeftTwo(decimal: string): string {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const padded = fraction.padEnd(2, "0");
  const shiftedWhole = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = padded.slice(2);
  return `${negative ? "-" : ""}${shiftedWhole}${rest ? `.${rest}` : ""}`;
}

function roundHalfUp(whole: string, fraction: string, places: number): string {
  let scaled = BigInt(whole + fraction.slice(0, places).padEnd(places, "0"));
  if ((fraction[places] ?? "0") >= "5") scaled += 1n;
  const digits = scaled.toString().padStart(places + 1, "0");
  const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return text.replace(/\.?0+$/, "");
}

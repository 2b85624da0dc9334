/**
 * Ordinary least squares slope of y on x with an intercept, its standard error and
 * a two-sided t interval with n − 2 degrees of freedom.
 */

import { computeStudentTQuantile } from "./student-t";
import type { Regression } from "./types";

const DEFAULT_CONFIDENCE = 0.95;

function isConstant(values: readonly number[]): boolean {
  const first = values[0];
  return values.every((value) => value === first);
}

/**
 * Returns the deviations from the mean. A second pass adds the mean of the first
 * deviations to the mean, which removes most of the rounding error of sum / n.
 */
function centerValues(values: readonly number[]): number[] {
  if (isConstant(values)) return values.map(() => 0);
  const n = values.length;
  let mean = values.reduce((sum, value) => sum + value, 0) / n;
  mean += values.reduce((sum, value) => sum + (value - mean), 0) / n;
  return values.map((value) => value - mean);
}

/**
 * Fits y = α + βx by ordinary least squares and returns β with its standard error,
 * r² and its `confidence` two-sided t interval with n − 2 degrees of freedom.
 *
 * Returns null when n < 3 (no residual degrees of freedom) or when x is constant
 * (the slope is undefined). The data are centered first, and the residual sum of
 * squares is summed from the residuals themselves, not from Syy − βSxy, so a
 * near-perfect fit keeps a meaningful standard error instead of cancellation noise.
 * r² is 1 − RSS/TSS, and 1 when y is constant: the fitted flat line then explains y
 * exactly, and the ratio 0/0 has no other meaning.
 */
export function fitOlsSlope(
  x: readonly number[],
  y: readonly number[],
  confidence = DEFAULT_CONFIDENCE,
): Regression | null {
  if (x.length !== y.length) {
    throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`);
  }
  for (const [name, values] of [["x", x], ["y", y]] as const) {
    const index = values.findIndex((value) => !Number.isFinite(value));
    if (index >= 0) {
      throw new RangeError(`${name}[${index}] must be a finite number, got ${values[index]}`);
    }
  }
  const n = x.length;
  if (n < 3 || isConstant(x)) return null;

  const dx = centerValues(x);
  const dy = centerValues(y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const u = dx[i] ?? 0;
    const v = dy[i] ?? 0;
    sxx += u * u;
    sxy += u * v;
    syy += v * v;
  }
  const slope = sxy / sxx;

  let residualSquares = 0;
  for (let i = 0; i < n; i++) {
    const residual = (dy[i] ?? 0) - slope * (dx[i] ?? 0);
    residualSquares += residual * residual;
  }

  const df = n - 2;
  const stdErr = Math.sqrt(residualSquares / df / sxx);
  const critical = computeStudentTQuantile(1 - (1 - confidence) / 2, df);
  const r2 = syy === 0 ? 1 : 1 - residualSquares / syy;
  return {
    value: slope,
    stdErr,
    ciLow: slope - critical * stdErr,
    ciHigh: slope + critical * stdErr,
    n,
    r2,
  };
}

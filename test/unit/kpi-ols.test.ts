import { describe, expect, it } from "vitest";
import { fitOlsSlope } from "@/lib/kpi/ols";

// t quantile at 0.975 with 3 degrees of freedom, from mpmath 1.3 at 40 digits.
const T_975_DF3 = 3.1824463052837095;

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe("fitOlsSlope", () => {
  it("textbook example", () => {
    // Slope 0.6, RSS 2.4, Sxx 10, TSS 6, worked by hand.
    const fit = fitOlsSlope([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(fit).not.toBeNull();
    if (fit === null) return;
    const stdErr = Math.sqrt(2.4 / 3 / 10);
    expect(relativeError(fit.value, 0.6)).toBeLessThan(1e-14);
    expect(relativeError(fit.stdErr, stdErr)).toBeLessThan(1e-14);
    expect(relativeError(fit.ciLow, 0.6 - T_975_DF3 * stdErr)).toBeLessThan(1e-13);
    expect(relativeError(fit.ciHigh, 0.6 + T_975_DF3 * stdErr)).toBeLessThan(1e-13);
    expect(relativeError(fit.r2, 0.6)).toBeLessThan(1e-14);
    expect(fit.n).toBe(5);
  });

  it("large x offset keeps precision", () => {
    // Exact results from rational arithmetic (Python fractions). The one-pass formula
    // n Σxy − Σx Σy gives a slope of 0.1937 here instead of 0.1803.
    const x = Array.from({ length: 10 }, (_, i) => 1e8 + i);
    const y = [5.5, 4.75, 6.0, 7.0, 6.5, 5.75, 7.0, 6.0, 7.5, 6.75];
    const fit = fitOlsSlope(x, y);
    expect(fit).not.toBeNull();
    if (fit === null) return;
    expect(relativeError(fit.value, 0.1803030303030303)).toBeLessThan(1e-12);
    expect(relativeError(fit.stdErr, 0.07281402654003807)).toBeLessThan(1e-12);
    expect(relativeError(fit.r2, 0.4338940466341882)).toBeLessThan(1e-12);
  });

  it("exact line has zero error", () => {
    const x = [10, 20, 30, 40];
    const fit = fitOlsSlope(x, x.map((v) => 3 + 0.5 * v));
    expect(fit).not.toBeNull();
    if (fit === null) return;
    expect(fit.value).toBe(0.5);
    expect(fit.stdErr).toBe(0);
    expect(fit.ciLow).toBe(0.5);
    expect(fit.ciHigh).toBe(0.5);
    expect(fit.r2).toBe(1);
  });

  it("constant y fits a flat line", () => {
    const fit = fitOlsSlope([1, 2, 3, 4], [0.7, 0.7, 0.7, 0.7]);
    expect(fit).not.toBeNull();
    if (fit === null) return;
    expect(fit.value).toBe(0);
    expect(fit.stdErr).toBe(0);
    expect(fit.r2).toBe(1);
  });

  it("n below 3 is null", () => {
    expect(fitOlsSlope([], [])).toBeNull();
    expect(fitOlsSlope([1], [2])).toBeNull();
    expect(fitOlsSlope([1, 2], [2, 5])).toBeNull();
  });

  it("n of 3 has one degree of freedom", () => {
    const fit = fitOlsSlope([0, 1, 2], [0, 2, 1]);
    expect(fit).not.toBeNull();
    if (fit === null) return;
    // Slope ½, RSS 1.5, Sxx 2, t(0.975, 1) = 12.706204736174704.
    const stdErr = Math.sqrt(1.5 / 1 / 2);
    expect(fit.value).toBe(0.5);
    expect(relativeError(fit.ciHigh - fit.value, 12.706204736174704 * stdErr)).toBeLessThan(1e-13);
  });

  it("constant x is null", () => {
    // ln(300) repeated: a mean computed as sum / n need not equal it exactly.
    const x = Array.from({ length: 20 }, () => Math.log(300));
    expect(fitOlsSlope(x, x.map((_, i) => i))).toBeNull();
  });

  it("confidence level is configurable", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    const wide = fitOlsSlope(x, y, 0.99);
    const narrow = fitOlsSlope(x, y, 0.8);
    expect(wide).not.toBeNull();
    expect(narrow).not.toBeNull();
    if (wide === null || narrow === null) return;
    expect(wide.ciHigh - wide.ciLow).toBeGreaterThan(narrow.ciHigh - narrow.ciLow);
  });

  it("rejects invalid input", () => {
    expect(() => fitOlsSlope([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => fitOlsSlope([1, 2, Number.NaN], [1, 2, 3])).toThrow(RangeError);
    expect(() => fitOlsSlope([1, 2, 3], [1, Infinity, 3])).toThrow(RangeError);
    expect(() => fitOlsSlope([1, 2, 3], [1, 2, 3], 1)).toThrow(RangeError);
  });
});

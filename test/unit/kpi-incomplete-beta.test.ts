import { describe, expect, it } from "vitest";
import { logBeta, logGamma, regularizedIncompleteBeta } from "@/lib/kpi/incomplete-beta";

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}

describe("logGamma", () => {
  it("matches log factorials", () => {
    for (const n of [3, 7, 12, 30, 171]) {
      expect(relativeError(logGamma(n), logFactorial(n - 1))).toBeLessThan(1e-13);
    }
  });

  it("Γ(½) is √π", () => {
    expect(relativeError(logGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
  });

  it("rejects x <= 0", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1.5)).toThrow(RangeError);
  });
});

describe("logBeta", () => {
  it("B(a, 1) is 1/a", () => {
    for (const a of [0.5, 4, 25, 5000]) {
      expect(relativeError(logBeta(a, 1), -Math.log(a))).toBeLessThan(1e-13);
    }
  });

  it("both arguments large", () => {
    // B(m, n) = (m−1)! (n−1)! / (m+n−1)!
    const expected = logFactorial(29) + logFactorial(39) - logFactorial(69);
    expect(relativeError(logBeta(30, 40), expected)).toBeLessThan(1e-13);
  });

  it("is symmetric", () => {
    expect(logBeta(0.5, 4000)).toBe(logBeta(4000, 0.5));
  });
});

describe("regularizedIncompleteBeta", () => {
  it("I_x(a, 1) is x^a", () => {
    for (const [x, a] of [[0.3, 2], [0.9, 7.5], [0.999, 40]] as const) {
      expect(relativeError(regularizedIncompleteBeta(x, a, 1), x ** a)).toBeLessThan(1e-13);
    }
  });

  it("I_x(1, b) is 1 − (1 − x)^b", () => {
    for (const [x, b] of [[0.2, 3], [0.7, 0.5], [0.01, 12]] as const) {
      const expected = 1 - (1 - x) ** b;
      expect(relativeError(regularizedIncompleteBeta(x, 1, b), expected)).toBeLessThan(1e-13);
    }
  });

  it("I_½(a, a) is ½", () => {
    for (const a of [0.5, 3, 300]) {
      expect(relativeError(regularizedIncompleteBeta(0.5, a, a), 0.5)).toBeLessThan(1e-13);
    }
  });

  it("endpoints", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it("rejects invalid arguments", () => {
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(RangeError);
  });
});

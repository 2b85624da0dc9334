import { describe, expect, it } from "vitest";
import {
  computeStudentTDensity,
  computeStudentTQuantile,
  computeStudentTUpperTail,
} from "@/lib/kpi/student-t";

// Reference quantiles from mpmath 1.3 at 40 digits: the root of ½ I_x(df/2, ½) = 1 − p,
// x = df/(df + t²), rounded to doubles.
const QUANTILES_975: [number, number][] = [
  [1, 12.706204736174704],
  [2, 4.302652729749464],
  [3, 3.1824463052837095],
  [10, 2.2281388519862747],
  [26, 2.055529438642873],
  [30, 2.0422724563012383],
  [100, 1.9839715185235523],
  [1000, 1.9623390808264085],
  [10000, 1.9602012398906263],
];

const OTHER_QUANTILES: [number, number, number][] = [
  [1, 0.995, 63.656741162871526],
  [5, 0.6, 0.26718086570414507],
  [10, 1e-10, -25.466008021697726],
  [2.5, 0.975, 3.5746548420036818],
  [0.5, 0.995, 4113.964588804174],
  [9000, 0.95, 1.6450229521692548],
];

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe("computeStudentTQuantile", () => {
  it.each(QUANTILES_975)("df %d at 0.975", (df, expected) => {
    expect(relativeError(computeStudentTQuantile(0.975, df), expected)).toBeLessThan(1e-12);
  });

  it.each(OTHER_QUANTILES)("df %s at p %s", (df, probability, expected) => {
    const actual = computeStudentTQuantile(probability, df);
    expect(relativeError(actual, expected)).toBeLessThan(1e-12);
  });

  it("df 1 matches the Cauchy closed form", () => {
    // For df = 1 the quantile is tan(π (p − ½)), so P(T < t) = 1e-100 at about −1/(π 1e-100).
    const expected = -1 / (Math.PI * 1e-100);
    expect(relativeError(computeStudentTQuantile(1e-100, 1), expected)).toBeLessThan(1e-12);
  });

  it("df 2 matches its closed form", () => {
    for (const probability of [0.6, 0.9, 0.999]) {
      const alpha = 2 * probability - 1;
      const expected = alpha / Math.sqrt(2 * (1 - probability) * probability);
      const actual = computeStudentTQuantile(probability, 2);
      expect(relativeError(actual, expected)).toBeLessThan(1e-12);
    }
  });

  it("lower quantiles mirror upper ones", () => {
    for (const df of [1, 7, 250]) {
      // 1 − 0.875 is exactly 0.125, so both calls solve for the same tail.
      expect(computeStudentTQuantile(0.125, df)).toBe(-computeStudentTQuantile(0.875, df));
    }
  });

  it("inverts the upper tail", () => {
    for (const df of [1, 3, 40, 5000]) {
      for (const tail of [0.3, 0.01, 1e-8, 1e-40]) {
        // The lower quantile keeps the tail exact, where 1 − tail would round it.
        const t = -computeStudentTQuantile(tail, df);
        expect(relativeError(computeStudentTUpperTail(t, df), tail)).toBeLessThan(1e-12);
      }
    }
  });

  it("median and endpoints", () => {
    expect(computeStudentTQuantile(0.5, 4)).toBe(0);
    expect(computeStudentTQuantile(0, 4)).toBe(-Infinity);
    expect(computeStudentTQuantile(1, 4)).toBe(Infinity);
  });

  it("rejects invalid arguments", () => {
    expect(() => computeStudentTQuantile(1.2, 4)).toThrow(RangeError);
    expect(() => computeStudentTQuantile(Number.NaN, 4)).toThrow(RangeError);
    expect(() => computeStudentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => computeStudentTQuantile(0.9, Infinity)).toThrow(RangeError);
  });
});

describe("computeStudentTUpperTail", () => {
  it("df 1 matches the Cauchy tail", () => {
    for (const t of [0.5, 3, 1e6]) {
      // ½ − atan(t)/π, written as atan(1/t)/π to avoid cancellation for large t.
      const expected = Math.atan(1 / t) / Math.PI;
      expect(relativeError(computeStudentTUpperTail(t, 1), expected)).toBeLessThan(1e-12);
    }
  });

  it("tails of t and −t sum to 1", () => {
    expect(computeStudentTUpperTail(0, 9)).toBe(0.5);
    expect(computeStudentTUpperTail(-2, 9) + computeStudentTUpperTail(2, 9)).toBeCloseTo(1, 15);
  });

  it("far tail stays finite", () => {
    // For df = 1 and huge t the tail is 1/(π t) to first order.
    const expected = 1 / (Math.PI * 1e200);
    expect(relativeError(computeStudentTUpperTail(1e200, 1), expected)).toBeLessThan(1e-12);
    expect(computeStudentTUpperTail(Infinity, 3)).toBe(0);
  });
});

describe("computeStudentTDensity", () => {
  it("df 1 is the Cauchy density", () => {
    for (const t of [0, 1.5, -20]) {
      const expected = 1 / (Math.PI * (1 + t * t));
      expect(relativeError(computeStudentTDensity(t, 1), expected)).toBeLessThan(1e-13);
    }
  });

  it("large df nears the normal density", () => {
    const normal = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);
    expect(relativeError(computeStudentTDensity(1, 1e7), normal)).toBeLessThan(1e-6);
  });
});

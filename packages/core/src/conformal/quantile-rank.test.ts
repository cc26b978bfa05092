/**
 * Exact conformal ranks: hand-worked small cases and a differential property test against exact
 * rational arithmetic (fraction.js) on the confidence level's decimal.
 */
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { conformalLowerRank, conformalUpperRank, decimalFraction, minimumCalibrationSize } from "./quantile-rank.js";

describe("conformalUpperRank", () => {
  it.each([
    [9, 0.9, 9],
    [8, 0.9, Infinity],
    [19, 0.95, 19],
    [18, 0.95, Infinity],
    [20, 0.9, 19],
    [1, 0.5, 1],
    [999, 0.999, 999],
    [998, 0.999, Infinity],
    [100, 0.95, 96],
    [4, 0.8, 4],
  ])("n = %i, 1−α = %f → %f", (n, c, rank) => {
    expect(conformalUpperRank(n, c)).toBe(rank);
  });

  it("reads the confidence level as its decimal, not the nearest double", () => {
    // NOTE: (n+1)·c in doubles can land just above an integer: 200 · 0.545 = 109.00000000000001.
    expect(decimalFraction(0.95)).toEqual({ numerator: 95n, denominator: 100n });
    expect(decimalFraction(1e-7)).toEqual({ numerator: 1n, denominator: 10000000n });
    expect(conformalUpperRank(199, 0.545)).toBe(109);
    expect(Math.ceil(200 * 0.545)).toBe(110);
  });

  it("rejects a confidence level outside (0, 1) and a bad n", () => {
    expectIslError(() => conformalUpperRank(10, 1), "ISL_INVALID_INPUT");
    expectIslError(() => conformalUpperRank(10, 0), "ISL_INVALID_INPUT");
    expectIslError(() => conformalUpperRank(0, 0.9), "ISL_INVALID_INPUT");
    expectIslError(() => conformalUpperRank(2.5, 0.9), "ISL_INVALID_INPUT");
  });
});

describe("conformalLowerRank and minimumCalibrationSize", () => {
  it.each([
    [19, 0.9, 2],
    [18, 0.9, 1],
    [8, 0.9, 0],
    [9, 0.9, 1],
    [39, 0.95, 2],
  ])("n = %i, 1−α = %f → ⌊α(n+1)⌋ = %i", (n, c, rank) => {
    expect(conformalLowerRank(n, c)).toBe(rank);
  });

  it.each([
    [0.9, 9],
    [0.95, 19],
    [0.999, 999],
    [0.5, 1],
    [0.8, 4],
    [0.85, 6],
  ])("1−α = %f needs n ≥ %i", (c, n) => {
    expect(minimumCalibrationSize(c)).toBe(n);
    expect(conformalUpperRank(n, c)).toBeLessThanOrEqual(n);
    if (n > 1) expect(conformalUpperRank(n - 1, c)).toBe(Infinity);
  });
});

describe("ranks agree with exact rational arithmetic", () => {
  const level = fc.integer({ min: 1, max: 99_999 }).map((k) => k / 100_000);
  it("upper rank = ⌈(n+1)c⌉ (or ∞ above n), lower rank = ⌊(n+1)(1−c)⌋", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), level, (n, c) => {
        const exact = new Fraction(String(c));
        const upper = new Fraction(n + 1).mul(exact).ceil().valueOf();
        expect(conformalUpperRank(n, c)).toBe(upper > n ? Infinity : upper);
        expect(conformalLowerRank(n, c)).toBe(new Fraction(n + 1).mul(new Fraction(1).sub(exact)).floor().valueOf());
        // NOTE: the defining property: the smallest k with k/(n+1) ≥ c.
        if (upper <= n) {
          expect(new Fraction(upper, n + 1).compare(exact)).toBeGreaterThanOrEqual(0);
          expect(new Fraction(upper - 1, n + 1).compare(exact)).toBeLessThan(0);
        }
      }),
      { seed: 20261127, numRuns: 500 },
    );
  });
});

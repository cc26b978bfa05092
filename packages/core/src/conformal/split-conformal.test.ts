/**
 * Split conformal and jackknife+ intervals: hand-worked cases, and a differential property test of
 * the split interval against the conformal p-value definition in exact rational arithmetic: a
 * candidate residual s is inside the interval iff (1 + #{i : sᵢ ≥ s}) / (n + 1) > α.
 */
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { jackknifePlusInterval, cvPlusGuaranteedCoverage } from "./jackknife-plus.js";
import { absoluteResiduals, kthSmallest, splitConformalInterval } from "./split-conformal.js";

describe("splitConformalInterval", () => {
  it("n = 9, α = 0.1: the half-width is the 9th smallest score (the largest)", () => {
    const scores = [5, 1, 9, 3, 7, 2, 8, 4, 6];
    const interval = splitConformalInterval(scores, 100, 0.9);
    expect(interval).toMatchObject({ lower: 91, upper: 109, halfWidth: 9, rank: 9, infinite: false, prediction: 100 });
  });

  it("n = 8, α = 0.1: too few points, the interval is the whole line", () => {
    const interval = splitConformalInterval([1, 2, 3, 4, 5, 6, 7, 8], 0, 0.9);
    expect(interval.infinite).toBe(true);
    expect(interval.lower).toBe(-Infinity);
    expect(interval.upper).toBe(Infinity);
  });

  it("n = 19, 1−α = 0.8: rank ⌈20·0.8⌉ = 16", () => {
    const scores = Array.from({ length: 19 }, (_, i) => 19 - i);
    expect(splitConformalInterval(scores, 0, 0.8)).toMatchObject({ rank: 16, halfWidth: 16 });
  });

  it("absolute residuals and kth smallest", () => {
    expect(Array.from(absoluteResiduals([1, 5, -2], [3, 5, 1]))).toEqual([2, 0, 3]);
    expect(kthSmallest([3, 1, 2], 2)).toBe(2);
    expectIslError(() => absoluteResiduals([1], [1, 2]), "ISL_INVALID_INPUT");
    expectIslError(() => splitConformalInterval([1, Number.NaN], 0, 0.5), "ISL_INVALID_INPUT");
    expectIslError(() => splitConformalInterval([1, 2], Number.POSITIVE_INFINITY, 0.5), "ISL_INVALID_INPUT");
  });

  it("agrees with the conformal p-value definition (exact fractions)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 500, max: 999 }), (scores, k) => {
        const c = k / 1000;
        const alpha = new Fraction(1).sub(new Fraction(k, 1000));
        const n = scores.length;
        const interval = splitConformalInterval(scores, 0, c);
        const inside = (s: number) => new Fraction(1 + scores.filter((t) => t >= s).length, n + 1).compare(alpha) > 0;
        // NOTE: candidates: every score, and a value above all of them.
        for (const s of [...scores, 21]) expect(s <= interval.halfWidth).toBe(inside(s));
      }),
      { seed: 4242, numRuns: 400 },
    );
  });
});

describe("jackknifePlusInterval", () => {
  it("hand case: n = 19, α = 0.1 → lower rank 2, upper rank 18", () => {
    const mus = Array.from({ length: 19 }, (_, i) => 10 + (i % 3));
    const residuals = Array.from({ length: 19 }, (_, i) => i + 1);
    const lows = mus.map((m, i) => m - residuals[i]!).sort((a, b) => a - b);
    const highs = mus.map((m, i) => m + residuals[i]!).sort((a, b) => a - b);
    const interval = jackknifePlusInterval(mus, residuals, 11, 0.9);
    expect(interval).toMatchObject({ lowerRank: 2, upperRank: 18, lower: lows[1], upper: highs[17], infinite: false, prediction: 11 });
  });

  it("with equal held-out predictions it is the split interval on the residuals", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 500, max: 999 }), (residuals, k) => {
        const c = k / 1000;
        const split = splitConformalInterval(residuals, 3, c);
        const jk = jackknifePlusInterval(residuals.map(() => 3), residuals, 3, c);
        expect(jk.infinite).toBe(split.infinite);
        expect(jk.upper).toBe(split.upper);
        // NOTE: the lower end uses rank ⌊α(n+1)⌋ of −Rᵢ, i.e. the ⌈(1−α)(n+1)⌉-th largest residual, the same q.
        if (!split.infinite) expect(jk.lower).toBe(split.lower);
      }),
      { seed: 77, numRuns: 300 },
    );
  });

  it("is unbounded when α(n+1) < 1", () => {
    expect(jackknifePlusInterval([1, 2, 3], [1, 1, 1], 2, 0.9)).toMatchObject({ infinite: true, lower: -Infinity, upper: Infinity, lowerRank: 0 });
    expectIslError(() => jackknifePlusInterval([1, 2], [1], 0, 0.9), "ISL_INVALID_INPUT");
  });

  it("CV+ guarantee: Theorem 4 of Barber et al. (2021)", () => {
    // n = 100, K = 10, α = 0.1: 0.8 − min(2·0.9/11, 0.9/11) = 0.8 − 0.9/11.
    expect(cvPlusGuaranteedCoverage(100, 10, 0.9)).toBeCloseTo(0.8 - 0.9 / 11, 12);
    expect(cvPlusGuaranteedCoverage(20, 20, 0.9)).toBeCloseTo(0.8, 12);
  });
});

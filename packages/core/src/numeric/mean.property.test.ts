/**
 * Property tests (fast-check, seeded) of `mean` and `populationStd`: bounds, translation and scale
 * behaviour, and agreement with an exact integer reference.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mean } from "./mean.js";
import { populationStd, populationVariance } from "./population-std.js";

const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 50 });

describe("mean and populationStd properties", () => {
  it("mean lies in [min, max]", () => {
    fc.assert(
      fc.property(sample, (values) => {
        const m = mean(values);
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
      { seed: 1974, numRuns: 300 },
    );
  });

  it("std is non-negative, translation-invariant and scales with |c|", () => {
    fc.assert(
      fc.property(sample, fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (values, shift, scale) => {
        const s = populationStd(values);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(populationStd(values.map((v) => v + shift))).toBeCloseTo(s, 4);
        expect(populationStd(values.map((v) => v * scale))).toBeCloseTo(Math.abs(scale) * s, 3);
      }),
      { seed: 1983, numRuns: 300 },
    );
  });

  it("agrees with the definition Σ(x − m)²/n computed from a brute-force reference", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }), (ints) => {
        // Integers: n²·variance = n·Σx² − (Σx)² is exact in doubles at this size.
        const n = ints.length;
        const sum = ints.reduce((a, b) => a + b, 0);
        const sumSquares = ints.reduce((a, b) => a + b * b, 0);
        const exact = (n * sumSquares - sum * sum) / (n * n);
        expect(populationVariance(ints)).toBeCloseTo(exact, 8);
      }),
      { seed: 1985, numRuns: 300 },
    );
  });
});

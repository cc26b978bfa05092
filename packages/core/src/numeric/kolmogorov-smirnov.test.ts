/**
 * Table-driven tests of the one-sample KS statistic on hand-computed samples and of Smirnov's
 * asymptotic critical values.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { ksCriticalValue, ksStatistic } from "./kolmogorov-smirnov.js";

const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));

describe("ksStatistic", () => {
  it.each([
    // One point at 0.5: ECDF jumps 0 → 1 there, so D = max(1 − 0.5, 0.5 − 0) = 0.5.
    { values: [0.5], expected: 0.5 },
    // Points at the midpoints of n equal cells: D = 1/(2n).
    { values: [0.125, 0.375, 0.625, 0.875], expected: 0.125 },
    // Unsorted input is sorted first: D = max(½ − 0.1, 0.1 − 0, 1 − 0.9, 0.9 − ½) = 0.4.
    { values: [0.9, 0.1], expected: 0.4 },
    // All mass at 0: D = 1 − F(0) = 1.
    { values: [0, 0, 0], expected: 1 },
  ])("D($values) = $expected against U(0, 1)", ({ values, expected }) => {
    expect(ksStatistic(values, uniformCdf)).toBeCloseTo(expected, 15);
  });

  it("rejects empty samples", () => {
    expect(() => ksStatistic([], uniformCdf)).toThrowError(IslError);
  });
});

describe("ksCriticalValue", () => {
  it.each([
    // c(α) = √(−½ ln(α/2)): 1.9495 at α = 0.001, 1.3581 at α = 0.05 (Smirnov's table).
    { n: 1, alpha: 0.001, expected: 1.9495 },
    { n: 100_000, alpha: 0.001, expected: 1.9495 / Math.sqrt(100_000) },
    { n: 100, alpha: 0.05, expected: 0.13581 },
  ])("n = $n, α = $alpha → $expected", ({ n, alpha, expected }) => {
    expect(ksCriticalValue(n, alpha)).toBeCloseTo(expected, 4);
  });

  it.each([
    { n: 0, alpha: 0.05 },
    { n: 2.5, alpha: 0.05 },
    { n: 10, alpha: 0 },
    { n: 10, alpha: 1 },
  ])("rejects n = $n, α = $alpha", ({ n, alpha }) => {
    expect(() => ksCriticalValue(n, alpha)).toThrowError(IslError);
  });
});

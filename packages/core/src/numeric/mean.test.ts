/**
 * Table-driven tests of `mean` (Neumaier summation) and `populationStd` (corrected two-pass,
 * Chan–Golub–LeVeque 1983), including cancellation and large-offset cases.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { compensatedSum, mean } from "./mean.js";
import { populationStd, populationVariance } from "./population-std.js";

describe("mean", () => {
  it.each([
    { values: [5], expected: 5 },
    { values: [1, 2, 3, 4], expected: 2.5 },
    { values: [-1, 1], expected: 0 },
    { values: Float64Array.of(0.1, 0.2, 0.3), expected: 0.2 },
    // Naive left-to-right summation gives 0 here; compensation recovers the exact 2/3.
    { values: [1e16, 1, 1, -1e16], expected: 0.5 },
    // The sum overflows although the mean is representable.
    { values: [1.5e308, 1.5e308], expected: 1.5e308 },
  ])("mean($values) = $expected", ({ values, expected }) => {
    expect(mean(values)).toBeCloseTo(expected, 15);
  });

  it.each([
    { values: [], what: "empty" },
    { values: [1, Number.NaN], what: "NaN" },
    { values: [Infinity, 1], what: "Infinity" },
  ])("rejects $what input with ISL_INVALID_INPUT", ({ values }) => {
    expect(() => mean(values)).toThrowError(IslError);
    expect(() => mean(values)).toThrowError(/mean: values must be/);
  });

  it("compensatedSum is exact where naive summation loses everything", () => {
    const values = [1, 1e100, 1, -1e100];
    expect(values.reduce((a, b) => a + b, 0)).toBe(0);
    expect(compensatedSum(values)).toBe(2);
  });
});

describe("populationStd (ddof = 0)", () => {
  it.each([
    { values: [2, 4, 4, 4, 5, 5, 7, 9], variance: 4, std: 2 },
    { values: [3], variance: 0, std: 0 },
    { values: [1, 2, 3, 4], variance: 1.25, std: Math.sqrt(1.25) },
    // Large offset: the textbook one-pass formula E[x²] − E[x]² returns 0 or garbage here.
    { values: [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16], variance: 22.5, std: Math.sqrt(22.5) },
  ])("populationStd($values) = $std", ({ values, variance, std }) => {
    expect(populationVariance(values)).toBeCloseTo(variance, 9);
    expect(populationStd(values)).toBeCloseTo(std, 9);
  });

  it("rejects an empty sample", () => {
    expect(() => populationStd([])).toThrowError(/values must be a non-empty array/);
  });
});

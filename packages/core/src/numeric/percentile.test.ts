/**
 * Table-driven tests of type-7 percentiles (Hyndman–Fan 1996) against exact rational arithmetic
 * (fraction.js) and hand-checked numpy examples.
 */
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { percentile, percentileSorted } from "./percentile.js";

/**
 * Exact Hyndman–Fan type 7 in rational arithmetic: h = (p/100)(n − 1), result
 * x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted sample.
 */
function exactType7(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b).map((v) => new Fraction(v));
  const h = new Fraction(p).div(100).mul(sorted.length - 1);
  const lo = Number(h.floor().valueOf());
  const t = h.sub(lo);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a.add(t.mul(b.sub(a))).valueOf();
}

describe("percentile (type 7, numpy linear)", () => {
  // Hand-checked: numpy.percentile([1, 2, 3, 4], 50) = 2.5, ([1, 2, 3, 4], 25) = 1.75,
  // ([10, 7, 4, 3, 2, 1], 90) = 8.5, ([15, 20, 35, 40, 50], 40) = 29 — each equals exactType7.
  it.each([
    { values: [1, 2, 3, 4], p: 50, expected: 2.5 },
    { values: [1, 2, 3, 4], p: 25, expected: 1.75 },
    { values: [1, 2, 3, 4], p: 75, expected: 3.25 },
    { values: [10, 7, 4, 3, 2, 1], p: 90, expected: 8.5 },
    { values: [15, 20, 35, 40, 50], p: 40, expected: 29 },
    { values: [15, 20, 35, 40, 50], p: 0, expected: 15 },
    { values: [15, 20, 35, 40, 50], p: 100, expected: 50 },
    { values: [42], p: 37, expected: 42 },
    { values: [-3, 0.5], p: 10, expected: -2.65 },
  ])("percentile($values, $p) = $expected", ({ values, p, expected }) => {
    expect(exactType7(values, p)).toBeCloseTo(expected, 14);
    expect(percentile(values, p)).toBeCloseTo(expected, 13);
  });

  it.each([
    { values: [0.1, 0.7, 0.2, 0.9, 0.4], p: 33.3 },
    { values: [1, 2, 3, 5, 8, 13, 21], p: 62.5 },
    { values: [100, -100, 3.25, 7.5], p: 99.9 },
    { values: [2, 2, 2, 9], p: 66.6 },
  ])("matches exact rational arithmetic on $values at p = $p", ({ values, p }) => {
    const exact = exactType7(values, p);
    // Two roundings (index, then interpolation) bound the error by a few ulps of the data range.
    expect(Math.abs(percentile(values, p) - exact)).toBeLessThanOrEqual(4 * Number.EPSILON * 200);
  });

  it("does not modify its input", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([
    { values: [], p: 50, message: /non-empty/ },
    { values: [1, Number.NaN], p: 50, message: /finite/ },
    { values: [1, 2], p: -0.1, message: /p must be a number in \[0, 100\]/ },
    { values: [1, 2], p: 100.5, message: /p must be a number in \[0, 100\]/ },
    { values: [1, 2], p: Number.NaN, message: /p must be/ },
  ])("rejects values=$values p=$p", ({ values, p, message }) => {
    expect(() => percentile(values, p)).toThrowError(IslError);
    expect(() => percentile(values, p)).toThrowError(message);
  });
});

describe("percentileSorted", () => {
  it.each([
    { sorted: [1, 2, 3, 4], p: 50, expected: 2.5 },
    { sorted: [1, 2, 3, 4], p: 100, expected: 4 },
    { sorted: [5], p: 0, expected: 5 },
  ])("percentileSorted($sorted, $p) = $expected", ({ sorted, p, expected }) => {
    expect(percentileSorted(Float64Array.from(sorted), p)).toBe(expected);
  });

  it.each([
    { input: new Float64Array(0), p: 50, message: /non-empty/ },
    { input: Float64Array.of(1, Number.NaN), p: 50, message: /finite/ },
    { input: [1, 2] as unknown as Float64Array, p: 50, message: /Float64Array/ },
    { input: Float64Array.of(1, 2), p: 101, message: /p must be/ },
  ])("rejects invalid input ($p)", ({ input, p, message }) => {
    expect(() => percentileSorted(input, p)).toThrowError(message);
  });
});

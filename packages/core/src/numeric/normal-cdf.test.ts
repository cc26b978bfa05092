/**
 * Table-driven tests of Cody's normal CDF against 50-digit mpmath references, including the far tail.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { normalCdf } from "./normal-cdf.js";

/** Relative difference |a − b| / |b|. */
function relativeError(actual: number, reference: number): number {
  return Math.abs(actual - reference) / Math.abs(reference);
}

describe("normalCdf (Cody)", () => {
  // References: mpmath.ncdf at 50 significant digits, rounded to 17 (scipy.special.ndtr agrees).
  it.each([
    { x: 1.96, reference: 0.97500210485177956 },
    { x: -1.96, reference: 0.024997895148220436 },
    { x: -8, reference: 6.2209605742717841e-16 },
    { x: 0, reference: 0.5 },
    { x: 1, reference: 0.84134474606854295 },
    { x: -1, reference: 0.15865525393145705 },
    { x: 0.3, reference: 0.61791142218895263 },
    { x: -0.5, reference: 0.3085375387259869 },
    { x: -0.6744, reference: 0.25002852137294061 },
    { x: -3, reference: 0.0013498980316300945 },
    { x: -5, reference: 2.8665157187919391e-7 },
    { x: -5.657, reference: 7.7020881721776008e-9 },
    { x: -6, reference: 9.8658764503769814e-10 },
    { x: -10, reference: 7.6198530241605261e-24 },
    { x: -20, reference: 2.7536241186062337e-89 },
    { x: -30, reference: 4.9067139271481871e-198 },
    { x: -37.5, reference: 4.6053530095819548e-308 },
    { x: 3, reference: 0.99865010196836991 },
    { x: 5.7, reference: 0.9999999940096286 },
  ])("Φ($x) = $reference to 1e-15 relative", ({ x, reference }) => {
    expect(relativeError(normalCdf(x), reference)).toBeLessThanOrEqual(1e-15);
  });

  it("matches the values quoted in the design brief", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(relativeError(normalCdf(-8), 6.22096057427178e-16)).toBeLessThanOrEqual(1e-14);
  });

  it.each([
    { x: -Infinity, expected: 0 },
    { x: -40, expected: 0 },
    { x: 9, expected: 1 },
    { x: Infinity, expected: 1 },
  ])("saturates: Φ($x) = $expected", ({ x, expected }) => {
    expect(normalCdf(x)).toBe(expected);
  });

  it("rejects NaN", () => {
    expect(() => normalCdf(Number.NaN)).toThrowError(IslError);
  });
});

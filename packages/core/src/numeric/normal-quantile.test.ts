/**
 * Table-driven tests of Wichura's AS 241 normal quantile against 60-digit mpmath references.
 */
import { describe, expect, it } from "vitest";
import { IslError } from "../errors.js";
import { normalQuantile } from "./normal-quantile.js";

/** Relative difference |a − b| / |b|. */
function relativeError(actual: number, reference: number): number {
  return Math.abs(actual - reference) / Math.abs(reference);
}

describe("normalQuantile (AS 241)", () => {
  // References: root of mpmath.ncdf(z) = p at 60 digits, rounded to 17 significant digits.
  it.each([
    { p: 0.975, reference: 1.9599639845400539 },
    { p: 1e-10, reference: -6.3613409024040562 },
    { p: 1e-300, reference: -37.047096299361199 },
    { p: 1e-100, reference: -21.273453560965324 },
    { p: 1e-20, reference: -9.2623400897984076 },
    { p: 1e-5, reference: -4.2648907939228246 },
    { p: 0.001, reference: -3.0902323061678135 },
    { p: 0.02425, reference: -1.9729610513118848 },
    { p: 0.075, reference: -1.4395314709384559 },
    { p: 0.1, reference: -1.2815515655446004 },
    { p: 0.3, reference: -0.52440051270804082 },
    { p: 0.7, reference: 0.52440051270804066 },
    { p: 0.925, reference: 1.4395314709384562 },
    { p: 0.999, reference: 3.0902323061678133 },
  ])("Φ⁻¹($p) = $reference to 1e-15 relative", ({ p, reference }) => {
    expect(relativeError(normalQuantile(p), reference)).toBeLessThanOrEqual(1e-15);
  });

  it("matches the values quoted in the design brief", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it.each([
    { p: 0, expected: -Infinity },
    { p: 1, expected: Infinity },
  ])("Φ⁻¹($p) = $expected", ({ p, expected }) => {
    expect(normalQuantile(p)).toBe(expected);
  });

  it.each([{ p: -0.01 }, { p: 1.5 }, { p: Number.NaN }])("rejects p = $p", ({ p }) => {
    expect(() => normalQuantile(p)).toThrowError(IslError);
    expect(() => normalQuantile(p)).toThrowError(/p must be a probability in \[0, 1\]/);
  });
});

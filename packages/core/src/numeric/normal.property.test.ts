/**
 * Property tests (fast-check, seeded) of Φ and Φ⁻¹: round trip, symmetry and monotonicity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal-cdf.js";
import { normalQuantile } from "./normal-quantile.js";

describe("normal CDF and quantile properties", () => {
  it("round-trips: Φ(Φ⁻¹(p)) ≈ p", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1 - 1e-12, noNaN: true }), (p) => {
        // z = Φ⁻¹(p) carries a relative error of a few ε, i.e. |δz| ≈ c·ε·|z|; since d ln Φ/dz ≈ max(1, |z|)
        // in the lower tail, p's relative error is ≈ c·ε·max(1, z²). With c = 16 (quantile and CDF
        // each within ~8 ε), the bound is 16·ε·max(1, z²) relative.
        const z = normalQuantile(p);
        const tolerance = 16 * Number.EPSILON * Math.max(1, z * z) * p;
        expect(Math.abs(normalCdf(z) - p)).toBeLessThanOrEqual(tolerance);
      }),
      { seed: 1988, numRuns: 1000 },
    );
  });

  it("is symmetric: Φ(−x) = 1 − Φ(x) and Φ⁻¹(1 − p) = −Φ⁻¹(p)", () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (x, p) => {
        expect(normalCdf(-x)).toBeCloseTo(1 - normalCdf(x), 15);
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 12);
      }),
      { seed: 1969, numRuns: 500 },
    );
  });

  it("is monotone", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
      }),
      { seed: 1993, numRuns: 500 },
    );
  });
});

/**
 * Property: on outcomes linear in the parameter, y = α + βθ, the sweep's slope, elasticity, range
 * and tipping point equal their closed forms.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sweepParameter } from "./parameter-sweep.js";

describe("sweepParameter on random linear outcomes", () => {
  it("matches the closed forms", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }).filter((b) => Math.abs(b) > 1e-3),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (alpha, beta, current, below, above, threshold) => {
          const f = (t: number) => alpha + beta * t;
          const r = sweepParameter({ outcomeOf: f, current, lower: current - below, upper: current + above, threshold });
          const y0 = f(current);
          const scale = Math.max(1, Math.abs(alpha), Math.abs(beta) * 30);
          expect(Math.abs(r.slope - beta)).toBeLessThan(1e-6 * scale);
          if (Math.abs(y0) > 1e-3) expect(Math.abs(r.elasticity! - (beta * current) / y0)).toBeLessThan(1e-6 * (scale * Math.max(1, Math.abs(current))) / Math.abs(y0));
          expect(Math.abs(r.outcomeMin - Math.min(f(current - below), f(current + above)))).toBeLessThan(1e-9 * scale);
          const root = (threshold - alpha) / beta;
          const side0 = Math.sign(y0 - threshold);
          if (side0 !== 0 && root > current - below && root < current + above) expect(Math.abs(r.tippingPoint! - root)).toBeLessThan(1e-9 * (below + above) + 1e-9);
          if (root < current - below - 1e-9 || root > current + above + 1e-9) expect(r.tippingPoint).toBeNull();
        },
      ),
      { seed: 4242, numRuns: 400 },
    );
  });
});

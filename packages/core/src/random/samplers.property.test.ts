/**
 * Property tests (fast-check, seeded) that every sampler stays within its support.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "./rng.js";

const seed = fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 10 }));
const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe("sampler support properties", () => {
  it("every sampler stays in its support and never returns NaN", () => {
    fc.assert(
      fc.property(seed, finite, finite, finite, positive, positive, fc.double({ min: 0, max: 1, noNaN: true }), (s, a, b, c, k, theta, p) => {
        const rng = createRng(s);
        const [min, mode, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const u = rng.uniform(min, max);
        expect(u >= min && u <= max).toBe(true);
        if (min < max) {
          const t = rng.triangular(min, mode, max);
          expect(t >= min && t <= max).toBe(true);
        }
        expect(Number.isFinite(rng.normal(a, theta))).toBe(true);
        expect(rng.lognormal(0, Math.min(theta, 5))).toBeGreaterThanOrEqual(0);
        const g = rng.gamma(k, theta);
        expect(g >= 0 && Number.isFinite(g)).toBe(true);
        const x = rng.beta(k, theta);
        expect(x >= 0 && x <= 1).toBe(true);
        const e = rng.exponential(theta);
        expect(e >= 0 && Number.isFinite(e)).toBe(true);
        const bit = rng.bernoulli(p);
        expect(bit === 0 || bit === 1).toBe(true);
      }),
      { seed: 1964, numRuns: 300 },
    );
  });

  it("int(n) is an integer in [0, n) for any bound up to 2^53", () => {
    fc.assert(
      fc.property(seed, fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 31 }), fc.constant(2 ** 53)), (s, n) => {
        const k = createRng(s).int(n);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      }),
      { seed: 2019, numRuns: 300 },
    );
  });

  it("shuffle returns a permutation of its input", () => {
    fc.assert(
      fc.property(seed, fc.array(fc.integer(), { maxLength: 50 }), (s, items) => {
        const shuffled = createRng(s).shuffle([...items]);
        expect([...shuffled].sort((x, y) => x - y)).toEqual([...items].sort((x, y) => x - y));
      }),
      { seed: 1938, numRuns: 300 },
    );
  });
});

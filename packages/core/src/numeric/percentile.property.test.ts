/**
 * Property tests (fast-check, seeded) of type-7 percentiles: monotone in p, within [min, max],
 * endpoints, and agreement of the sorted and unsorted variants.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentile, percentileSorted } from "./percentile.js";

const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 40 });
const rank = fc.double({ min: 0, max: 100, noNaN: true });

describe("percentile properties", () => {
  it("is monotone non-decreasing in p", () => {
    fc.assert(
      fc.property(sample, rank, rank, (values, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(percentile(values, lo)).toBeLessThanOrEqual(percentile(values, hi));
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });

  it("lies between the minimum and the maximum", () => {
    fc.assert(
      fc.property(sample, rank, (values, p) => {
        const q = percentile(values, p);
        expect(q).toBeGreaterThanOrEqual(Math.min(...values));
        expect(q).toBeLessThanOrEqual(Math.max(...values));
      }),
      { seed: 20240602, numRuns: 300 },
    );
  });

  it("equals the minimum at p = 0 and the maximum at p = 100", () => {
    fc.assert(
      fc.property(sample, (values) => {
        expect(percentile(values, 0)).toBe(Math.min(...values));
        expect(percentile(values, 100)).toBe(Math.max(...values));
      }),
      { seed: 20240603, numRuns: 300 },
    );
  });

  it("agrees with percentileSorted on the sorted copy, and with order statistics at exact ranks", () => {
    fc.assert(
      fc.property(sample, rank, (values, p) => {
        const sorted = Float64Array.from(values).sort();
        expect(percentile(values, p)).toBe(percentileSorted(sorted, p));
        const n = values.length;
        if (n > 1) {
          const k = Math.floor((p / 100) * (n - 1));
          expect(percentile(values, (100 * k) / (n - 1))).toBeCloseTo(sorted[k]!, 6);
        }
      }),
      { seed: 20240604, numRuns: 300 },
    );
  });
});

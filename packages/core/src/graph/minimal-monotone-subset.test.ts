import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { minimalMonotoneSubset } from "./minimal-monotone-subset.js";

describe("minimalMonotoneSubset (QuickXplain)", () => {
  test("a threshold predicate keeps the earliest members", () => {
    expect(minimalMonotoneSubset([1, 2, 3, 4, 5], (m) => m.length >= 2)).toEqual([1, 2]);
    expect(minimalMonotoneSubset([], () => true)).toEqual([]);
    expect(minimalMonotoneSubset([7, 8], () => true)).toEqual([]);
  });

  test("returns a minimal subset for random monotone predicates (any of several hitting families)", () => {
    // P(A) = "A contains one of the given sets": monotone; its minimal subsets are the minimal given sets.
    const arbitrary = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(arbitrary, (families) => {
        const holds = (m: readonly number[]) => families.some((f) => f.every((v) => m.includes(v)));
        const all = Array.from({ length: 12 }, (_, i) => i);
        let calls = 0;
        const result = minimalMonotoneSubset(all, (m) => {
          calls++;
          return holds(m);
        });
        expect(holds(result)).toBe(true);
        for (const v of result) expect(holds(result.filter((w) => w !== v))).toBe(false);
        expect([...result].sort((a, b) => a - b)).toEqual(result);
        expect(calls).toBeLessThanOrEqual(40);
      }),
      { seed: 90_210, numRuns: 300 },
    );
  });
});

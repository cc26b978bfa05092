/** quantileBySelection against sorting + percentileSorted (the numeric kernel) on random samples with ties. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentileSorted } from "../numeric/index.js";
import { quantileBySelection } from "./quantile-select.js";

describe("quantileBySelection", () => {
  it("equals the type-7 percentile of the sorted sample", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (ints, q) => {
        const values = Float64Array.from(ints, (v) => v / 4);
        const before = Float64Array.from(values);
        const expected = percentileSorted(Float64Array.from(values).sort(), 100 * q);
        expect(quantileBySelection(values, values.length, 100 * q, new Float64Array(values.length))).toBe(expected);
        expect(values).toEqual(before);
      }),
      { seed: 4, numRuns: 500 },
    );
  });
});

/** Selection-based percentiles equal the sorting reference (numeric/percentile) exactly. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentile } from "../numeric/index.js";
import { percentilesBySelection } from "./order-statistics.js";

const ranks = [0, 2.5, 10, 50, 90, 97.5, 100];

describe("percentilesBySelection", () => {
  it("equals percentile() for every rank, including ties and sorted inputs", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }), fc.boolean(), (list, sorted) => {
        const values = Float64Array.from(sorted ? [...list].sort((a, b) => a - b) : list);
        expect(percentilesBySelection(values, ranks)).toEqual(ranks.map((p) => percentile(values, p)));
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it("leaves its input untouched", () => {
    const values = Float64Array.of(3, 1, 2);
    percentilesBySelection(values, [50]);
    expect([...values]).toEqual([3, 1, 2]);
  });
});

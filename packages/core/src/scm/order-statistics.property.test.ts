/** Selection-based percentiles (quickselect for small samples, buckets for large ones) equal the sorting reference (numeric/percentile) exactly. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentile } from "../numeric/index.js";
import { createRng } from "../random/index.js";
import { BUCKET_THRESHOLD, percentilesBySelection } from "./order-statistics.js";

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

  it("equals percentile() on large samples (the bucket method): normal, clustered with outliers, ties, sorted, tiny and huge ranges", () => {
    const shapes = fc.constantFrom("normal", "outliers", "ties", "sorted", "tiny-range", "huge-range", "constant");
    fc.assert(
      fc.property(shapes, fc.integer({ min: BUCKET_THRESHOLD, max: 12_000 }), fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 100, noNaN: true }), (shape, n, seed, extraRank) => {
        const rng = createRng(seed);
        const values = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          if (shape === "normal") values[i] = rng.normal(3, 2);
          else if (shape === "outliers") values[i] = i % 997 === 0 ? rng.normal(0, 1e12) : rng.normal(0, 1e-3);
          else if (shape === "ties") values[i] = rng.int(7) - 3;
          else if (shape === "sorted") values[i] = i / 7;
          else if (shape === "tiny-range") values[i] = 1 + rng.int(3) * 2 ** -52;
          else if (shape === "huge-range") values[i] = rng.uniform(-1, 1) * 1.7e308;
          else values[i] = 2.5;
        }
        const all = [...ranks, extraRank];
        expect(percentilesBySelection(values, all)).toEqual(all.map((p) => percentile(values, p)));
      }),
      { seed: 2_611, numRuns: 150 },
    );
  });

  it("leaves its input untouched", () => {
    const values = Float64Array.of(3, 1, 2);
    percentilesBySelection(values, [50]);
    expect([...values]).toEqual([3, 1, 2]);
  });
});

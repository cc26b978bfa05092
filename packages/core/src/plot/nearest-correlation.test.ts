import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nearestCorrelation, smallestEigenvalue } from "./nearest-correlation.js";
import { symmetricEigen } from "./symmetric-eigen.js";

describe("symmetricEigen", () => {
  it("reconstructs random symmetric matrices (A = V Λ Vᵀ, VᵀV = I) and sorts eigenvalues", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n * n, maxLength: n * n }))), ([n, raw]) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = (raw[i * n + j]! + raw[j * n + i]!) / 2;
        const { values, vectors } = symmetricEigen(a, n);
        for (let k = 1; k < n; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let rec = 0;
            let orth = 0;
            for (let k = 0; k < n; k++) {
              rec += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
              orth += vectors[k * n + i]! * vectors[k * n + j]!;
            }
            expect(Math.abs(rec - a[i * n + j]!)).toBeLessThan(1e-10);
            expect(Math.abs(orth - (i === j ? 1 : 0))).toBeLessThan(1e-10);
          }
        }
      }),
      { seed: 6061, numRuns: 60 },
    );
  });

  it("gives the known spectrum of [[2,1],[1,2]] (1 and 3)", () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });
});

describe("nearestCorrelation", () => {
  it("reproduces Higham's (2002) worked example to 4 decimals", () => {
    const { matrix } = nearestCorrelation(Float64Array.from([1, 1, 0, 1, 1, 1, 0, 1, 1]), 3);
    const expected = [1, 0.7607, 0.1573, 0.7607, 1, 0.7607, 0.1573, 0.7607, 1];
    expected.forEach((v, i) => expect(Math.abs(matrix[i]! - v)).toBeLessThan(1e-4));
    expect(smallestEigenvalue(matrix, 3)).toBeGreaterThan(-1e-9);
  });

  it("leaves a valid correlation matrix unchanged", () => {
    const valid = Float64Array.from([1, 0.3, -0.2, 0.3, 1, 0.4, -0.2, 0.4, 1]);
    const { matrix, iterations } = nearestCorrelation(valid, 3);
    valid.forEach((v, i) => expect(Math.abs(matrix[i]! - v)).toBeLessThan(1e-12));
    expect(iterations).toBeLessThanOrEqual(2);
  });
});

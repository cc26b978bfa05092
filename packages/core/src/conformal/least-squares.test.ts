/**
 * Householder least squares against the exact rational solution of the normal equations
 * (fraction.js Gauss–Jordan) on random small integer problems, rank-deficiency errors, and the
 * held-out refits against the leave-one-out identity eᵢ / (1 − hᵢᵢ) computed exactly.
 */
import fc from "fast-check";
import Fraction from "fraction.js";
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { heldOutFits } from "./held-out-fits.js";
import { leastSquaresQr } from "./least-squares.js";

/** Solves A x = b exactly; returns undefined when A is singular. */
function solveExact(a: Fraction[][], b: Fraction[]): Fraction[] | undefined {
  const p = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < p; col++) {
    const pivot = m.findIndex((row, r) => r >= col && !row[col]!.equals(0));
    if (pivot < 0) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const f = m[r]![col]!.div(m[col]![col]!);
      m[r] = m[r]!.map((v, j) => v.sub(f.mul(m[col]![j]!)));
    }
  }
  return m.map((row, i) => row[p]!.div(row[i]!));
}

/** Exact least squares via XᵀX β = Xᵀy. */
function exactLeastSquares(x: number[][], y: number[]): Fraction[] | undefined {
  const p = x[0]!.length;
  const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => x.reduce((s, row) => s.add(new Fraction(row[i]! * row[j]!)), new Fraction(0))));
  const xty = Array.from({ length: p }, (_, i) => x.reduce((s, row, r) => s.add(new Fraction(row[i]! * y[r]!)), new Fraction(0)));
  return solveExact(xtx, xty);
}

const problem = fc.integer({ min: 1, max: 4 }).chain((p) =>
  fc.integer({ min: p, max: p + 6 }).chain((n) =>
    fc.record({
      x: fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: p, maxLength: p }), { minLength: n, maxLength: n }),
      y: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
    }),
  ),
);

describe("leastSquaresQr", () => {
  it("matches the exact normal-equations solution on full-rank integer problems", () => {
    let checked = 0;
    fc.assert(
      fc.property(problem, ({ x, y }) => {
        const exact = exactLeastSquares(x, y);
        const p = x[0]!.length;
        const run = () => leastSquaresQr({ design: Float64Array.from(x.flat()), response: Float64Array.from(y), columns: p });
        if (exact === undefined) {
          expectIslError(run, "ISL_VALIDATION_ERROR");
          return;
        }
        const beta = run();
        checked++;
        exact.forEach((b, k) => expect(beta[k]!).toBeCloseTo(b.valueOf(), 6));
      }),
      { seed: 99, numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(150);
  });

  it("fits y = 2 + 3x exactly and names a collinear coefficient", () => {
    const xs = [0, 1, 2, 3, 4];
    const beta = leastSquaresQr({ design: Float64Array.from(xs.flatMap((x) => [1, x])), response: Float64Array.from(xs, (x) => 2 + 3 * x), columns: 2 });
    expect(beta[0]).toBeCloseTo(2, 12);
    expect(beta[1]).toBeCloseTo(3, 12);
    const error = expectIslError(() => leastSquaresQr({ design: Float64Array.from(xs.flatMap((x) => [1, x, 2 * x - 1])), response: Float64Array.from(xs), columns: 3, names: ["a", "b", "c"] }), "ISL_VALIDATION_ERROR");
    expect(error.message).toContain("'c'");
    expect(error.message).toContain("'a', 'b'");
    expectIslError(() => leastSquaresQr({ design: Float64Array.from([1, 2]), response: Float64Array.from([1]), columns: 2 }), "ISL_VALIDATION_ERROR");
  });
});

describe("heldOutFits", () => {
  it("jackknife residuals equal eᵢ / (1 − hᵢᵢ) from the full fit (exact arithmetic)", () => {
    fc.assert(
      fc.property(problem, fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 4, maxLength: 4 }), ({ x, y }, testRow) => {
        const n = y.length;
        const p = x[0]!.length;
        if (n < p + 2) return;
        for (let i = 0; i < n; i++) if (exactLeastSquares(x.filter((_, r) => r !== i), y.filter((_, r) => r !== i)) === undefined) return;
        const fits = heldOutFits({ offsets: new Float64Array(n), design: Float64Array.from(x.flat()), columns: p, names: [] }, Float64Array.from(y), Int32Array.from({ length: n }, (_, i) => i), { offset: 0, row: testRow.slice(0, p) });
        for (let i = 0; i < n; i++) {
          const loo = exactLeastSquares(x.filter((_, r) => r !== i), y.filter((_, r) => r !== i))!;
          const residual = new Fraction(y[i]!).sub(loo.reduce((s, b, k) => s.add(b.mul(x[i]![k]!)), new Fraction(0))).abs();
          const atTest = loo.reduce((s, b, k) => s.add(b.mul(testRow[k]!)), new Fraction(0));
          expect(fits.residuals[i]!).toBeCloseTo(residual.valueOf(), 6);
          expect(fits.predictionsAtTest[i]!).toBeCloseTo(atTest.valueOf(), 6);
        }
      }),
      { seed: 5, numRuns: 150 },
    );
  });
});

/**
 * Least-squares fits of several responses on one polynomial power basis 1, x, …, x^d (columns scaled to
 * unit norm): an orthonormal basis Q of the design's column space by modified Gram–Schmidt with one
 * re-orthogonalisation pass ("twice is enough"), then the fitted values Q·Qᵀ·y of each response. Used by
 * the regression EVPPI estimator, which needs E[Y_o | θ] for every option o at every draw.
 * Complexity: O(n·(d + 1)²) for the basis plus O(n·(d + 1)) per response, no allocation per response.
 * Reference: Å. Björck, "Numerical Methods for Least Squares Problems" (SIAM, 1996) §2.4;
 * L. Giraud, J. Langou, M. Rozložník, "The loss of orthogonality in the Gram–Schmidt orthogonalization
 * process", Computers & Mathematics with Applications 50 (2005) 1069–1075.
 */

/** An orthonormal basis of the design, ready to project responses. */
export interface PowerBasisFit {
  /** Columns kept (those not numerically dependent on the previous ones). */
  readonly rank: number;
  /** The orthonormal columns q_0 … q_{rank−1} (each of length n). */
  readonly columns: readonly Float64Array[];
  /** Fitted values of `y` (length n), written into `out` when given. */
  fitted(y: Float64Array, out?: Float64Array): Float64Array;
}

/** Dot product of two equal-length columns. */
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** a ← a − c·b. */
function subtractScaled(a: Float64Array, b: Float64Array, c: number): void {
  for (let i = 0; i < a.length; i++) a[i]! -= c * b[i]!;
}

/**
 * Builds the orthonormal basis of the power-basis design on `x` (already mapped to [−1, 1]).
 *
 * A column whose norm after orthogonalisation falls below n·ε (the columns start at unit norm) is dropped,
 * numpy's rcond = n·ε convention, so a rank-deficient basis still gives the least-squares fit on the rest.
 *
 * @param x - Regressor values.
 * @param degree - Polynomial degree d ≥ 0.
 */
export function powerBasisFit(x: Float64Array, degree: number): PowerBasisFit {
  const n = x.length;
  const basis: Float64Array[] = [];
  const power = new Float64Array(n).fill(1);
  for (let j = 0; j <= degree; j++) {
    if (j > 0) for (let i = 0; i < n; i++) power[i]! *= x[i]!;
    const column = new Float64Array(power);
    const norm = Math.sqrt(dot(column, column));
    if (!(norm > 0)) continue;
    for (let i = 0; i < n; i++) column[i]! /= norm;
    for (let pass = 0; pass < 2; pass++) for (const q of basis) subtractScaled(column, q, dot(column, q));
    const residual = Math.sqrt(dot(column, column));
    if (residual <= n * Number.EPSILON) continue;
    for (let i = 0; i < n; i++) column[i]! /= residual;
    basis.push(column);
  }
  return {
    rank: basis.length,
    columns: basis,
    fitted(y, out) {
      const result = out ?? new Float64Array(n);
      result.fill(0);
      for (const q of basis) {
        const c = dot(y, q);
        for (let i = 0; i < n; i++) result[i]! += c * q[i]!;
      }
      return result;
    },
  };
}

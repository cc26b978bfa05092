/**
 * Nearest correlation matrix (Frobenius norm) by Higham's alternating projections with Dykstra's
 * correction: repeatedly project onto the positive semi-definite cone (clip negative eigenvalues at
 * 0) and onto the unit-diagonal matrices, correcting the PSD step by the previous increment, until
 * the iterate moves less than 1e-10 (max-abs) or 100 iterations pass.
 * Complexity: O(C³) per iteration (one symmetric eigen-decomposition).
 * Reference: N. J. Higham, "Computing the nearest correlation matrix — a problem from finance",
 * IMA J. Numer. Anal. 22 (2002) 329–343, Algorithm 3.3 (unit weights); plot-v2-engine.md §1.5, §3.4.
 */
import { symmetricEigen } from "./symmetric-eigen.js";

/** The projection and how far it moved. */
export interface NearestCorrelation {
  /** Row-major C×C projected matrix (symmetric, unit diagonal, PSD up to round-off). */
  readonly matrix: Float64Array;
  readonly iterations: number;
}

/** Stop when no entry moves more than this between iterations. */
const TOLERANCE = 1e-10;
/** Iteration cap. */
const MAX_ITERATIONS = 100;

/** P_S: the nearest PSD matrix (eigenvalues clipped at 0). */
function projectPsd(matrix: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(matrix, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(0, values[k]!);
    if (lambda === 0) continue;
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + k]! * lambda;
      for (let j = 0; j < n; j++) out[i * n + j]! += vi * vectors[j * n + k]!;
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[i * n + j] = out[j * n + i] = (out[i * n + j]! + out[j * n + i]!) / 2;
  return out;
}

/**
 * The nearest correlation matrix to a symmetric matrix with unit diagonal.
 *
 * @param matrix - Row-major C×C symmetric matrix.
 * @param n - Dimension C.
 */
export function nearestCorrelation(matrix: Float64Array, n: number): NearestCorrelation {
  let y = Float64Array.from(matrix);
  let dykstra = new Float64Array(n * n);
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const r = y.map((v, i) => v - dykstra[i]!);
    const x = projectPsd(r, n);
    dykstra = x.map((v, i) => v - r[i]!);
    const next = Float64Array.from(x);
    for (let i = 0; i < n; i++) next[i * n + i] = 1;
    let change = 0;
    for (let i = 0; i < next.length; i++) change = Math.max(change, Math.abs(next[i]! - y[i]!));
    y = next;
    if (change < TOLERANCE) break;
  }
  return { matrix: y, iterations };
}

/**
 * Smallest eigenvalue of a symmetric matrix.
 *
 * @param matrix - Row-major n×n symmetric matrix.
 * @param n - Dimension.
 */
export function smallestEigenvalue(matrix: Float64Array, n: number): number {
  return n === 0 ? Number.POSITIVE_INFINITY : symmetricEigen(matrix, n).values[0]!;
}

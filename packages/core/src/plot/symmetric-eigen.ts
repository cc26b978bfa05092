/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method: repeated plane
 * rotations annihilate the off-diagonal entries until their norm is below tolerance; the rotations
 * accumulate into the orthogonal eigenvector matrix. Used for the small correlation matrices of the
 * analyze/v2 factor copula (C ≤ 50).
 * Complexity: O(C³) per sweep, typically 6–10 sweeps.
 * Reference: G. H. Golub, C. F. Van Loan, "Matrix Computations", 4th ed., §8.5 (the classical and
 * cyclic Jacobi methods).
 */

/** Eigenvalues (ascending) and the matching eigenvectors (columns, row-major n×n). */
export interface SymmetricEigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
}

/** At most this many sweeps (convergence is quadratic; 50 is far beyond need). */
const MAX_SWEEPS = 50;

/**
 * Eigen-decomposition of a symmetric matrix.
 *
 * @param matrix - Row-major n×n symmetric matrix (not modified).
 * @param n - Dimension.
 * @returns Eigenvalues ascending, eigenvectors as the columns of a row-major matrix.
 */
export function symmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const scale = Math.max(1e-300, a.reduce((m, x) => Math.max(m, Math.abs(x)), 0));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (Math.sqrt(off) <= 1e-15 * scale) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i]! - a[j * n + j]!);
  const values = Float64Array.from(order, (i) => a[i * n + i]!);
  const vectors = new Float64Array(n * n);
  order.forEach((col, k) => {
    for (let r = 0; r < n; r++) vectors[r * n + k] = v[r * n + col]!;
  });
  return { values, vectors };
}

/**
 * Linear least squares min ‖Xβ − y‖₂ by Householder QR: X = QR is formed by p reflections applied
 * to X and y together, then Rβ = Qᵀy is solved by back substitution. Numerically stable (no normal
 * equations, so the condition number is not squared). A column whose diagonal |Rⱼⱼ| falls below
 * n·ε·max|X| (column j is, to rounding, a combination of the earlier ones) is a rank deficiency and
 * an error naming the coefficient, never a silent huge estimate.
 * Complexity: O(n p²) time, O(n p) memory for the working copy.
 * Reference: G. H. Golub, C. F. Van Loan, "Matrix Computations" (4th ed., 2013), §5.1–5.3.
 */
import { IslError } from "../errors.js";

/** A least-squares problem: X (n rows, p columns, row-major) and y. */
export interface LeastSquaresProblem {
  /** Row-major design matrix, length n·p. */
  readonly design: Float64Array;
  /** Responses, length n. */
  readonly response: Float64Array;
  /** Number of columns p. */
  readonly columns: number;
  /** Column names, for error messages. */
  readonly names?: readonly string[] | undefined;
}

/**
 * Solves min ‖Xβ − y‖₂.
 *
 * @param problem - X, y, p and optional column names.
 * @returns β (length p).
 * @throws IslError ISL_VALIDATION_ERROR when n < p or X is rank deficient (naming the column).
 */
export function leastSquaresQr(problem: LeastSquaresProblem): Float64Array {
  const p = problem.columns;
  const n = problem.response.length;
  const name = (j: number): string => problem.names?.[j] ?? `column ${j}`;
  if (problem.design.length !== n * p) {
    throw new IslError("ISL_INVALID_INPUT", `The design matrix has ${problem.design.length} entries; ${n} rows × ${p} columns need ${n * p}.`, { details: { entries: problem.design.length, rows: n, columns: p } });
  }
  if (n < p) {
    throw new IslError("ISL_VALIDATION_ERROR", `Fitting ${p} coefficient${p > 1 ? "s" : ""} needs at least ${p} data points; only ${n} ${n === 1 ? "is" : "are"} available.`, {
      details: { points: n, coefficients: p },
      recovery: { hints: ["Add calibration points or fit fewer coefficients."], suggestion: `Give at least ${p} points to fit from.` },
    });
  }
  const a = Float64Array.from(problem.design);
  const b = Float64Array.from(problem.response);
  let scale = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]!));
  const tolerance = Math.max(n, p) * Number.EPSILON * scale * 16;
  const diagonal = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let norm2 = 0;
    for (let i = j; i < n; i++) norm2 += a[i * p + j]! * a[i * p + j]!;
    const norm = Math.sqrt(norm2);
    if (!(norm > tolerance)) throw rankDeficient(name(j), j, problem.names);
    const alpha = a[j * p + j]! > 0 ? -norm : norm;
    // NOTE: v = x − αe₁ is kept in place in column j (rows j…n−1); the sign of α avoids cancellation.
    const v0 = a[j * p + j]! - alpha;
    a[j * p + j] = v0;
    const vv = v0 * v0 + sumSquaresBelow(a, n, p, j);
    diagonal[j] = alpha;
    for (let k = j + 1; k < p; k++) {
      let dot = 0;
      for (let i = j; i < n; i++) dot += a[i * p + j]! * a[i * p + k]!;
      const f = (2 * dot) / vv;
      for (let i = j; i < n; i++) a[i * p + k] = a[i * p + k]! - f * a[i * p + j]!;
    }
    let dotB = 0;
    for (let i = j; i < n; i++) dotB += a[i * p + j]! * b[i]!;
    const fB = (2 * dotB) / vv;
    for (let i = j; i < n; i++) b[i] = b[i]! - fB * a[i * p + j]!;
  }
  const beta = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    let s = b[j]!;
    for (let k = j + 1; k < p; k++) s -= a[j * p + k]! * beta[k]!;
    beta[j] = s / diagonal[j]!;
  }
  return beta;
}

/** Σ_{i>j} a[i][j]²: the squared norm of column j below the diagonal. */
function sumSquaresBelow(a: Float64Array, n: number, p: number, j: number): number {
  let s = 0;
  for (let i = j + 1; i < n; i++) s += a[i * p + j]! * a[i * p + j]!;
  return s;
}

function rankDeficient(column: string, index: number, names: readonly string[] | undefined): IslError {
  const earlier = names?.slice(0, index) ?? [];
  return new IslError("ISL_VALIDATION_ERROR", `Coefficient '${column}' cannot be estimated: its regressor is ${index === 0 ? "zero for every data point" : `a linear combination of the regressors of ${earlier.map((s) => `'${s}'`).join(", ")}`} in the data (rank-deficient least squares).`, {
    details: { coefficient: column, earlier },
    recovery: { hints: ["Vary the inputs across the calibration points so that each coefficient's term changes independently.", "Or fix this coefficient to a number in the equation."], suggestion: `Remove '${column}' from fit or add more varied data.` },
  });
}

/**
 * Correlation plan of the analyze/v2 factor sampler ("corr_admission_v1"): the correlation matrix
 * over the correlated factors in first-appearance order of `parameter_uncertainties` (diagonal 1,
 * stated pairs symmetric, unstated 0). Smallest eigenvalue ≥ −1e-10 ⇒ used as stated; otherwise the
 * nearest correlation matrix (Higham 2002) is computed and the request is refused (422 naming up to
 * 3 stated and 3 unstated pairs by how far the projection moves them) when the smallest eigenvalue
 * is < −0.05 or some off-diagonal entry moves by > 0.10, else the projection is used and disclosed.
 * Then the lower Cholesky factor (a singular matrix's zero pivots keep their columns at 0).
 * Complexity: O(C³) per eigen-decomposition / projection iteration for C correlated factors.
 * Reference: plot-v2-engine.md §1.5, §3.4, §4.15; Golub & Van Loan, "Matrix Computations" §4.2.
 */
import { plotBlockedError } from "./blocked.js";
import type { PlotModel } from "./model.js";
import { nearestCorrelation, smallestEigenvalue } from "./nearest-correlation.js";

/** The correlated factors and the Cholesky factor of their correlation matrix. */
export interface CorrelationPlan {
  /** Indices into `model.factors`, in draw order. */
  readonly factorIndices: readonly number[];
  /** Row-major C×C lower-triangular Cholesky factor. */
  readonly cholesky: Float64Array;
  /** Row-major C×C correlation matrix. */
  readonly matrix: Float64Array;
  /** Number of stated pairs. */
  readonly pairCount: number;
  /** Present when the stated matrix was projected to the nearest correlation matrix. */
  readonly projection?: CorrelationProjection;
}

/** The `correlation_model.psd_projection` disclosure. */
export interface CorrelationProjection {
  applied: true;
  method: "higham_2002_nearest_correlation";
  frobenius_distance: number;
  max_abs_off_diagonal_adjustment: number;
  iterations: number;
  effective_correlations: Array<{ factor_a: string; factor_b: string; requested_rho: number; effective_rho: number; adjustment: number; stated: boolean }>;
}

/** Projection refused when the smallest eigenvalue is below this. */
const MIN_EIGENVALUE_REFUSAL = -0.05;
/** Projection refused when an off-diagonal entry moves by more than this. */
const MAX_ADJUSTMENT_REFUSAL = 0.1;

/** Every off-diagonal pair with its requested and projected value, largest move first. */
function pairMoves(names: readonly string[], stated: ReadonlySet<string>, before: Float64Array, after: Float64Array): CorrelationProjection["effective_correlations"] {
  const c = names.length;
  const rows: CorrelationProjection["effective_correlations"] = [];
  for (let i = 0; i < c; i++) {
    for (let j = i + 1; j < c; j++) {
      const key = `${names[i]}\u0000${names[j]}`;
      const adjustment = after[i * c + j]! - before[i * c + j]!;
      const isStated = stated.has(key);
      if (!isStated && Math.abs(adjustment) <= 1e-9) continue;
      rows.push({ factor_a: names[i]!, factor_b: names[j]!, requested_rho: before[i * c + j]!, effective_rho: after[i * c + j]!, adjustment, stated: isStated });
    }
  }
  return rows.sort((x, y) => Math.abs(y.adjustment) - Math.abs(x.adjustment));
}

/** Tolerance below which a Cholesky pivot counts as negative (not semi-definite). */
const PIVOT_TOLERANCE = -1e-10;

/**
 * Builds the plan, or undefined when no correlation is stated.
 *
 * @param model - The compiled model (its request carries `factor_correlations`).
 * @throws IslError with the PLoT blocked body when the matrix is not positive semi-definite.
 */
export function planCorrelations(model: PlotModel): CorrelationPlan | undefined {
  const pairs = model.request.factor_correlations ?? [];
  if (pairs.length === 0) return undefined;
  const named = new Set(pairs.flatMap((p) => [p.factor_a, p.factor_b]));
  const factorIndices = model.factors.map((f, i) => (named.has(f.nodeId) ? i : -1)).filter((i) => i >= 0);
  const position = new Map(factorIndices.map((fi, k) => [model.factors[fi]!.nodeId, k] as const));
  const c = factorIndices.length;
  const matrix = new Float64Array(c * c);
  for (let k = 0; k < c; k++) matrix[k * c + k] = 1;
  for (const p of pairs) {
    const a = position.get(p.factor_a);
    const b = position.get(p.factor_b);
    if (a === undefined || b === undefined) continue;
    matrix[a * c + b] = p.rho;
    matrix[b * c + a] = p.rho;
  }
  const names = factorIndices.map((fi) => model.factors[fi]!.nodeId);
  const stated = new Set<string>();
  for (const p of pairs) {
    const a = position.get(p.factor_a);
    const b = position.get(p.factor_b);
    if (a !== undefined && b !== undefined) stated.add(a < b ? `${names[a]}\u0000${names[b]}` : `${names[b]}\u0000${names[a]}`);
  }
  let used: Float64Array = matrix;
  let projection: CorrelationProjection | undefined;
  const minEigenvalue = smallestEigenvalue(matrix, c);
  if (minEigenvalue < -1e-10) {
    const nearest = nearestCorrelation(matrix, c);
    const moves = pairMoves(names, stated, matrix, nearest.matrix);
    const maxMove = moves.reduce((m, r) => Math.max(m, Math.abs(r.adjustment)), 0);
    if (minEigenvalue < MIN_EIGENVALUE_REFUSAL || maxMove > MAX_ADJUSTMENT_REFUSAL) {
      const describe = (rows: typeof moves) => rows.slice(0, 3).map((r) => `(${r.factor_a}, ${r.factor_b}) ${r.requested_rho} -> ${r.effective_rho.toFixed(3)}`).join(", ");
      const statedMoves = describe(moves.filter((r) => r.stated && Math.abs(r.adjustment) > 1e-9));
      const unstatedMoves = describe(moves.filter((r) => !r.stated));
      throw plotBlockedError(
        "VALIDATION_ERROR",
        `factor_correlations: the stated correlations are not jointly possible (smallest eigenvalue ${minEigenvalue.toFixed(4)}); the nearest valid matrix moves ` +
          `${statedMoves || "no stated pair"}${unstatedMoves ? ` and implies ${unstatedMoves} for unstated pairs` : ""}; weaken the stated pairs`,
        { requestId: undefined, affectedNodeIds: names },
      );
    }
    used = nearest.matrix;
    let frobenius = 0;
    for (let i = 0; i < used.length; i++) frobenius += (used[i]! - matrix[i]!) ** 2;
    projection = {
      applied: true,
      method: "higham_2002_nearest_correlation",
      frobenius_distance: Math.sqrt(frobenius),
      max_abs_off_diagonal_adjustment: maxMove,
      iterations: nearest.iterations,
      effective_correlations: moves,
    };
  }
  let cholesky = choleskyLower(used, c);
  if (!cholesky) {
    // NOTE: a singular (PSD) matrix can fail by round-off: lift the spectrum to 1e-8 and restore the unit diagonal.
    used = liftSpectrum(used, c);
    cholesky = choleskyLower(used, c);
  }
  if (!cholesky) {
    throw plotBlockedError("VALIDATION_ERROR", `factor_correlations: the correlation matrix over ${names.join(", ")} is not positive semi-definite; weaken the stated pairs`, {
      requestId: undefined,
      affectedNodeIds: names,
    });
  }
  return { factorIndices, cholesky, matrix: used, pairCount: pairs.length, ...(projection ? { projection } : {}) };
}

/** M + (1e-8 − λmin)·I rescaled to unit diagonal. */
function liftSpectrum(matrix: Float64Array, c: number): Float64Array {
  const shift = Math.max(0, 1e-8 - smallestEigenvalue(matrix, c));
  const lifted = Float64Array.from(matrix);
  for (let i = 0; i < c; i++) lifted[i * c + i]! += shift;
  const d = Array.from({ length: c }, (_, i) => Math.sqrt(lifted[i * c + i]!));
  return lifted.map((v, k) => v / (d[Math.floor(k / c)]! * d[k % c]!));
}

/** Lower Cholesky factor, or undefined when a pivot is negative beyond round-off; zero pivots keep their column at 0. */
function choleskyLower(matrix: Float64Array, c: number): Float64Array | undefined {
  const cholesky = new Float64Array(c * c);
  for (let j = 0; j < c; j++) {
    let pivot = matrix[j * c + j]!;
    for (let k = 0; k < j; k++) pivot -= cholesky[j * c + k]! ** 2;
    if (pivot < PIVOT_TOLERANCE) return undefined;
    const root = Math.sqrt(Math.max(0, pivot));
    cholesky[j * c + j] = root;
    for (let i = j + 1; i < c; i++) {
      let s = matrix[i * c + j]!;
      for (let k = 0; k < j; k++) s -= cholesky[i * c + k]! * cholesky[j * c + k]!;
      cholesky[i * c + j] = root > 0 ? s / root : 0;
    }
  }
  return cholesky;
}

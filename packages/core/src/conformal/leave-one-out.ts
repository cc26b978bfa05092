/**
 * Leave-one-out least-squares fits in O(n p²) instead of n refits: with the full fit β, residual
 * eᵢ = yᵢ − xᵢβ, G = XᵀX and leverage hᵢᵢ = xᵢᵀG⁻¹xᵢ, the fit without point i is
 * β₋ᵢ = β − G⁻¹xᵢ eᵢ / (1 − hᵢᵢ), so its residual at i is eᵢ / (1 − hᵢᵢ) and its prediction at a new
 * row x is xβ − (xᵀG⁻¹xᵢ) eᵢ / (1 − hᵢᵢ). β comes from the Householder QR (stable); G⁻¹xᵢ from a
 * Cholesky factor of G. Points of leverage ≈ 1 (whose removal changes the fit drastically) and
 * ill-conditioned designs fall back to explicit refits (heldOutFits), which also report rank
 * deficiency precisely.
 * Complexity: O(n p² + p³) (plus O(n p²) per fallback point). Reference: D. A. Belsley, E. Kuh,
 * R. E. Welsch, "Regression Diagnostics" (1980), §2.1 (deletion formulas via Sherman–Morrison);
 * R. F. Barber et al., "Predictive inference with the jackknife+", Ann. Statist. 49 (2021).
 */
import type { CoefficientRegressors } from "./coefficient-regressors.js";
import { dotRow, heldOutFits, type HeldOutFits } from "./held-out-fits.js";
import { leastSquaresQr } from "./least-squares.js";

/** Leverage above which a point is refitted explicitly (1 − hᵢᵢ would lose most digits). */
const MAX_SHORTCUT_LEVERAGE = 1 - 1e-6;

/**
 * Jackknife (leave-one-out) residuals and test predictions, as {@link heldOutFits} with one point
 * per fold, by the deletion formulas.
 *
 * @param data - Offsets and design of the n calibration points.
 * @param observed - yᵢ.
 * @param test - Offset and regressor row of the new point.
 * @param signal - Checked by the fallback refits.
 */
export function leaveOneOutFits(data: CoefficientRegressors, observed: ArrayLike<number>, test: { offset: number; row: ArrayLike<number> }, signal?: AbortSignal): HeldOutFits {
  const n = observed.length;
  const p = data.columns;
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const response = Float64Array.from({ length: n }, (_, i) => observed[i]! - data.offsets[i]!);
  if (n <= p) return heldOutFits(data, observed, identity, test, signal);
  const beta = leastSquaresQr({ design: data.design.subarray(0, n * p), response, columns: p, names: data.names });
  const chol = choleskyOfGram(data.design, n, p);
  if (chol === undefined) return heldOutFits(data, observed, identity, test, signal);
  const residuals = new Float64Array(n);
  const predictionsAtTest = new Float64Array(n);
  const fullAtTest = test.offset + dotRow(test.row, 0, beta);
  const w = new Float64Array(p);
  const refit: number[] = [];
  for (let i = 0; i < n; i++) {
    solveGram(chol, p, data.design, i * p, w);
    const leverage = dotRow(data.design, i * p, w);
    if (!(leverage < MAX_SHORTCUT_LEVERAGE)) {
      refit.push(i);
      continue;
    }
    const e = response[i]! - dotRow(data.design, i * p, beta);
    const scaled = e / (1 - leverage);
    residuals[i] = Math.abs(scaled);
    predictionsAtTest[i] = fullAtTest - dotRow(test.row, 0, w) * scaled;
  }
  for (const i of refit) {
    if (signal?.aborted === true) return heldOutFits(data, observed, identity, test, signal);
    const without = refitWithout(data, response, i);
    residuals[i] = Math.abs(response[i]! - dotRow(data.design, i * p, without));
    predictionsAtTest[i] = test.offset + dotRow(test.row, 0, without);
  }
  return { residuals, predictionsAtTest };
}

/** The least-squares coefficients without point i (explicit refit). */
function refitWithout(data: CoefficientRegressors, response: Float64Array, i: number): Float64Array {
  const p = data.columns;
  const n = response.length;
  const design = new Float64Array((n - 1) * p);
  const rest = new Float64Array(n - 1);
  for (let j = 0, r = 0; j < n; j++) {
    if (j === i) continue;
    for (let k = 0; k < p; k++) design[r * p + k] = data.design[j * p + k]!;
    rest[r++] = response[j]!;
  }
  return leastSquaresQr({ design, response: rest, columns: p, names: data.names });
}

/** Lower Cholesky factor of XᵀX (row-major p × p), or undefined when not safely positive definite. */
function choleskyOfGram(design: Float64Array, n: number, p: number): Float64Array | undefined {
  const g = new Float64Array(p * p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const xa = design[i * p + a]!;
      for (let b = 0; b <= a; b++) g[a * p + b] = g[a * p + b]! + xa * design[i * p + b]!;
    }
  }
  let maxDiagonal = 0;
  for (let a = 0; a < p; a++) maxDiagonal = Math.max(maxDiagonal, g[a * p + a]!);
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = g[j * p + j]!;
    for (let k = 0; k < j; k++) d -= l[j * p + k]! * l[j * p + k]!;
    // NOTE: a pivot below 1e-8 of the largest diagonal means cond(G) > 1e8: refit explicitly instead.
    if (!(d > 1e-8 * maxDiagonal)) return undefined;
    const djj = Math.sqrt(d);
    l[j * p + j] = djj;
    for (let i = j + 1; i < p; i++) {
      let s = g[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / djj;
    }
  }
  return l;
}

/** out = G⁻¹ x with G = L Lᵀ, x = row `start` of the design. */
function solveGram(l: Float64Array, p: number, design: ArrayLike<number>, start: number, out: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = design[start + i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * out[k]!;
    out[i] = s / l[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = out[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * out[k]!;
    out[i] = s / l[i * p + i]!;
  }
}

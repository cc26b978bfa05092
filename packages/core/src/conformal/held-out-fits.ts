/**
 * Held-out least-squares fits for jackknife+ and CV+: for each fold (one point per fold for the
 * jackknife), the coefficients are refitted on every other point; each point's held-out residual
 * Rᵢ = |yᵢ − μ₋fold(i)(xᵢ)| and each fit's prediction μ₋fold(i)(x) at the new point are returned.
 * Complexity: O(K · n p²) for K folds (O(n² p²) for the jackknife). Reference: R. F. Barber,
 * E. J. Candès, A. Ramdas, R. J. Tibshirani, "Predictive inference with the jackknife+",
 * Annals of Statistics 49 (2021), §2 and §4.
 */
import { IslError } from "../errors.js";
import type { CoefficientRegressors } from "./coefficient-regressors.js";
import { leastSquaresQr } from "./least-squares.js";

/** Per-point held-out residuals and predictions at the new point. */
export interface HeldOutFits {
  /** Rᵢ = |yᵢ − μ₋ᵢ(xᵢ)|. */
  readonly residuals: Float64Array;
  /** μ₋ᵢ(x) at the new point. */
  readonly predictionsAtTest: Float64Array;
}

/**
 * Refits without each fold and collects residuals and test predictions.
 *
 * @param data - Offsets and design of the n calibration points.
 * @param observed - yᵢ, length n.
 * @param foldOf - The fold of each point (0 … K−1); the jackknife uses foldOf[i] = i.
 * @param test - Offset and regressor row of the new point.
 * @param signal - Checked between folds.
 */
export function heldOutFits(data: CoefficientRegressors, observed: ArrayLike<number>, foldOf: ArrayLike<number>, test: { offset: number; row: ArrayLike<number> }, signal?: AbortSignal): HeldOutFits {
  const n = observed.length;
  const p = data.columns;
  const folds = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = folds.get(foldOf[i]!) ?? [];
    list.push(i);
    folds.set(foldOf[i]!, list);
  }
  const residuals = new Float64Array(n);
  const predictionsAtTest = new Float64Array(n);
  const design = new Float64Array(n * p);
  const response = new Float64Array(n);
  for (const members of folds.values()) {
    if (signal?.aborted === true) {
      throw new IslError("ISL_TIMEOUT", "The held-out refits were stopped (deadline passed or caller gone).", { recovery: { hints: ["Use fewer calibration points or CV+ with fewer folds."], suggestion: "Retry with less data." } });
    }
    const held = new Set(members);
    let rows = 0;
    for (let i = 0; i < n; i++) {
      if (held.has(i)) continue;
      for (let k = 0; k < p; k++) design[rows * p + k] = data.design[i * p + k]!;
      response[rows] = observed[i]! - data.offsets[i]!;
      rows++;
    }
    const beta = leastSquaresQr({ design: design.subarray(0, rows * p), response: response.subarray(0, rows), columns: p, names: data.names });
    const atTest = test.offset + dotRow(test.row, 0, beta);
    for (const i of members) {
      residuals[i] = Math.abs(observed[i]! - (data.offsets[i]! + dotRow(data.design, i * p, beta)));
      predictionsAtTest[i] = atTest;
    }
  }
  return { residuals, predictionsAtTest };
}

/** Σₖ row[start + k]·β[k]. */
export function dotRow(row: ArrayLike<number>, start: number, beta: Float64Array): number {
  let s = 0;
  for (let k = 0; k < beta.length; k++) s += row[start + k]! * beta[k]!;
  return s;
}

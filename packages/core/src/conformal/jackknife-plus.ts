/**
 * Jackknife+ and CV+ prediction intervals from held-out fits: given, for each calibration point i,
 * the residual Rᵢ = |yᵢ − μ₋ᵢ(xᵢ)| of the model fitted without i (jackknife+) or without i's fold
 * (CV+), and that model's prediction μ₋ᵢ(x) at the new point, the interval is
 * [ the ⌊α(n+1)⌋-th smallest of μ₋ᵢ(x) − Rᵢ , the ⌈(1−α)(n+1)⌉-th smallest of μ₋ᵢ(x) + Rᵢ ],
 * unbounded when those ranks fall outside 1 … n. Coverage ≥ 1 − 2α for jackknife+ (Theorem 1) and
 * ≥ 1 − 2α − min{2(1 − 1/K)/(n/K + 1), (1 − K/n)/(K + 1)} for K-fold CV+ with equal folds (Theorem 4).
 * Complexity: O(n log n) (two sorts). Reference: R. F. Barber, E. J. Candès, A. Ramdas,
 * R. J. Tibshirani, "Predictive inference with the jackknife+", Annals of Statistics 49 (2021) 486–507.
 */
import { IslError } from "../errors.js";
import { conformalLowerRank, conformalUpperRank } from "./quantile-rank.js";
import type { ConformalPredictionInterval } from "./split-conformal.js";

/** A jackknife+ / CV+ interval with its ranks. */
export interface JackknifePlusInterval extends ConformalPredictionInterval {
  /** ⌊α(n+1)⌋ (0 when the lower end is −∞). */
  readonly lowerRank: number;
  /** ⌈(1−α)(n+1)⌉ (Infinity when the upper end is +∞). */
  readonly upperRank: number;
}

/**
 * The jackknife+ (or CV+) interval at one point.
 *
 * @param heldOutPredictions - μ₋ᵢ(x): each held-out model's prediction at the new point.
 * @param heldOutResiduals - Rᵢ = |yᵢ − μ₋ᵢ(xᵢ)|, same length.
 * @param prediction - The point prediction reported with the interval (the full-data fit's).
 * @param confidenceLevel - 1 − α in (0, 1), read as a decimal.
 * @throws IslError ISL_INVALID_INPUT for mismatched lengths, no points or non-finite values.
 */
export function jackknifePlusInterval(heldOutPredictions: ArrayLike<number>, heldOutResiduals: ArrayLike<number>, prediction: number, confidenceLevel: number): JackknifePlusInterval {
  const n = heldOutResiduals.length;
  if (heldOutPredictions.length !== n) {
    throw new IslError("ISL_INVALID_INPUT", `jackknifePlusInterval needs one held-out prediction per residual (${heldOutPredictions.length} vs ${n}).`, { details: { predictions: heldOutPredictions.length, residuals: n } });
  }
  const lows = new Float64Array(n);
  const highs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mu = heldOutPredictions[i]!;
    const r = heldOutResiduals[i]!;
    if (!Number.isFinite(mu) || !Number.isFinite(r)) throw new IslError("ISL_INVALID_INPUT", `Held-out prediction or residual ${i} is not finite.`, { details: { index: i } });
    lows[i] = mu - r;
    highs[i] = mu + r;
  }
  const lowerRank = conformalLowerRank(n, confidenceLevel);
  const upperRank = conformalUpperRank(n, confidenceLevel);
  const infinite = lowerRank < 1 || upperRank === Number.POSITIVE_INFINITY;
  const lower = lowerRank < 1 ? Number.NEGATIVE_INFINITY : lows.sort()[lowerRank - 1]!;
  const upper = upperRank === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : highs.sort()[upperRank - 1]!;
  return { lower, upper, prediction, infinite, lowerRank, upperRank };
}

/**
 * The CV+ coverage guarantee of Barber et al. (2021), Theorem 4, for n points in K equal folds:
 * 1 − 2α − min{2(1 − 1/K)/(n/K + 1), (1 − K/n)/(K + 1)} (never below 0). With K = n it is the
 * jackknife+ guarantee 1 − 2α.
 *
 * @param n - Calibration size.
 * @param folds - K, 2 … n.
 * @param confidenceLevel - 1 − α.
 */
export function cvPlusGuaranteedCoverage(n: number, folds: number, confidenceLevel: number): number {
  const alpha = 1 - confidenceLevel;
  const slack = Math.min((2 * (1 - 1 / folds)) / (n / folds + 1), (1 - folds / n) / (folds + 1));
  return Math.max(0, 1 - 2 * alpha - slack);
}

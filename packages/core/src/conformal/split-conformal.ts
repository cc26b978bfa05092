/**
 * Split (inductive) conformal prediction interval for a regression outcome: with a predictor fixed
 * before the calibration data is seen, the absolute residuals Rᵢ = |yᵢ − μ(xᵢ)| of n calibration
 * points are the scores; the interval at a new point is μ(x) ± q, q = the ⌈(n+1)(1−α)⌉-th smallest
 * score (unbounded when that rank exceeds n). If the n + 1 points are exchangeable,
 * P(Y ∈ C(X)) ≥ 1 − α, and ≤ 1 − α + 1/(n+1) when scores are almost surely distinct.
 * Complexity: O(n log n) for the sort of a copy of the scores.
 * Reference: V. Vovk, A. Gammerman, G. Shafer, "Algorithmic Learning in a Random World" (2005);
 * J. Lei, M. G'Sell, A. Rinaldo, R. J. Tibshirani, L. Wasserman, "Distribution-free predictive
 * inference for regression", JASA 113 (2018), Theorem 2.2.
 */
import { IslError } from "../errors.js";
import { conformalUpperRank } from "./quantile-rank.js";

/** A conformal prediction interval; both ends are infinite together when n is too small. */
export interface ConformalPredictionInterval {
  /** Lower end (−Infinity when unbounded). */
  readonly lower: number;
  /** Upper end (+Infinity when unbounded). */
  readonly upper: number;
  /** The point prediction the interval is built around. */
  readonly prediction: number;
  /** True when the interval is the whole real line. */
  readonly infinite: boolean;
}

/** A split-conformal interval with its quantile. */
export interface SplitConformalInterval extends ConformalPredictionInterval {
  /** The score quantile q (half-width); Infinity when unbounded. */
  readonly halfWidth: number;
  /** ⌈(n+1)(1−α)⌉, or Infinity when it exceeds n. */
  readonly rank: number;
}

/**
 * Absolute residual scores |yᵢ − ŷᵢ|.
 *
 * @param observed - Observed outcomes yᵢ.
 * @param predicted - Predictions ŷᵢ, same length.
 * @returns A new Float64Array of scores.
 */
export function absoluteResiduals(observed: ArrayLike<number>, predicted: ArrayLike<number>): Float64Array {
  if (observed.length !== predicted.length) {
    throw new IslError("ISL_INVALID_INPUT", `absoluteResiduals needs as many predictions as observations (${predicted.length} vs ${observed.length}).`, { details: { observed: observed.length, predicted: predicted.length } });
  }
  const out = new Float64Array(observed.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.abs(observed[i]! - predicted[i]!);
  return out;
}

/**
 * The k-th smallest (1-based) of the scores, by sorting a copy.
 *
 * @param scores - Finite scores.
 * @param k - Rank in 1 … scores.length.
 */
export function kthSmallest(scores: ArrayLike<number>, k: number): number {
  const sorted = Float64Array.from(scores).sort();
  return sorted[k - 1]!;
}

/**
 * The split-conformal interval μ(x) ± q at one point.
 *
 * @param scores - Calibration scores |yᵢ − μ(xᵢ)| (finite, at least one).
 * @param prediction - μ(x) at the new point.
 * @param confidenceLevel - 1 − α in (0, 1), read as a decimal.
 * @returns The interval; unbounded (infinite: true) when ⌈(n+1)(1−α)⌉ > n.
 * @throws IslError ISL_INVALID_INPUT for no scores or a non-finite score or prediction.
 */
export function splitConformalInterval(scores: ArrayLike<number>, prediction: number, confidenceLevel: number): SplitConformalInterval {
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(scores[i]!)) throw new IslError("ISL_INVALID_INPUT", `Conformal score ${i} is not finite (${String(scores[i])}).`, { details: { index: i } });
  }
  if (!Number.isFinite(prediction)) throw new IslError("ISL_INVALID_INPUT", `The point prediction is not finite (${String(prediction)}).`, { details: { prediction: String(prediction) } });
  const rank = conformalUpperRank(n, confidenceLevel);
  if (rank === Number.POSITIVE_INFINITY) {
    return { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, prediction, infinite: true, halfWidth: Number.POSITIVE_INFINITY, rank };
  }
  const q = kthSmallest(scores, rank);
  return { lower: prediction - q, upper: prediction + q, prediction, infinite: false, halfWidth: q, rank };
}

/**
 * Population standard deviation (ddof = 0) by the corrected two-pass algorithm.
 * Complexity: O(n) time (two passes), O(1) space.
 * Reference: T. F. Chan, G. H. Golub, R. J. LeVeque, "Algorithms for computing the sample variance:
 * analysis and recommendations", The American Statistician 37 (1983) 242–247, eq. (1.7).
 */
import { mean } from "./mean.js";

/**
 * Population variance (divide by n) of a non-empty sample of finite numbers.
 *
 * @param values - The sample.
 * @returns (Σ(x−m)² − (Σ(x−m))²/n) / n, never negative.
 * @throws IslError ISL_INVALID_INPUT if `values` is empty or holds NaN or ±Infinity.
 */
export function populationVariance(values: ArrayLike<number>): number {
  const m = mean(values);
  const n = values.length;
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - m;
    squares += d * d;
    deviations += d;
  }
  // NOTE: the second term corrects the rounding error of m (Chan–Golub–LeVeque).
  const variance = (squares - (deviations * deviations) / n) / n;
  return variance > 0 ? variance : 0;
}

/**
 * Population standard deviation (numpy `std` with ddof = 0) of a non-empty sample.
 *
 * @param values - The sample.
 * @returns √(population variance).
 * @throws IslError ISL_INVALID_INPUT if `values` is empty or holds NaN or ±Infinity.
 * @example populationStd([2, 4, 4, 4, 5, 5, 7, 9]) // 2
 */
export function populationStd(values: ArrayLike<number>): number {
  return Math.sqrt(populationVariance(values));
}

/**
 * Seeded random partitions of calibration points: K folds of sizes as equal as possible (for CV+),
 * and a train / calibration split (for split conformal with fitted coefficients). Both shuffle the
 * indices with Fisher–Yates from the given stream, then deal them out.
 * Complexity: O(n). Reference: R. A. Fisher, F. Yates (1938); D. E. Knuth, TAOCP Vol. 2, §3.4.2.
 */
import type { RandomSource } from "../random/index.js";
import { fisherYatesShuffle } from "../random/index.js";

/**
 * Assigns n points to K folds at random; fold sizes differ by at most one.
 *
 * @param n - Number of points.
 * @param folds - K in 1 … n.
 * @param source - The random stream.
 * @returns foldOf[i] ∈ 0 … K−1.
 */
export function randomFolds(n: number, folds: number, source: RandomSource): Int32Array {
  const order = fisherYatesShuffle(source, Int32Array.from({ length: n }, (_, i) => i));
  const foldOf = new Int32Array(n);
  order.forEach((point, position) => {
    foldOf[point] = position % folds;
  });
  return foldOf;
}

/**
 * Splits n points at random into `trainSize` training points and the rest for calibration.
 *
 * @param n - Number of points.
 * @param trainSize - 0 … n.
 * @param source - The random stream.
 * @returns Both index lists, each ascending.
 */
export function randomSplit(n: number, trainSize: number, source: RandomSource): { train: number[]; calibration: number[] } {
  const order = Array.from(fisherYatesShuffle(source, Int32Array.from({ length: n }, (_, i) => i)));
  return { train: order.slice(0, trainSize).sort((a, b) => a - b), calibration: order.slice(trainSize).sort((a, b) => a - b) };
}

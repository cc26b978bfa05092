/**
 * Percentile with linear interpolation between order statistics: Hyndman–Fan type 7, numpy's
 * default `method="linear"`. Complexity: O(n log n) for an unsorted sample (one sort of a copy),
 * O(1) on a pre-sorted Float64Array.
 * Reference: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages",
 * The American Statistician 50 (1996) 361–365, definition 7.
 */
import { invalidNumericInput, requireFiniteSample, requirePercentileRank } from "./validate.js";

/**
 * Percentile `p` (0–100) of an ascending Float64Array, type 7 interpolation, with no sort.
 * Uses the same index arithmetic as numpy (h = (p/100)(n−1)) and numpy's two-sided lerp, so results
 * agree with `numpy.percentile(x, p)` to the last bit in the cases we tested.
 *
 * Precondition: `sorted` is ascending. Only the first and last entries are checked for finiteness
 * (O(1)); an unsorted array gives a meaningless result rather than an error.
 *
 * @param sorted - Ascending, finite sample.
 * @param p - Percentile rank in [0, 100].
 * @returns The interpolated order statistic.
 * @throws IslError ISL_INVALID_INPUT if `sorted` is empty, its ends are not finite, or `p` is out of range.
 */
export function percentileSorted(sorted: Float64Array, p: number): number {
  const fn = "percentileSorted";
  if (!(sorted instanceof Float64Array)) invalidNumericInput(fn, "sorted", "an ascending Float64Array");
  const n = sorted.length;
  if (n === 0) invalidNumericInput(fn, "sorted", "a non-empty ascending Float64Array", { length: 0 });
  if (!Number.isFinite(sorted[0]) || !Number.isFinite(sorted[n - 1])) {
    invalidNumericInput(fn, "sorted", "an ascending Float64Array of finite numbers");
  }
  requirePercentileRank(fn, p);
  const h = (p / 100) * (n - 1);
  const lo = Math.floor(h);
  const t = h - lo;
  const a = sorted[lo] as number;
  if (t === 0 || lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  const diff = b - a;
  // NOTE: numpy's _lerp interpolates from the nearer end, which keeps the result monotone in p.
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * Percentile `p` (0–100) of a sample, linear interpolation (Hyndman–Fan type 7, numpy default).
 * Sorts a copy; the input is not modified.
 *
 * @param values - Non-empty sample of finite numbers.
 * @param p - Percentile rank in [0, 100]; 0 gives the minimum, 100 the maximum.
 * @returns The interpolated percentile.
 * @throws IslError ISL_INVALID_INPUT if `values` is empty, holds NaN or ±Infinity, or `p` is out of range.
 * @example percentile([1, 2, 3, 4], 50) // 2.5
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  requireFiniteSample("percentile", values);
  requirePercentileRank("percentile", p);
  const sorted = Float64Array.from(values).sort();
  return percentileSorted(sorted, p);
}

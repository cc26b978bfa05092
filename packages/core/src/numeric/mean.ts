/**
 * Arithmetic mean of a sample with Neumaier-compensated summation.
 * Complexity: O(n) time, O(1) space. Error bound independent of n to first order.
 * Reference: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54 (1974) 39–51 (improved Kahan–Babuška summation).
 */
import { requireFiniteSample } from "./validate.js";

/**
 * Sum of `values` with Neumaier's compensated summation (no input checks).
 *
 * @param values - Finite numbers.
 * @returns The sum, accurate to about one rounding error of the result for typical inputs.
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const t = sum + v;
    // NOTE: recover the low-order bits lost by whichever operand is smaller in magnitude.
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * Arithmetic mean of a non-empty sample of finite numbers.
 *
 * @param values - The sample (array or typed array).
 * @returns Σx / n computed with compensated summation.
 * @throws IslError ISL_INVALID_INPUT if `values` is empty or holds NaN or ±Infinity.
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(values: ArrayLike<number>): number {
  requireFiniteSample("mean", values);
  const m = compensatedSum(values) / values.length;
  // NOTE: a huge sum can overflow although the mean is representable; fall back to scaled sums.
  if (Number.isFinite(m)) return m;
  let scaled = 0;
  for (let i = 0; i < values.length; i++) scaled += (values[i] as number) / values.length;
  return scaled;
}

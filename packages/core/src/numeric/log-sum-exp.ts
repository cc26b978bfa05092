/**
 * log Σ exp(xᵢ) without overflow: shift by the maximum m and sum the rest with log1p, so that
 * log Σ exp(xᵢ) = m + log1p(Σ_{i≠argmax} exp(xᵢ − m)). Complexity: O(n) time, O(1) space.
 * Reference: P. Blanchard, D. J. Higham, N. J. Higham, "Accurately computing the log-sum-exp and
 * softmax functions", IMA Journal of Numerical Analysis 41 (2021) 2311–2330, Algorithm 2.
 */
import { invalidNumericInput } from "./validate.js";

/**
 * Numerically stable log(Σ exp(xᵢ)).
 *
 * Rules: an empty input gives −Infinity (the log of an empty sum, 0); −Infinity entries contribute
 * exp(−∞) = 0, so all −Infinity gives −Infinity; any +Infinity entry gives +Infinity.
 *
 * @param values - Numbers or ±Infinity (array or typed array).
 * @returns log Σ exp(xᵢ).
 * @throws IslError ISL_INVALID_INPUT if an entry is NaN or not a number.
 * @example logSumExp([1000, 1000]) // 1000 + Math.LN2
 */
export function logSumExp(values: ArrayLike<number>): number {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    invalidNumericInput("logSumExp", "values", "an array of numbers");
  }
  let max = -Infinity;
  let argmax = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || Number.isNaN(v)) {
      invalidNumericInput("logSumExp", "values", "an array of numbers without NaN", { index: i, value: String(v) });
    }
    if (v > max || argmax < 0) {
      max = v;
      argmax = i;
    }
  }
  if (max === -Infinity || max === Infinity) return max;
  let rest = 0;
  for (let i = 0; i < values.length; i++) {
    if (i !== argmax) rest += Math.exp((values[i] as number) - max);
  }
  return max + Math.log1p(rest);
}

/**
 * Input checks shared by the numeric routines: non-empty sample, finite entries, p in range.
 * Each check is O(1) or one O(n) scan; failures raise `IslError` with code ISL_INVALID_INPUT.
 * Reference: none (argument validation only).
 */
import { IslError } from "../errors.js";

/**
 * Throws ISL_INVALID_INPUT naming the function, the argument and what was expected.
 *
 * @param fn - Name of the public function that rejected the input.
 * @param argument - Name of the offending argument.
 * @param expected - Plain-language description of a valid value.
 * @param details - Machine-readable context attached to the error.
 */
export function invalidNumericInput(fn: string, argument: string, expected: string, details: Record<string, unknown> = {}): never {
  throw new IslError("ISL_INVALID_INPUT", `${fn}: ${argument} must be ${expected}`, {
    details: { function: fn, argument, expected, ...details },
    recovery: {
      hints: [`Pass ${argument} as ${expected}.`, "Remove NaN and infinite entries before summarising a sample."],
      suggestion: `Fix ${argument} and call ${fn} again.`,
    },
  });
}

/**
 * Checks that `values` is a non-empty array of finite numbers.
 *
 * @param fn - Name of the calling function, used in the error message.
 * @param values - The sample to check.
 * @throws IslError ISL_INVALID_INPUT if the sample is empty or holds a non-finite entry.
 */
export function requireFiniteSample(fn: string, values: ArrayLike<number>): void {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    invalidNumericInput(fn, "values", "an array of finite numbers");
  }
  if (values.length === 0) invalidNumericInput(fn, "values", "a non-empty array of finite numbers", { length: 0 });
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      invalidNumericInput(fn, "values", "a non-empty array of finite numbers", { index: i, value: String(v) });
    }
  }
}

/**
 * Checks that a percentile rank lies in [0, 100].
 *
 * @param fn - Name of the calling function, used in the error message.
 * @param p - The percentile rank to check.
 * @throws IslError ISL_INVALID_INPUT if `p` is not a number in [0, 100].
 */
export function requirePercentileRank(fn: string, p: number): void {
  if (typeof p !== "number" || !(p >= 0 && p <= 100)) {
    invalidNumericInput(fn, "p", "a number in [0, 100]", { value: String(p) });
  }
}

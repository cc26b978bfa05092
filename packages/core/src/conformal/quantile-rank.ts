/**
 * Exact order-statistic ranks of conformal prediction: the split-conformal / jackknife+ upper rank
 * ⌈(n+1)(1−α)⌉ and the jackknife+ lower rank ⌊α(n+1)⌋, computed in exact integer arithmetic from
 * the confidence level read as the decimal it was written as (0.9 is 9/10, not the double nearest
 * to it), so n = 9, α = 0.1 gives rank 9 and never 10 through rounding.
 * Complexity: O(digits of the confidence level). Reference: V. Vovk, A. Gammerman, G. Shafer,
 * "Algorithmic Learning in a Random World" (2005), §2; J. Lei, M. G'Sell, A. Rinaldo, R. J. Tibshirani,
 * L. Wasserman, "Distribution-free predictive inference for regression", JASA 113 (2018) 1094–1111.
 */
import { IslError } from "../errors.js";

/** A confidence level as an exact fraction numerator / denominator (denominator a power of ten). */
export interface DecimalFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * The confidence level as the exact decimal fraction of its shortest round-trip text
 * (`String(0.95)` = "0.95" → 95/100).
 *
 * @param confidenceLevel - A number strictly between 0 and 1.
 * @throws IslError ISL_INVALID_INPUT when it is not in (0, 1).
 */
export function decimalFraction(confidenceLevel: number): DecimalFraction {
  if (typeof confidenceLevel !== "number" || !(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new IslError("ISL_INVALID_INPUT", `confidence_level must be a number strictly between 0 and 1 (got ${String(confidenceLevel)}).`, {
      details: { field: "confidence_level", value: String(confidenceLevel) },
      recovery: { hints: ["0.9 asks for intervals that cover 90% of outcomes."], suggestion: "Use a confidence level such as 0.9 or 0.95." },
    });
  }
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(confidenceLevel))!;
  const digits = (match[1] ?? "") + (match[2] ?? "");
  const exponent = Number(match[3] ?? "0") - (match[2]?.length ?? 0);
  return exponent >= 0 ? { numerator: BigInt(digits) * 10n ** BigInt(exponent), denominator: 1n } : { numerator: BigInt(digits), denominator: 10n ** BigInt(-exponent) };
}

/**
 * ⌈(n+1)(1−α)⌉ with 1−α = `confidenceLevel`: the rank of the calibration score that bounds a
 * split-conformal interval (and the jackknife+ upper rank).
 *
 * @param n - Calibration size (≥ 1).
 * @param confidenceLevel - 1−α in (0, 1).
 * @returns The rank in 1 … n, or `Infinity` when it exceeds n (the interval is then unbounded).
 */
export function conformalUpperRank(n: number, confidenceLevel: number): number {
  requireSize(n);
  const { numerator, denominator } = decimalFraction(confidenceLevel);
  const product = BigInt(n + 1) * numerator;
  const rank = Number((product + denominator - 1n) / denominator);
  return rank > n ? Number.POSITIVE_INFINITY : rank;
}

/**
 * ⌊α(n+1)⌋ with α = 1 − `confidenceLevel`: the jackknife+ / CV+ lower rank.
 *
 * @param n - Calibration size (≥ 1).
 * @param confidenceLevel - 1−α in (0, 1).
 * @returns The rank in 1 … n, or 0 when α(n+1) < 1 (the lower end is then −∞).
 */
export function conformalLowerRank(n: number, confidenceLevel: number): number {
  requireSize(n);
  const { numerator, denominator } = decimalFraction(confidenceLevel);
  return Number((BigInt(n + 1) * (denominator - numerator)) / denominator);
}

/**
 * The smallest calibration size for which the rank ⌈(n+1)(1−α)⌉ is at most n: ⌈(1−α)/α⌉.
 *
 * @param confidenceLevel - 1−α in (0, 1).
 */
export function minimumCalibrationSize(confidenceLevel: number): number {
  const { numerator, denominator } = decimalFraction(confidenceLevel);
  const alpha = denominator - numerator;
  return Number((numerator + alpha - 1n) / alpha);
}

function requireSize(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new IslError("ISL_INVALID_INPUT", `The calibration size must be a positive integer (got ${String(n)}).`, {
      details: { field: "calibration_data", value: String(n) },
      recovery: { hints: ["Give at least one calibration point."], suggestion: "Provide calibration data." },
    });
  }
}

/**
 * Samplers by inversion of a closed-form CDF: uniform(min, max), exponential(scale),
 * triangular(min, mode, max) and Bernoulli(p). One uniform per variate; O(1) each.
 * Reference: L. Devroye, "Non-Uniform Random Variate Generation", Springer (1986), §II.2
 * (inversion method); numpy `Generator.triangular` for the two-branch triangular inverse.
 */
import { portableLog } from "./portable-log.js";
import type { RandomSource } from "./random-source.js";

/**
 * Uniform on [min, max): min + (max − min)·U. Rounding can return `max` when max − min is large
 * relative to the spacing of doubles near `max`.
 *
 * @param source - Uniform bit source.
 * @param min - Lower bound (validated by the caller).
 * @param max - Upper bound ≥ min.
 * @returns A uniform draw.
 */
export function uniformBetween(source: RandomSource, min: number, max: number): number {
  return min + (max - min) * source.next();
}

/**
 * Exponential with mean `scale` (rate 1/scale): −scale·ln(1 − U), U in [0, 1), so never infinite.
 * For U a multiple of 2⁻⁵³, 1 − U is exact, so a log loses nothing against `log1p` here; the log is
 * {@link portableLog}, so draws are bit-identical in every JavaScript engine.
 *
 * @param source - Uniform bit source.
 * @param scale - Mean, > 0.
 * @returns A draw in [0, ∞).
 */
export function exponentialScale(source: RandomSource, scale: number): number {
  return -scale * portableLog(1 - source.next());
}

/**
 * Triangular on [min, max] with peak at `mode`, by inverting its piecewise-quadratic CDF:
 * F⁻¹(u) = min + √(u(max−min)(mode−min)) for u < c, else max − √((1−u)(max−min)(max−mode)),
 * where c = (mode − min)/(max − min).
 *
 * @param source - Uniform bit source.
 * @param min - Lower bound.
 * @param mode - Peak, min ≤ mode ≤ max.
 * @param max - Upper bound, > min.
 * @returns A draw in [min, max] (clamped there against rounding).
 */
export function triangularInverse(source: RandomSource, min: number, mode: number, max: number): number {
  const width = max - min;
  const u = source.next();
  const leftWidth = mode - min;
  // NOTE: for widths near 1e-162 the products under the roots round in the subnormal range and the
  // root can overshoot the interval, so the result is clamped to [min, max].
  if (u * width < leftWidth) return Math.min(max, min + Math.sqrt(u * width * leftWidth));
  return Math.max(min, max - Math.sqrt((1 - u) * width * (max - mode)));
}

/**
 * Bernoulli(p): 1 with probability p, else 0 (U < p).
 *
 * @param source - Uniform bit source.
 * @param p - Success probability in [0, 1].
 * @returns 1 or 0.
 */
export function bernoulliTrial(source: RandomSource, p: number): 0 | 1 {
  return source.next() < p ? 1 : 0;
}

/**
 * Fraction of the feasible box whose points meet the targets with the required probability,
 * estimated by Monte Carlo: m points drawn uniformly in the feasible box, each evaluated (with the
 * same common random numbers as every other point), the fraction f that pass, and its binomial
 * standard error √(f(1 − f)/m). Also reports the sampled point with the highest in-target
 * probability (a hint when the proposal fails).
 * Complexity: O(m) point evaluations. Reference: Monte Carlo volume estimation, e.g. C. P. Robert
 * & G. Casella, "Monte Carlo Statistical Methods" (2nd ed., 2004), §3.2.
 */
import type { Rng } from "../random/index.js";

/** Result of {@link inTargetVolume}. */
export interface InTargetVolume {
  /** Fraction of the feasible box (relative volume) that is in target, in [0, 1]. */
  readonly fraction: number;
  /** Its Monte Carlo standard error. */
  readonly standardError: number;
  /** Points drawn. */
  readonly points: number;
  /** Points that passed. */
  readonly passed: number;
  /** The sampled point with the most hits, and its hit count (first such point on ties). */
  readonly best: { readonly point: Float64Array; readonly hits: number };
}

/**
 * Estimates the in-target fraction of the feasible box.
 *
 * @param lower - Lower corner of the feasible box.
 * @param upper - Upper corner.
 * @param points - Number of uniform points (≥ 1).
 * @param hits - In-target sample count at a point.
 * @param required - Hits needed to pass (⌈confidence · samples⌉).
 * @param rng - Stream of the uniform points.
 */
export function inTargetVolume(lower: Float64Array, upper: Float64Array, points: number, hits: (point: Float64Array) => number, required: number, rng: Rng): InTargetVolume {
  const d = lower.length;
  const point = new Float64Array(d);
  let passed = 0;
  let best = { point: new Float64Array(d), hits: -1 };
  for (let k = 0; k < points; k++) {
    for (let i = 0; i < d; i++) point[i] = rng.uniform(lower[i]!, upper[i]!);
    const h = hits(point);
    if (h >= required) passed++;
    if (h > best.hits) best = { point: Float64Array.from(point), hits: h };
  }
  const fraction = passed / points;
  return { fraction, standardError: Math.sqrt((fraction * (1 - fraction)) / points), points, passed, best };
}

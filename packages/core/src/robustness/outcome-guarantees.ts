/**
 * Outcome guarantees over a certified set of intervention points: for each target outcome, the
 * smallest lower and the largest upper bound of the central p-probability interval
 * [q((1 − p)/2), q((1 + p)/2)] (type-7 sample quantiles) over the points. At every point of the set
 * the outcome lies in [minimum, maximum] with probability ≥ p (up to Monte Carlo error).
 * Complexity: O(points · targets · samples) expected (quantiles by selection). Reference: Hyndman &
 * Fan (1996), type 7.
 */
import type { PointEvaluator } from "./point-evaluator.js";
import { percentilesBySelection } from "../scm/order-statistics.js";

/** One target's guarantee (upstream `OutcomeGuarantee`). */
export interface OutcomeGuarantee {
  readonly outcome: string;
  readonly minimum: number;
  readonly maximum: number;
  /** The probability level p of the central intervals. */
  readonly confidence: number;
}

/**
 * Computes the guarantees (empty when there are no points).
 *
 * @param evaluator - Evaluates points (its outcome columns are read after each evaluation).
 * @param points - The certified points.
 * @param targets - Target outcomes.
 * @param p - Probability level.
 */
export function outcomeGuarantees(evaluator: PointEvaluator, points: readonly Float64Array[], targets: readonly { readonly outcome: string }[], p: number): OutcomeGuarantee[] {
  if (points.length === 0) return [];
  const minimum = targets.map(() => Infinity);
  const maximum = targets.map(() => -Infinity);
  const n = evaluator.samples;
  const ranks = [(100 * (1 - p)) / 2, (100 * (1 + p)) / 2];
  for (const point of points) {
    evaluator.hits(point);
    targets.forEach(({ outcome }, t) => {
      const [lower, upper] = percentilesBySelection(evaluator.outcomeColumn(outcome).subarray(0, n), ranks) as [number, number];
      minimum[t] = Math.min(minimum[t]!, lower);
      maximum[t] = Math.max(maximum[t]!, upper);
    });
  }
  return targets.map(({ outcome }, t) => ({ outcome, minimum: minimum[t]!, maximum: maximum[t]!, confidence: p }));
}

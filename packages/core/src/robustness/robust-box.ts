/**
 * The largest robust box around a proposal p inside the feasible box [L, U]: the boxes
 * B(s) = Π [p_i − s·(p_i − L_i), p_i + s·(U_i − p_i)], s ∈ [0, 1], are the images of the feasible
 * box under the homothety of centre p and ratio s (B(1) is the whole feasible box, B(0) = {p}).
 * A box is accepted when every one of a fixed set of check points passes (their in-target
 * probability ≥ the confidence level); the check points are fixed in unit coordinates
 * u ∈ [−1, 1]^d (all 2^d corners or a random subset, the 2d face centres, and random interior
 * points), so every scale tests the same pattern and the test is monotone in the pattern. The
 * largest accepted scale is found by bisection to a tolerance: s = 0 (the proposal) first, then
 * s = 1, then bisection on [0, 1]. Certified: the returned box's check points all pass; what is
 * between them is not certified (for models whose in-target probability is quasi-concave in the
 * intervened values, e.g. linear models, passing corners imply the whole box passes).
 * Complexity: O((2 + log₂(1/tolerance)) · points) point evaluations. Reference: bisection on a
 * monotone predicate; FACET robust regions (upstream-algorithms §3.11), corrected.
 */
import type { Rng } from "../random/index.js";

/** The check points of a box in unit coordinates, each a Float64Array of length d. */
export interface UnitCheckPoints {
  readonly points: readonly Float64Array[];
  /** Whether every corner is among them (2^d ≤ the per-box budget). */
  readonly allCorners: boolean;
}

/**
 * Builds the check-point pattern: corners first (all of them when 2^d ≤ `budget`, else `budget`
 * random sign vectors), then the 2d face centres (±e_i; for d = 1 they are the corners), then
 * `budget` uniform interior points.
 *
 * @param d - Number of intervened variables (≥ 1).
 * @param budget - Points per kind (upstream `min_samples`).
 * @param rng - Stream for the random corners and interior points.
 */
export function unitCheckPoints(d: number, budget: number, rng: Rng): UnitCheckPoints {
  const points: Float64Array[] = [];
  const allCorners = d < 31 && 2 ** d <= budget;
  if (allCorners) {
    for (let mask = 0; mask < 2 ** d; mask++) points.push(Float64Array.from({ length: d }, (_, i) => ((mask >> i) & 1 ? 1 : -1)));
  } else {
    const signs = rng.fork("corners");
    for (let k = 0; k < budget; k++) points.push(Float64Array.from({ length: d }, () => (signs.next() < 0.5 ? -1 : 1)));
  }
  if (d > 1) {
    for (let i = 0; i < d; i++) {
      for (const sign of [-1, 1]) {
        const face = new Float64Array(d);
        face[i] = sign;
        points.push(face);
      }
    }
  }
  const interior = rng.fork("interior");
  for (let k = 0; k < budget; k++) points.push(Float64Array.from({ length: d }, () => interior.uniform(-1, 1)));
  return { points, allCorners };
}

/**
 * The point of box B(s) with unit coordinates u.
 *
 * @param u - Unit coordinates in [−1, 1]^d.
 * @param s - Scale in [0, 1].
 * @param proposal - p.
 * @param lower - L.
 * @param upper - U.
 * @param out - Where to write the point.
 */
export function pointAtScale(u: Float64Array, s: number, proposal: Float64Array, lower: Float64Array, upper: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < u.length; i++) {
    const p = proposal[i]!;
    const ui = u[i]!;
    // NOTE: clamped so rounding never leaves the feasible box.
    out[i] = Math.min(upper[i]!, Math.max(lower[i]!, ui < 0 ? p + s * ui * (p - lower[i]!) : p + s * ui * (upper[i]! - p)));
  }
  return out;
}

/** The box B(s) as per-variable [lo, hi]. */
export function boxAtScale(s: number, proposal: Float64Array, lower: Float64Array, upper: Float64Array): [number, number][] {
  return Array.from(proposal, (p, i) => [Math.max(lower[i]!, p - s * (p - lower[i]!)), Math.min(upper[i]!, p + s * (upper[i]! - p))]);
}

/** Options of {@link largestRobustScale}. */
export interface RobustScaleOptions {
  readonly proposal: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly checkPoints: readonly Float64Array[];
  /** True when the point meets the targets with the required probability. */
  readonly passes: (point: Float64Array) => boolean;
  /** Bisection stops when the bracket is at most this wide (in scale units). */
  readonly tolerance: number;
}

/** Result of {@link largestRobustScale}. */
export interface RobustScale {
  /** Whether the proposal itself passes. */
  readonly proposalPasses: boolean;
  /** Largest certified scale (0 when only the proposal passes or it fails); every check point of B(scale) passed. */
  readonly scale: number;
  /** Smallest scale seen to fail (the bisection's upper bracket; 0 when the proposal fails); null when B(1) passes. */
  readonly failingScale: number | null;
  /** Point evaluations made, and how many passed. */
  readonly evaluations: number;
  readonly passedEvaluations: number;
}

/**
 * Bisection for the largest scale s whose box passes at every check point.
 *
 * @param options - Proposal, feasible box, check points, predicate and tolerance.
 * @returns The certified scale and the evaluation counts.
 */
export function largestRobustScale(options: RobustScaleOptions): RobustScale {
  const { proposal, lower, upper, checkPoints, passes, tolerance } = options;
  let evaluations = 0;
  let passedEvaluations = 0;
  const point = new Float64Array(proposal.length);
  const check = (p: Float64Array): boolean => {
    evaluations++;
    const ok = passes(p);
    if (ok) passedEvaluations++;
    return ok;
  };
  const boxPasses = (s: number): boolean => checkPoints.every((u) => check(pointAtScale(u, s, proposal, lower, upper, point)));
  if (!check(Float64Array.from(proposal))) return { proposalPasses: false, scale: 0, failingScale: 0, evaluations, passedEvaluations };
  if (boxPasses(1)) return { proposalPasses: true, scale: 1, failingScale: null, evaluations, passedEvaluations };
  let lo = 0;
  let hi = 1;
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2;
    if (boxPasses(mid)) lo = mid;
    else hi = mid;
  }
  return { proposalPasses: true, scale: lo, failingScale: hi, evaluations, passedEvaluations };
}

/**
 * One-at-a-time sensitivity of an outcome to a parameter θ over a range: the outcome at the
 * current value, its elasticity there by a central difference (exact for outcomes linear in θ, up
 * to rounding), the outcome over a grid of the range (with monotonicity read from the grid), and
 * the tipping point: the value of θ nearest the current one at which the conclusion flips, the
 * conclusion being the side of `threshold` on which the outcome lies. The grid brackets the flip
 * and bisection locates it to 1e-12 of the range. The outcome function must use common random
 * numbers so that it is a fixed function of θ.
 * Complexity: O(grid + bisection steps) outcome evaluations. Reference: A. Saltelli et al.,
 * "Global Sensitivity Analysis: The Primer" (2008), §1.2 (local elasticities, one-at-a-time).
 */

/** Options of {@link sweepParameter}. */
export interface SweepOptions {
  /** Outcome as a function of the parameter. */
  readonly outcomeOf: (value: number) => number;
  /** Current value θ₀. */
  readonly current: number;
  /** Range of θ, inclusive (lower < upper); widened to contain `current`. */
  readonly lower: number;
  readonly upper: number;
  /** The conclusion is the side of this threshold on which the outcome lies. */
  readonly threshold: number;
  /** Grid points over the range; default 21. */
  readonly gridPoints?: number | undefined;
}

/** Result of {@link sweepParameter}. */
export interface SweepResult {
  /** Outcome at θ₀. */
  readonly baseline: number;
  /** dY/dθ at θ₀. */
  readonly slope: number;
  /** (dY/dθ)·θ₀/Y(θ₀); null when Y(θ₀) = 0. */
  readonly elasticity: number | null;
  /** Smallest and largest outcome seen over the range. */
  readonly outcomeMin: number;
  readonly outcomeMax: number;
  /** Outcome at the ends of the range. */
  readonly outcomeAtLower: number;
  readonly outcomeAtUpper: number;
  /** True when the outcome is monotone on the grid. */
  readonly monotone: boolean;
  /** θ nearest θ₀ in the range where the outcome crosses the threshold; null when it never does. */
  readonly tippingPoint: number | null;
  /** Outcome evaluations used. */
  readonly evaluations: number;
}

/**
 * Sweeps one parameter.
 *
 * @param options - Outcome function, current value, range, threshold.
 * @returns Elasticity, outcome range and tipping point.
 */
export function sweepParameter(options: SweepOptions): SweepResult {
  const { current, threshold } = options;
  // NOTE: the range is widened to contain the current value, so the scan can start from it.
  const lower = Math.min(options.lower, current);
  const upper = Math.max(options.upper, current);
  let evaluations = 0;
  const f = (x: number): number => {
    evaluations += 1;
    return options.outcomeOf(x);
  };
  const baseline = f(current);
  const h = 1e-4 * Math.max(Math.abs(current), (upper - lower) / 2, 1e-8);
  const slope = (f(current + h) - f(current - h)) / (2 * h);
  const elasticity = baseline === 0 ? null : (slope * current) / baseline;

  const count = Math.max(3, options.gridPoints ?? 21);
  const xs = [...new Set([current, ...Array.from({ length: count }, (_, i) => (i === count - 1 ? upper : lower + ((upper - lower) * i) / (count - 1)))])].filter((x) => x >= lower && x <= upper).sort((a, b) => a - b);
  const ys = xs.map((x) => (x === current ? baseline : f(x)));
  const diffs = ys.slice(1).map((y, i) => y - ys[i]!);
  const monotone = diffs.every((d) => d >= 0) || diffs.every((d) => d <= 0);

  const side = (y: number): number => Math.sign(y - threshold);
  const baseSide = side(baseline);
  let tippingPoint: number | null = baseSide === 0 ? current : null;
  if (tippingPoint === null) {
    const start = xs.indexOf(current);
    const flips: number[] = [];
    for (const step of [1, -1]) {
      for (let i = start + step; i >= 0 && i < xs.length; i += step) {
        if (side(ys[i]!) === baseSide) continue;
        let same = xs[i - step]!;
        let other = xs[i]!;
        const tolerance = 1e-12 * (upper - lower);
        for (let k = 0; k < 100 && Math.abs(other - same) > tolerance; k++) {
          const mid = same + (other - same) / 2;
          if (mid === same || mid === other) break;
          if (side(f(mid)) === baseSide) same = mid;
          else other = mid;
        }
        let flip = side(f(other)) === 0 ? other : (same + other) / 2;
        // NOTE: the shortest decimal inside the final bracket (200/45 prints as 4.444444444444, 2.5 as 2.5).
        for (const digits of [4, 6, 8, 10, 12, 14]) {
          const rounded = Number(flip.toPrecision(digits));
          if (rounded >= Math.min(same, other) && rounded <= Math.max(same, other)) {
            flip = rounded;
            break;
          }
        }
        flips.push(flip);
        break;
      }
    }
    flips.sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
    tippingPoint = flips[0] ?? null;
  }
  return {
    baseline,
    slope,
    elasticity,
    outcomeMin: Math.min(...ys),
    outcomeMax: Math.max(...ys),
    outcomeAtLower: ys[0]!,
    outcomeAtUpper: ys[ys.length - 1]!,
    monotone,
    tippingPoint,
    evaluations,
  };
}

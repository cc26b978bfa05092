/**
 * The deterministic edge flip search behind `edge_e_values`: in the expected-value world (every edge at
 * mean·p, no factor draws, noise off) find how far one edge's mean must move, within [−1, 1], before the
 * winning option changes — first trying an increase to 1, then a decrease to −1, each located by 20
 * bisection steps — and the E-value max(1, |flip/current|) of that move.
 * Complexity: O(22·W) for W = the cost of one winner evaluation (all options, O(O·(N + E))).
 * Reference: plot-v2-engine.md §4.6 (edge_e_values); plot-client.md §3.5 and §7.2 (captured flip means).
 */

/** Outcome of one edge's flip search. */
export interface EdgeFlip {
  /** True when neither end of [−1, 1] changes the winner. */
  readonly unflippable: boolean;
  /** "increase" when the flip lies above the current mean (also for unflippable edges). */
  readonly direction: "increase" | "decrease";
  /** The crossing point (unrounded); the current mean when unflippable. */
  readonly flipMean: number;
  /** Winner (option index) just past the crossing; −1 when unflippable. */
  readonly alternativeIndex: number;
}

/** Inputs of {@link searchEdgeFlip}. */
export interface EdgeFlipSearch {
  /** The edge's current mean (its `strength.mean`). */
  readonly currentMean: number;
  /** Winner (option index) with the edge at its current mean·p. */
  readonly baselineWinner: number;
  /** Winner (option index) when the edge's mean is set to `mean` (the caller applies ·p). */
  readonly winnerAtMean: (mean: number) => number;
  /** Bisection steps. Default 20. */
  readonly steps?: number;
}

/**
 * Searches the flip point of one edge.
 *
 * Increase first: if the winner at mean 1 differs from the baseline, bisect [current, 1] (a flipped
 * midpoint becomes hi and its winner the alternative, otherwise lo) and report hi. Otherwise decrease: if
 * the winner at −1 differs, bisect [−1, current] (a flipped midpoint becomes lo) and report lo.
 */
export function searchEdgeFlip(search: EdgeFlipSearch): EdgeFlip {
  const steps = search.steps ?? 20;
  const { currentMean, baselineWinner, winnerAtMean } = search;
  const atMax = winnerAtMean(1);
  if (atMax !== baselineWinner) {
    let lo = currentMean;
    let hi = 1;
    let alternative = atMax;
    for (let k = 0; k < steps; k++) {
      const mid = (lo + hi) / 2;
      const winner = winnerAtMean(mid);
      if (winner !== baselineWinner) {
        hi = mid;
        alternative = winner;
      } else lo = mid;
    }
    return { unflippable: false, direction: "increase", flipMean: hi, alternativeIndex: alternative };
  }
  const atMin = winnerAtMean(-1);
  if (atMin !== baselineWinner) {
    let lo = -1;
    let hi = currentMean;
    let alternative = atMin;
    for (let k = 0; k < steps; k++) {
      const mid = (lo + hi) / 2;
      const winner = winnerAtMean(mid);
      if (winner !== baselineWinner) {
        lo = mid;
        alternative = winner;
      } else hi = mid;
    }
    return { unflippable: false, direction: "decrease", flipMean: lo, alternativeIndex: alternative };
  }
  return { unflippable: true, direction: "increase", flipMean: currentMean, alternativeIndex: -1 };
}

/**
 * E-value of a flip: |flip/current| when |current| > 1e-10, else |flip|/1e-6 when |flip| > 1e-10, else 1;
 * never below 1. Unrounded.
 */
export function flipEValue(currentMean: number, flipMean: number): number {
  let e: number;
  if (Math.abs(currentMean) > 1e-10) e = Math.abs(flipMean / currentMean);
  else e = Math.abs(flipMean) > 1e-10 ? Math.abs(flipMean) / 1e-6 : 1;
  return Math.max(1, e);
}

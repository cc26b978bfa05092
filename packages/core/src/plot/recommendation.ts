/**
 * The recommendation of the main Monte Carlo: the first option (request order) with the most wins,
 * its win share times the defaulted-root penalty max(0.1, 1 − 0.05·k) as recommendation_stability
 * (= confidence, basis "recommendation_stability_uncalibrated"), is_robust = stability ≥ 0.7, and
 * the level band: robust ⇒ "high" if confidence > 0.8 else "moderate"; not robust ⇒ "low" if
 * confidence > 0.5 else "very_low".
 * Complexity: O(O).
 * Reference: plot-v2-engine.md §3.6, §4.6 (first bullet pair), §8 (post-#114 meaning).
 */
import type { PlotDraws } from "./monte-carlo.js";
import { robustnessLevel } from "./robustness.js";

/** Robustness level vocabulary. */
export type RobustnessLevel = "high" | "moderate" | "low" | "very_low";

/** The recommendation summary. */
export interface Recommendation {
  /** Index of the recommended option, −1 when no draw had a winner. */
  readonly optionIndex: number;
  /** Max wins / S times the penalty. */
  readonly stability: number;
  readonly isRobust: boolean;
  readonly level: RobustnessLevel;
}

/**
 * The recommendation of a run.
 *
 * @param draws - The main Monte Carlo.
 * @param penalty - The defaulted-root stability penalty (1 when no root defaulted).
 */
export function recommendation(draws: PlotDraws, penalty: number): Recommendation {
  let best = -1;
  for (let o = 0; o < draws.wins.length; o++) if (draws.wins[o]! > 0 && (best < 0 || draws.wins[o]! > draws.wins[best]!)) best = o;
  const stability = best < 0 ? 0 : (draws.wins[best]! / draws.n) * penalty;
  const { level, isRobust } = robustnessLevel(stability);
  return { optionIndex: best, stability, isRobust, level };
}

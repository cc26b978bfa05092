/**
 * Analysis critiques about the options' outcome distributions (warnings on a 200):
 * DEGENERATE_OUTCOMES (≥ 2 computed options whose p50s satisfy (max − min)/max|p50| < 0.01, or all
 * zero), DEGENERATE_OPTION_ZERO_VARIANCE (an option's population std < 1e-10) and HIGH_TIE_RATE
 * (more than half of the draws tied). Ids mix in the run's seed.
 * Complexity: O(O).
 * Reference: plot-v2-engine.md §4.2, §4.20 (wording from the r3b capture).
 */
import { makeCritique, type PlotCritique } from "./critique.js";
import type { OptionRow } from "./options-block.js";

/** DEGENERATE_OUTCOMES, if the computed options' medians are nearly identical. */
export function degenerateOutcomesCritique(rows: readonly OptionRow[], seed: string): PlotCritique[] {
  const p50s = rows.filter((r) => r.status === "computed" && r.outcome.p50 !== undefined).map((r) => r.outcome.p50!);
  if (p50s.length < 2) return [];
  const maxAbs = Math.max(...p50s.map(Math.abs));
  const spread = Math.max(...p50s) - Math.min(...p50s);
  if (maxAbs !== 0 && spread / maxAbs >= 0.01) return [];
  return [
    makeCritique({
      code: "DEGENERATE_OUTCOMES",
      severity: "warning",
      source: "analysis",
      message: "All options produce nearly identical outcomes",
      affectedOptionIds: rows.map((r) => r.id),
      suggestion: "Check that the options set different values on nodes that reach the goal",
      seed,
    }),
  ];
}

/**
 * DEGENERATE_OPTION_ZERO_VARIANCE per option, then HIGH_TIE_RATE.
 *
 * @param rows - The options block rows.
 * @param tieRate - Tied draws / S.
 * @param seed - The run's seed text (mixed into the ids).
 */
export function analyzerOutcomeCritiques(rows: readonly OptionRow[], tieRate: number, seed: string): PlotCritique[] {
  const out: PlotCritique[] = [];
  for (const row of rows) {
    if (row.outcome.std === undefined || row.outcome.std >= 1e-10) continue;
    out.push(
      makeCritique({
        code: "DEGENERATE_OPTION_ZERO_VARIANCE",
        severity: "warning",
        source: "analysis",
        message: `Option '${row.label}' has zero variance \u2014 intervention may have no causal path to goal`,
        affectedOptionIds: [row.id],
        suggestion: "Check that intervention targets are connected to the goal with non-zero edge strengths",
        seed,
      }),
    );
  }
  if (tieRate > 0.5) {
    out.push(
      makeCritique({
        code: "HIGH_TIE_RATE",
        severity: "warning",
        source: "analysis",
        message: `${Math.trunc(tieRate * 100)}% of samples resulted in ties between options \u2014 win probabilities may be misleading`,
        seed,
      }),
    );
  }
  return out;
}

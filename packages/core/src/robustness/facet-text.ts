/**
 * Plain-language interpretation and recommendation of a FACET robustness analysis, written from
 * its numbers (probabilities, certified box, in-target fraction, fragility criteria).
 * Complexity: O(variables + targets). Reference: upstream-algorithms §3.11 step 6 (templates).
 */
import { round, type RobustnessAnalysis } from "./analyze-robustness.js";

const pct = (x: number): string => `${round(100 * x)}%`;

function ranges(box: Readonly<Record<string, [number, number]>>): string {
  return Object.entries(box)
    .map(([name, [lo, hi]]) => `${name} ${round(lo)}–${round(hi)}`)
    .join(", ");
}

function targetText(a: RobustnessAnalysis): string {
  return a.targets.map((t) => `${t.outcome} ∈ [${t.lo}, ${t.hi}]`).join(" and ");
}

/**
 * The interpretation: what the numbers say.
 *
 * @param a - The analysis.
 */
export function robustnessInterpretation(a: RobustnessAnalysis): string {
  const head = `At the proposal, ${targetText(a)} holds with probability ${round(a.probabilityAtProposal)} (required: ${a.confidenceLevel}).`;
  const volume = `${pct(a.inTargetFraction)} ± ${pct(a.inTargetFractionStandardError)} of the feasible region (${ranges(a.feasibleRanges)}) meets the targets.`;
  if (a.robustRegion === null) {
    const why = a.probabilityAtProposal >= a.confidenceLevel ? "The proposal passes, but no box of positive size around it does." : "No region around the proposal is robust.";
    return `${head} ${why} ${volume}`;
  }
  const whole = a.scale === 1 ? "the whole feasible region" : `${pct(a.scale)} of the way to the feasible edges in every direction, ${pct(a.regionVolume)} of the feasible volume`;
  return `${head} Every one of ${a.pointsChecked} checked points of the box ${ranges(a.robustRegion)} (${whole}) meets the targets with probability ≥ ${a.confidenceLevel}. ${volume}`;
}

/**
 * The recommendation: what to do about it.
 *
 * @param a - The analysis.
 */
export function robustnessRecommendation(a: RobustnessAnalysis): string {
  if (a.robustRegion === null && a.probabilityAtProposal < a.confidenceLevel) {
    const best = a.bestSampledPoint;
    const where = Object.entries(best.values)
      .map(([name, value]) => `${name} = ${round(value)}`)
      .join(", ");
    return best.probability >= a.confidenceLevel
      ? `Do not implement the proposal as is. The feasible point ${where} meets the targets with probability ${round(best.probability)}; re-run the analysis around it.`
      : `Do not implement the proposal as is: no sampled feasible point meets the targets with probability ≥ ${a.confidenceLevel} (best ${round(best.probability)} at ${where}). Revisit the targets or widen the feasible ranges.`;
  }
  if (a.isFragile) return `Implement with caution and keep the levers within ${a.robustRegion === null ? "a very small distance of the proposal" : ranges(a.robustRegion)}; monitor ${a.targets.map((t) => t.outcome).join(", ")} closely.`;
  return `Safe to implement: operating ranges ${ranges(a.robustRegion ?? {})} keep the targets met with probability ≥ ${a.confidenceLevel}.`;
}

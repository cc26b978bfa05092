/**
 * `robustness/analyze` (FACET v1): maps the upstream request to the robustness core and its result
 * to upstream's `FACETRobustnessAnalysis` with additive fields. The analysis itself is in
 * ../robustness (largest certified box by bisection with common random numbers, Monte Carlo
 * in-target volume, outcome guarantees, fragility criteria).
 * Complexity: see analyzeRobustness. Reference: upstream-algorithms §3.11, bug #11 fixed.
 */
import type { RequestOf, RobustnessResponse } from "@olumi/contracts";
import { analyzeRobustness, robustnessInterpretation, robustnessRecommendation } from "../robustness/index.js";
import type { HandlerContext } from "./context.js";

type Request = RequestOf<"robustness/analyze">;
type Response = Omit<RobustnessResponse, "_metadata">;

/** The `robustness/analyze` handler. */
export function robustnessAnalyzeHandler(request: Request, ctx: HandlerContext): Response {
  const a = analyzeRobustness({
    structuralModel: request.structural_model ?? undefined,
    causalModel: request.causal_model,
    interventionProposal: request.intervention_proposal,
    targetOutcome: request.target_outcome,
    perturbationRadius: request.perturbation_radius,
    feasibleRanges: request.feasible_ranges,
    confidenceLevel: request.confidence_level,
    pointsPerBox: request.min_samples,
    samples: request.samples,
    rng: ctx.rng.fork("robustness"),
    signal: ctx.signal,
  });
  return {
    analysis: {
      status: a.status,
      robust_regions: a.robustRegion === null ? [] : [{ variable_ranges: a.robustRegion }],
      outcome_guarantees: Object.fromEntries(a.guarantees.map((g) => [g.outcome, { outcome_variable: g.outcome, minimum: g.minimum, maximum: g.maximum, confidence: g.confidence }])),
      robustness_score: a.scale,
      region_count: a.robustRegion === null ? 0 : 1,
      total_volume: a.regionVolume,
      is_fragile: a.isFragile,
      fragility_reasons: [...a.fragilityReasons],
      samples_tested: a.pointsEvaluated,
      samples_successful: a.pointsPassed,
      confidence_level: a.confidenceLevel,
      interpretation: robustnessInterpretation(a),
      recommendation: robustnessRecommendation(a),
      probability_at_proposal: a.probabilityAtProposal,
      feasible_ranges: a.feasibleRanges,
      in_target_fraction: a.inTargetFraction,
      in_target_fraction_se: a.inTargetFractionStandardError,
      points_checked: a.pointsChecked,
      all_corners_checked: a.allCornersChecked,
      failing_scale: a.failingScale,
      best_sampled_point: { variable_values: a.bestSampledPoint.values, probability: a.bestSampledPoint.probability },
      samples_per_point: a.samplesPerPoint,
      model_source: a.modelSource,
      warnings: [...a.warnings],
    },
    samples: request.samples,
    seed: ctx.seed,
  };
}

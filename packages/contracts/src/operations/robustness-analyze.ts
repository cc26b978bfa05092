/**
 * `robustness/analyze` (FACET v1): regions around an intervention proposal in which every target
 * outcome stays in range with the required probability. Request and response fields as upstream
 * (`RobustnessRequest`, `RobustnessResponse`, `FACETRobustnessAnalysis`), with additive fields.
 */
import { z } from "zod";
import { ResponseMetadata } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";

const finite = z.number().finite();
const Bounds = z.tuple([finite, finite]);
const sizeLimited = <T extends z.ZodType>(value: T, field: string) =>
  z.record(z.string(), value).refine((m) => Object.keys(m).length <= LIMITS.dictSize, { message: `${field}: at most ${LIMITS.dictSize} entries.` });

/** `RobustnessRequest`. */
export const RobustnessRequest = z
  .object({
    causal_model: z
      .record(z.string(), z.unknown())
      .describe("Upstream field. Used as the structural model when structural_model is absent and it has equations ({variables, equations, distributions}); a graph (nodes/edges) alone is refused."),
    intervention_proposal: sizeLimited(finite, "intervention_proposal").describe("{variable: value}: the proposed do()."),
    target_outcome: sizeLimited(Bounds, "target_outcome").describe("{outcome: [min, max]}: every outcome must land in its range (joint probability)."),
    perturbation_radius: z.number().gt(0).lte(1).default(0.1).describe("Relative radius r of the default feasible range value·(1 ± r) of each intervened variable."),
    min_samples: z.number().int().min(10).max(1000).default(100).describe("Check points per kind (corners, interior) per box, and uniform points of the in-target volume estimate."),
    confidence_level: z.number().min(0.5).max(0.99).default(0.95).describe("Required joint probability of meeting every target."),
    feasible_ranges: sizeLimited(Bounds, "feasible_ranges").nullish().describe("{variable: [min, max]} per intervened variable; each must contain the proposal. Default: value·(1 ± r)."),
    structural_model: z
      .record(z.string(), z.unknown())
      .nullish()
      .describe("StructuralModel {variables, equations, distributions, context?}; context may fix exogenous variables."),
    samples: z.number().int().min(1).max(1_000_000).default(10_000).describe("Monte Carlo samples per evaluated point (1 is used when the model has no random exogenous variable)."),
    seed: z.union([z.number().int(), z.string().min(1)]).nullish().describe("Seed; derived from the request when absent (docs/determinism.md)."),
  })
  .meta({ id: "RobustnessRequest" });
export type RobustnessRequest = z.infer<typeof RobustnessRequest>;

/** `InterventionRegion`. */
export const InterventionRegion = z.object({ variable_ranges: z.record(z.string(), Bounds) }).meta({ id: "InterventionRegion" });

/** `OutcomeGuarantee`. */
export const OutcomeGuarantee = z
  .object({
    outcome_variable: z.string(),
    minimum: z.number(),
    maximum: z.number(),
    confidence: z.number().min(0).max(1),
  })
  .meta({ id: "OutcomeGuarantee" });

/** `FACETRobustnessAnalysis`. */
export const FACETRobustnessAnalysis = z
  .object({
    status: z.enum(["robust", "fragile"]),
    robust_regions: z.array(InterventionRegion).describe("The certified box around the proposal (at most one), or none."),
    outcome_guarantees: z.record(z.string(), OutcomeGuarantee).describe("Per target: [minimum, maximum] holds with probability ≥ confidence at every certified point."),
    robustness_score: z.number().min(0).max(1).describe("The certified scale s: the box reaches fraction s of the way from the proposal to the feasible edges in every direction."),
    region_count: z.number().int().min(0),
    total_volume: z.number().min(0).max(1).describe("Volume of the robust regions relative to the feasible ranges' box: s^d."),
    is_fragile: z.boolean(),
    fragility_reasons: z.array(z.string()),
    samples_tested: z.number().int().min(0).describe("Intervention points evaluated (search and volume estimate)."),
    samples_successful: z.number().int().min(0).describe("Of those, points meeting the targets with probability ≥ confidence_level."),
    confidence_level: z.number().min(0).max(1),
    interpretation: z.string(),
    recommendation: z.string(),
    probability_at_proposal: z.number().min(0).max(1).describe("Joint probability of meeting every target at the proposal."),
    feasible_ranges: z.record(z.string(), Bounds).describe("The feasible ranges used (given or defaulted)."),
    in_target_fraction: z.number().min(0).max(1).describe("Monte Carlo estimate of the fraction of the feasible box that meets the targets with probability ≥ confidence_level."),
    in_target_fraction_se: z.number().min(0),
    points_checked: z.number().int().min(0).describe("Points of the certified box that were checked (proposal, corners, faces, interior); all passed."),
    all_corners_checked: z.boolean(),
    failing_scale: z.number().min(0).max(1).nullable().describe("Smallest scale at which a check point failed (null when the whole feasible box passes)."),
    best_sampled_point: z.object({ variable_values: z.record(z.string(), z.number()), probability: z.number().min(0).max(1) }),
    samples_per_point: z.number().int().min(1),
    model_source: z.enum(["structural_model", "causal_model"]),
    warnings: z.array(z.string()),
  })
  .meta({ id: "FACETRobustnessAnalysis" });

/** `RobustnessResponse`. */
export const RobustnessResponse = z
  .object({
    analysis: FACETRobustnessAnalysis,
    samples: z.number().int().min(1).describe("The samples requested."),
    seed: z.string().describe("The seed used."),
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "RobustnessResponse" });
export type RobustnessResponse = z.infer<typeof RobustnessResponse>;

/** The `robustness/analyze` operation. */
export const robustnessAnalyze = defineOperation({
  id: "robustness/analyze",
  request: RobustnessRequest,
  response: RobustnessResponse,
  summary: "FACET robustness: the region around a proposal where every target outcome is met with the required probability",
  description:
    "Simulates the structural model under do(proposal) and around it, with common random numbers. Finds the largest box around the proposal (homothetic to the feasible ranges) whose check points (corners, faces, random interior) all meet every target with joint probability ≥ confidence_level, by bisection; " +
    "estimates the in-target fraction of the feasible region; reports volumes relative to the feasible ranges, outcome guarantees and fragility.",
  tags: ["Robustness"],
  metric: "isl_robustness_analyses_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "_metadata",
  example: {
    causal_model: {},
    structural_model: {
      variables: ["Price", "Revenue", "Noise"],
      equations: { Revenue: "2000 * Price + Noise" },
      distributions: { Noise: { type: "normal", parameters: { mean: 0, std: 1000 } } },
    },
    intervention_proposal: { Price: 52.5 },
    target_outcome: { Revenue: [95000, 115000] },
    samples: 2000,
    seed: 42,
  },
});

/**
 * `analysis/sensitivity`: vary each assumption (a model parameter) over its range and report its
 * elasticity, the outcome over the range, the tipping point where the conclusion flips, an
 * importance ranking and E-values (upstream `SensitivityAnalysisRequest/Response`, with additive
 * fields: `outcome`, `intervention`, `threshold`, `effect_estimate`, `samples`, `seed`).
 */
import { z } from "zod";
import { ConfidenceLevel, ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";
import { StructuralModel, VariableName } from "../structural-model.js";

const Finite = z.number().finite();

/** An effect estimate to compute E-values for (VanderWeele & Ding 2017). */
export const EffectEstimate = z
  .object({
    measure: z.enum(["risk_ratio", "standardized_mean_difference"]),
    estimate: Finite,
    lower: Finite.nullish().describe("Lower confidence limit on the same scale."),
    upper: Finite.nullish().describe("Upper confidence limit on the same scale."),
  })
  .meta({ id: "EffectEstimate" });

/** E-values of an effect estimate. */
export const EValueReport = z
  .object({
    measure: z.enum(["risk_ratio", "standardized_mean_difference"]),
    risk_ratio: z.number().describe("The estimate as a risk ratio (exp(0.91·d) for a standardised difference)."),
    e_value: z.number().describe("RR + √(RR(RR − 1)) after inverting RR < 1."),
    e_value_confidence_limit: z.number().nullable().describe("E-value of the limit closest to 1 (1 when the interval contains 1); null without limits."),
  })
  .meta({ id: "EValueReport" });

/** `Assumption`. */
export const Assumption = z
  .object({
    name: z.string().min(1).max(200).describe('A model parameter: "<Var>.<param>" (distribution parameter), "<Equation>.<Var>" (coefficient) or a free parameter\'s name.'),
    current_value: z.union([z.string(), Finite, z.record(z.string(), z.unknown())]).describe("The assumed value; non-numeric values fall back to the model's value."),
    type: z.string().min(1).max(50),
    variation_range: z.record(z.string(), Finite).nullish().describe("{min, max}; default ±30% of the current value."),
  })
  .meta({ id: "Assumption" });

/** `SensitivityAnalysisRequest`. */
export const SensitivityAnalysisRequest = z
  .object({
    model: StructuralModel,
    baseline_result: Finite,
    assumptions: z.array(Assumption).min(1).max(30),
    outcome: VariableName.nullish().describe("The variable the result is about; default the model's unique sink."),
    intervention: z.record(VariableName, Finite).nullish().describe("do() values under which the outcome is evaluated."),
    threshold: Finite.default(0).describe("The conclusion is the side of this value on which the outcome lies (default: its sign)."),
    effect_estimate: EffectEstimate.nullish(),
    samples: z.number().int().min(1).max(1_000_000).default(10_000),
    seed: z.number().int().nullish(),
  })
  .meta({ id: "SensitivityAnalysisRequest" });

/** `AssumptionAnalysis` with the computed sensitivity fields. */
export const AssumptionAnalysis = z
  .object({
    name: z.string(),
    current_value: z.unknown(),
    importance: z.enum(["critical", "moderate", "minor"]),
    impact: z.object({ if_wrong: z.number(), percentage: z.number() }),
    confidence: ConfidenceLevel,
    evidence: z.string(),
    recommendation: z.string(),
    parameter_kind: z.enum(["coefficient", "distribution_parameter", "free_parameter"]),
    value_used: z.number(),
    variation_range: z.object({ min: z.number(), max: z.number() }),
    elasticity: z.number().nullable(),
    slope: z.number(),
    outcome_range: z.object({ min: z.number(), max: z.number() }),
    outcome_at_min: z.number(),
    outcome_at_max: z.number(),
    monotone: z.boolean(),
    tipping_point: z.number().nullable().describe("Parameter value nearest the current one where the outcome crosses the threshold; null if it never does in range."),
    rank: z.number().int().min(1),
  })
  .meta({ id: "AssumptionAnalysis" });

/** `SensitivityAnalysisResponse`. */
export const SensitivityAnalysisResponse = z
  .object({
    conclusion: z.object({ statement: z.string(), base_case: z.number() }),
    assumptions: z.array(AssumptionAnalysis),
    robustness: z.object({
      overall: z.enum(["robust", "moderate", "fragile"]),
      summary: z.string(),
      breakpoints: z.array(z.object({ assumption: z.string(), threshold: z.string(), value: z.number() })),
    }),
    outcome: z.string(),
    model_result: z.number().describe("The model's expected outcome at the assumptions' current values."),
    threshold: z.number(),
    e_value: EValueReport.nullable(),
    samples: z.number().int(),
    seed: z.string(),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "SensitivityAnalysisResponse" });

/** The `analysis/sensitivity` operation. */
export const analysisSensitivity = defineOperation({
  id: "analysis/sensitivity",
  request: SensitivityAnalysisRequest,
  response: SensitivityAnalysisResponse,
  summary: "Sensitivity of a model result to its assumptions: elasticities, outcome ranges, tipping points, E-values",
  description:
    "Each assumption names a model parameter (coefficient, distribution parameter or free parameter) and is varied over its range with common random numbers: elasticity at the current value by central differences, the outcome over the range, and the tipping point where the outcome crosses the threshold (bisection). Assumptions are ranked by impact; E-values for unmeasured confounding when an effect estimate is given.",
  tags: ["Sensitivity Analysis"],
  metric: "isl_sensitivity_analyses_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "_metadata",
  example: {
    model: { variables: ["Price", "Revenue"], equations: { Revenue: "-2000 + 100*Price" }, distributions: {} },
    baseline_result: 2500,
    intervention: { Price: 45 },
    assumptions: [{ name: "Revenue.Price", current_value: 100, type: "parametric", variation_range: { min: 0, max: 200 } }],
  },
});

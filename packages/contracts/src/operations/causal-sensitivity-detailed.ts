/**
 * `causal/sensitivity/detailed`: how far the predicted outcome of an intervention moves when each
 * assumed model parameter is wrong by the given relative violation levels (upstream
 * `SensitivityRequest` → `SensitivityReport`, with additive fields).
 */
import { z } from "zod";
import { ConfidenceLevel, ISLResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";
import { Distribution, VariableName } from "../structural-model.js";
import { EffectEstimate, EValueReport } from "./analysis-sensitivity.js";

const Finite = z.number().finite();

/** `SensitivityRequest` (`causal/sensitivity/detailed`). */
export const SensitivityDetailedRequest = z
  .object({
    model: z
      .object({
        type: z.string().max(50).nullish(),
        variables: z.array(VariableName).max(50).default([]),
        equations: z.record(VariableName, z.string().min(1).max(1000)),
        distributions: z.record(VariableName, Distribution).default({}),
      })
      .describe("A structural model; upstream's `type` is accepted and ignored."),
    intervention: z.record(VariableName, Finite),
    assumptions: z.array(z.string().min(1).max(200)).min(1).max(10).describe('Model parameters: "<Var>.<param>", "<Equation>.<Var>" or a free parameter.'),
    violation_levels: z.array(z.number().finite().positive().max(10)).min(1).max(20).default([0.1, 0.2, 0.3, 0.5]).describe("Relative violations m: each parameter θ is evaluated at θ(1 ± m) (θ ± m when θ = 0)."),
    n_samples: z.number().int().min(10).max(1000).nullish().describe("Upstream's sample count; `samples` wins when both are given."),
    samples: z.number().int().min(1).max(1_000_000).nullish(),
    outcome: VariableName.nullish(),
    threshold: Finite.default(0),
    effect_estimate: EffectEstimate.nullish(),
    seed: z.number().int().nullish(),
  })
  .meta({ id: "SensitivityDetailedRequest" });

/** `SensitivityMetric`. */
export const SensitivityMetric = z
  .object({
    assumption: z.string(),
    baseline_outcome: z.number(),
    outcome_range: z.tuple([z.number(), z.number()]),
    elasticity: z.number().min(0).describe("|elasticity| at the current value."),
    signed_elasticity: z.number().nullable(),
    critical: z.boolean(),
    max_deviation_percent: z.number().min(0),
    robustness_score: z.number().min(0).max(1),
    tipping_point: z.number().nullable(),
    interpretation: z.string(),
    violation_details: z.array(z.object({ level: z.number(), outcome_low: z.number(), outcome_high: z.number(), deviation_percent: z.number() })),
  })
  .meta({ id: "SensitivityMetric" });

/** `SensitivityReport`. */
export const SensitivityReport = z
  .object({
    sensitivities: z.record(z.string(), SensitivityMetric),
    most_critical: z.array(z.string()),
    least_critical: z.array(z.string()),
    overall_robustness_score: z.number().min(0).max(1),
    confidence_level: ConfidenceLevel,
    summary: z.string(),
    recommendations: z.array(z.string()).max(10),
    outcome: z.string(),
    threshold: z.number(),
    e_value: EValueReport.nullable(),
    samples: z.number().int(),
    seed: z.string(),
    metadata: ISLResponseMetadata.optional().describe("Key `metadata` as upstream; the envelope is the newer ISLResponseMetadata that runOperation attaches under this key."),
  })
  .meta({ id: "SensitivityReport" });

/** The `causal/sensitivity/detailed` operation. */
export const causalSensitivityDetailed = defineOperation({
  id: "causal/sensitivity/detailed",
  request: SensitivityDetailedRequest,
  response: SensitivityReport,
  summary: "Outcome of an intervention under violated parameter assumptions: elasticities, ranges, tipping points",
  description:
    "Evaluates E[outcome | do(intervention)] with each named model parameter at θ(1 ± m) for every violation level m (common random numbers), reporting the outcome range, |elasticity| by central differences, the largest deviation, the tipping point where the outcome crosses the threshold, and E-values when an effect estimate is given.",
  tags: ["Sensitivity Analysis"],
  metric: "isl_sensitivity_detailed_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "metadata",
  example: {
    model: { equations: { Revenue: "100 * Price + 5000 * Quality - 200" } },
    intervention: { Price: 45, Quality: 8 },
    assumptions: ["Revenue.Price", "Revenue.Quality"],
  },
});

/**
 * `causal/counterfactual/conformal`: a distribution-free prediction interval for the outcome of a
 * structural model under an intervention, calibrated on observed (inputs, outcome) points. Request
 * and response fields as upstream (`ConformalCounterfactualRequest`, `ConformalCounterfactualResponse`)
 * plus the `outcome` field upstream lacked, `fit` and `folds` for CV+/jackknife+, and nullable bounds
 * with an `infinite` flag for intervals that are the whole real line (JSON has no Infinity).
 */
import { z } from "zod";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";
import { StructuralModel, VariableName } from "../structural-model.js";

/** Most calibration points one request may carry. */
export const MAX_CALIBRATION_POINTS = 10_000;

const finite = z.number().finite();
const valueMap = z
  .record(VariableName, finite)
  .refine((m) => Object.keys(m).length <= LIMITS.dictSize, { message: `At most ${LIMITS.dictSize} entries.` });

/** `ObservationPoint`: one calibration observation. */
export const ConformalObservationPoint = z
  .object({
    inputs: valueMap.describe("The values of the intervened variables for this observation (the same variables as `intervention`)."),
    outcome: z
      .union([finite, valueMap])
      .describe("The observed outcome: a number, or (as upstream) a map that contains the request's outcome variable."),
  })
  .meta({ id: "ObservationPoint" });

/** `ConformalCounterfactualRequest`. */
export const ConformalCounterfactualRequest = z
  .object({
    model: StructuralModel,
    intervention: valueMap
      .refine((m) => Object.keys(m).length >= 1, { message: "Give at least one intervention {variable: value}." })
      .describe("do(): the point at which the outcome is predicted."),
    outcome: VariableName.describe("The variable whose interval is wanted (upstream had no such field)."),
    calibration_data: z.array(ConformalObservationPoint).min(1).max(MAX_CALIBRATION_POINTS).describe("Exchangeable observations (inputs, outcome) to calibrate on."),
    confidence_level: z.number().min(0.5).max(0.999).default(0.95).describe("1 − α, read as the decimal written (0.9 is exactly 9/10)."),
    method: z
      .enum(["split", "cv_plus", "jackknife_plus", "cv+", "jackknife+"])
      .default("split")
      .describe('"split" (default), "cv_plus" or "jackknife_plus" ("cv+" and "jackknife+" are accepted as upstream spelled them). CV+ and jackknife+ need `fit`.'),
    fit: z
      .array(VariableName)
      .max(20)
      .optional()
      .describe("Coefficients to estimate by least squares from calibration_data: identifiers in the outcome's equation, which must be linear in them and define nothing else."),
    folds: z.number().int().min(2).max(100).optional().describe("CV+: number of folds K, at most the number of points; default min(10, n)."),
    samples: z.number().int().min(1).max(1_000_000).default(10_000).describe("Monte Carlo samples per prediction when the outcome is random (1 is used when it is not)."),
    seed: z.union([z.number().int(), z.string().min(1).max(100)]).nullish().describe("Seed of the simulation; derived from the request when absent."),
  })
  .meta({ id: "ConformalCounterfactualRequest" });
export type ConformalCounterfactualRequest = z.infer<typeof ConformalCounterfactualRequest>;

const nullableMap = z.record(z.string(), z.number().nullable());

/** `ConformalInterval`: bounds are null when the interval is unbounded (`infinite: true`). */
export const ConformalInterval = z
  .object({
    lower_bound: nullableMap,
    upper_bound: nullableMap,
    point_estimate: z.record(z.string(), z.number()),
    interval_width: nullableMap,
    infinite: z.boolean().describe("True when the interval is the whole real line (too few calibration points for this confidence level); the bounds and width are then null."),
  })
  .meta({ id: "ConformalInterval" });

/** `CoverageGuarantee`. */
export const CoverageGuarantee = z
  .object({
    nominal_coverage: z.number(),
    guaranteed_coverage: z.number().describe("The finite-sample lower bound on P(Y ∈ interval) under exchangeability."),
    coverage_upper_bound: z.number().nullable().describe("Split conformal: 1 − α + 1/(n+1) when scores have no ties; null otherwise."),
    finite_sample_valid: z.boolean(),
    assumptions: z.array(z.string()),
  })
  .meta({ id: "CoverageGuarantee" });

/** `CalibrationMetrics`. */
export const CalibrationMetrics = z
  .object({
    calibration_size: z.number().int(),
    training_size: z.number().int().describe("Points used only to fit coefficients (split conformal with fit); 0 otherwise."),
    residual_statistics: z.record(z.string(), z.number()).describe("mean, std (population), median, iqr, min, max of the conformity scores."),
    interval_adaptivity: z.number().describe("Coefficient of variation of the scores (std / mean; 0 when the mean is 0)."),
    quantile_rank: z.number().int().nullable().describe("⌈(n+1)(1−α)⌉, the rank of the score (or held-out bound) used; null when it exceeds n."),
    fitted_coefficients: z.record(z.string(), z.number()).optional().describe("Coefficients fitted on all the calibration data (CV+, jackknife+) or the training half (split)."),
  })
  .meta({ id: "CalibrationMetrics" });

/** `ConfidenceInterval` of the Monte Carlo comparison. */
export const ConformalMonteCarloInterval = z
  .object({ lower: z.number(), upper: z.number(), confidence_level: z.number() })
  .meta({ id: "ConformalMonteCarloInterval" });

/** `ComparisonMetrics`: the Monte Carlo interval from the model's own noise vs the conformal one. */
export const ComparisonMetrics = z
  .object({
    monte_carlo_interval: z.record(z.string(), ConformalMonteCarloInterval),
    conformal_interval: z.record(z.string(), z.tuple([z.number().nullable(), z.number().nullable()])),
    width_ratio: z.record(z.string(), z.number().nullable()).describe("Conformal width / Monte Carlo width; null when either is infinite or the Monte Carlo width is 0."),
    interpretation: z.string(),
  })
  .meta({ id: "ComparisonMetrics" });

/** `ConformalCounterfactualResponse`. */
export const ConformalCounterfactualResponse = z
  .object({
    prediction_interval: ConformalInterval,
    coverage_guarantee: CoverageGuarantee,
    calibration_quality: CalibrationMetrics,
    comparison_to_standard: ComparisonMetrics,
    method: z.enum(["split", "cv_plus", "jackknife_plus"]),
    outcome: z.string(),
    samples: z.number().int().describe("Monte Carlo samples per prediction actually used (1 when the outcome is not random)."),
    seed: z.string(),
    warnings: z.array(z.string()),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "ConformalCounterfactualResponse" });
export type ConformalCounterfactualResponse = z.infer<typeof ConformalCounterfactualResponse>;

/** The `causal/counterfactual/conformal` operation. */
export const causalCounterfactualConformal = defineOperation({
  id: "causal/counterfactual/conformal",
  request: ConformalCounterfactualRequest,
  response: ConformalCounterfactualResponse,
  summary: "Conformal prediction interval for an outcome under an intervention: split conformal, CV+ or jackknife+",
  description:
    "Predicts the outcome under do(intervention) with the structural model (the mean of a seeded simulation, or a least-squares fit of the coefficients in `fit`) and calibrates an interval on the calibration data. " +
    "Split conformal uses the exact finite-sample quantile ⌈(n+1)(1−α)⌉ of the absolute residuals (an unbounded interval when n is too small); CV+ and jackknife+ refit the coefficients without each fold or point. " +
    "Coverage ≥ 1−α (split) or ≥ 1−2α (jackknife+) when the calibration points and the new one are exchangeable. Compares with the Monte Carlo interval of the model's own noise.",
  tags: ["Causal Inference"],
  metric: "isl_conformal_predictions_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "_metadata",
  example: {
    model: {
      variables: ["Price", "Revenue"],
      equations: { Revenue: "10000 + 500*Price + noise" },
      distributions: { noise: { type: "normal", parameters: { mean: 0, std: 500 } } },
    },
    intervention: { Price: 15 },
    outcome: "Revenue",
    calibration_data: [
      { inputs: { Price: 10 }, outcome: 15200 },
      { inputs: { Price: 12 }, outcome: 15800 },
      { inputs: { Price: 14 }, outcome: 17300 },
      { inputs: { Price: 16 }, outcome: 17600 },
      { inputs: { Price: 18 }, outcome: 19400 },
      { inputs: { Price: 20 }, outcome: 19700 },
      { inputs: { Price: 11 }, outcome: 15100 },
      { inputs: { Price: 13 }, outcome: 16900 },
      { inputs: { Price: 15 }, outcome: 17100 },
      { inputs: { Price: 17 }, outcome: 18900 },
      { inputs: { Price: 19 }, outcome: 19200 },
      { inputs: { Price: 21 }, outcome: 20800 },
      { inputs: { Price: 9 }, outcome: 14300 },
      { inputs: { Price: 22 }, outcome: 21300 },
      { inputs: { Price: 8 }, outcome: 14100 },
      { inputs: { Price: 23 }, outcome: 21200 },
      { inputs: { Price: 7 }, outcome: 13300 },
      { inputs: { Price: 24 }, outcome: 22400 },
      { inputs: { Price: 6 }, outcome: 13100 },
      { inputs: { Price: 25 }, outcome: 22300 },
    ],
    confidence_level: 0.9,
    samples: 1000,
    seed: 42,
  },
});

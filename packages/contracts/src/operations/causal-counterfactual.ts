/**
 * `causal/counterfactual`: the outcome of a structural causal model under do(intervention), for a
 * unit described by `context` (abduction–action–prediction). Upstream `CounterfactualRequest` /
 * `CounterfactualResponse`, plus `samples`, `seed` (echoed) and Monte Carlo standard errors.
 */
import { z } from "zod";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";
import { StructuralModel, VariableName } from "../structural-model.js";
import { PredictionResults, RobustnessAnalysis, ScenarioDescription, CounterfactualSamples, CounterfactualSeed, UncertaintyBreakdown, CounterfactualValues } from "./counterfactual-results.js";

/** `CounterfactualRequest`. */
export const CounterfactualRequest = z
  .object({
    model: StructuralModel,
    intervention: CounterfactualValues.describe("do(): variable → value; replaces the variable's equation or distribution."),
    outcome: VariableName.min(1).describe("The variable to predict."),
    context: CounterfactualValues.nullish().describe("Observed values for this unit: exogenous values are fixed; an observed endogenous value is used to infer its equation's exogenous term (abduction). Never overrides the intervention."),
    preferences: z.record(z.string(), z.unknown()).nullish().describe("Accepted for compatibility; not used."),
    user_context: z.record(z.string(), z.unknown()).nullish().describe("Accepted for compatibility; not used."),
    samples: CounterfactualSamples,
    seed: CounterfactualSeed,
  })
  .meta({ id: "CounterfactualRequest" });
export type CounterfactualRequest = z.infer<typeof CounterfactualRequest>;

/** `CounterfactualResponse`. */
export const CounterfactualResponse = z
  .object({
    scenario: ScenarioDescription,
    prediction: PredictionResults,
    uncertainty: UncertaintyBreakdown,
    robustness: RobustnessAnalysis,
    explanation: ExplanationMetadata,
    samples: z.number().int().describe("The Monte Carlo samples used."),
    seed: z.string().describe("The seed used."),
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "CounterfactualResponse" });
export type CounterfactualResponse = z.infer<typeof CounterfactualResponse>;

/** The `causal/counterfactual` operation. */
export const causalCounterfactual = defineOperation({
  id: "causal/counterfactual",
  request: CounterfactualRequest,
  response: CounterfactualResponse,
  summary: "Predict an outcome under an intervention, for a unit described by its observed context",
  description:
    "Simulates the structural model under do(intervention) with seeded Monte Carlo. Context values are this unit's observed facts: exogenous ones are fixed, and an observed endogenous variable's exogenous term is inferred from its equation when the equation is affine in exactly one free exogenous term (abduction–action–prediction); an observation that cannot be inverted is refused with 422 naming the equation. " +
    "Reports the mean with its Monte Carlo standard error, a percentile interval, 10th/90th percentiles, first-order Sobol indices of the exogenous inputs and the elasticities of E[outcome] with respect to the equations' coefficients. docs/counterfactual.md.",
  tags: ["Causal Inference", "Counterfactual"],
  metric: "isl_counterfactual_analyses_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "_metadata",
  example: {
    model: {
      variables: ["Price", "Brand", "Revenue", "baseline_brand"],
      equations: { Brand: "baseline_brand + 0.3*Price", Revenue: "10000 + 500*Price - 200*Brand" },
      distributions: { baseline_brand: { type: "normal", parameters: { mean: 50, std: 5 } } },
    },
    intervention: { Price: 15 },
    outcome: "Revenue",
    context: { baseline_brand: 52 },
    samples: 1000,
    seed: 42,
  },
});

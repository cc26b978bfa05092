/**
 * Result schemas shared by the counterfactual operations (upstream `ScenarioDescription`,
 * `PredictionResults`, `UncertaintyBreakdown`, `RobustnessAnalysis`), with ISL's additive fields:
 * Monte Carlo standard errors, Sobol indices and coefficient elasticities.
 */
import { z } from "zod";
import { ConfidenceLevel } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { VariableName } from "../structural-model.js";

/** `intervention` / `context` maps: variable → finite value. */
export const CounterfactualValues = z.record(VariableName, z.number().finite()).refine((m) => Object.keys(m).length <= LIMITS.dictSize, { message: `At most ${LIMITS.dictSize} variables.` });

/** Monte Carlo sample count of a simulation request. */
export const CounterfactualSamples = z.number().int().min(1).max(1_000_000).default(10_000).describe("Monte Carlo samples (default 10,000, at most 1,000,000; fewer for very large models, see docs/counterfactual.md).");

/** Seed of a simulation request. */
export const CounterfactualSeed = z.union([z.number().int(), z.string().min(1).max(100)]).nullish().describe("Seed of the simulation; derived from the request's content when absent (docs/determinism.md).");

/** `ScenarioDescription`. */
export const ScenarioDescription = z
  .object({
    intervention: z.record(z.string(), z.number()),
    outcome: z.string(),
    context: z.record(z.string(), z.number()).nullish(),
  })
  .meta({ id: "ScenarioDescription" });

/** `ConfidenceInterval` of a counterfactual prediction. */
export const CounterfactualInterval = z
  .object({ lower: z.number(), upper: z.number(), confidence_level: z.number() })
  .describe("Central percentile interval of the simulated outcome (type 7 percentiles at (1 ∓ level)/2).")
  .meta({ id: "CounterfactualInterval" });

/** `SensitivityRange`. */
export const SensitivityRange = z
  .object({ optimistic: z.number(), pessimistic: z.number(), explanation: z.string() })
  .describe("optimistic = 90th percentile, pessimistic = 10th percentile of the simulated outcome (higher is taken as better).")
  .meta({ id: "SensitivityRange" });

/** `PredictionResults`. */
export const PredictionResults = z
  .object({
    point_estimate: z.number().describe("Mean of the outcome under the intervention (upstream used the median)."),
    confidence_interval: CounterfactualInterval,
    sensitivity_range: SensitivityRange,
    monte_carlo_standard_error: z.number().describe("Standard error of point_estimate from Monte Carlo sampling: sd/√samples."),
    standard_deviation: z.number().describe("Population standard deviation of the simulated outcome."),
    median: z.number(),
  })
  .meta({ id: "PredictionResults" });

/** `UncertaintySource`: one exogenous input's first-order Sobol index. */
export const UncertaintySource = z
  .object({
    factor: z.string().describe("The exogenous variable's name."),
    impact: z.number().describe("First-order Sobol index: the share of the outcome's variance that this input explains alone."),
    confidence: ConfidenceLevel.describe("high when the standard error is below 0.02, medium below 0.05, else low."),
    explanation: z.string(),
    basis: z.string(),
    monte_carlo_standard_error: z.number(),
  })
  .meta({ id: "UncertaintySource" });

/** `UncertaintyBreakdown`. */
export const UncertaintyBreakdown = z
  .object({
    overall: z.enum(["low", "medium", "high"]).describe("By the outcome's coefficient of variation sd/|mean|: < 0.1 low, < 0.3 medium, else high."),
    sources: z.array(UncertaintySource).describe("The 5 largest first-order Sobol indices of the free exogenous inputs."),
  })
  .meta({ id: "UncertaintyBreakdown" });

/** `CriticalAssumption`: one equation coefficient's elasticity. */
export const CriticalAssumption = z
  .object({
    assumption: z.string(),
    impact: z.number().describe("Elasticity d ln E[Y] / d ln c (or c·∂E[Y]/∂c when E[Y] = 0)."),
    confidence: ConfidenceLevel,
    recommendation: z.string(),
    variable: z.string().describe("The equation's variable."),
    coefficient: z.number().describe("The coefficient's value as written."),
    column: z.number().int().describe("1-based column of the coefficient in the equation."),
    elasticity: z.number().nullable(),
    monte_carlo_standard_error: z.number().nullable(),
  })
  .meta({ id: "CriticalAssumption" });

/** `RobustnessAnalysis`. */
export const RobustnessAnalysis = z
  .object({
    score: z.enum(["robust", "moderate", "fragile"]).describe("By the largest |elasticity| e*: robust when e* ≤ 0.5, moderate when e* ≤ 2, else fragile (also fragile when E[Y] = 0 and a coefficient matters)."),
    critical_assumptions: z.array(CriticalAssumption).describe("The 3 coefficients with the largest |elasticity|."),
    max_abs_elasticity: z.number().nullable(),
  })
  .meta({ id: "RobustnessAnalysis" });

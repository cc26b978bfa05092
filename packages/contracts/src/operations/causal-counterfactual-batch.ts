/**
 * `causal/counterfactual/batch`: several intervention scenarios on one model with shared exogenous
 * draws, their comparison and pairwise interactions. Upstream `BatchCounterfactualRequest` /
 * `BatchCounterfactualResponse` (reference §3.6), with the correct interaction contrast
 * Y(ab) − Y(a) − Y(b) + Y(∅) and its Monte Carlo interval.
 */
import { z } from "zod";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";
import { StructuralModel, VariableName } from "../structural-model.js";
import { CounterfactualInterval, PredictionResults, RobustnessAnalysis, CounterfactualSamples, CounterfactualSeed, UncertaintyBreakdown, CounterfactualValues } from "./counterfactual-results.js";

/** Most scenarios in one request (upstream limit). */
export const MAX_SCENARIOS = 20;

/** `ScenarioSpec`. */
export const ScenarioSpec = z
  .object({
    id: z.string().min(1).max(100),
    intervention: CounterfactualValues,
    label: z.string().max(200).nullish(),
  })
  .meta({ id: "ScenarioSpec" });

/** `BatchCounterfactualRequest`. */
export const BatchCounterfactualRequest = z
  .object({
    model: StructuralModel,
    scenarios: z
      .array(ScenarioSpec)
      .min(2)
      .max(MAX_SCENARIOS)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((s, i) => {
          if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `Scenario id '${s.id}' is used twice; ids must be unique.` });
          seen.add(s.id);
        });
      }),
    outcome: VariableName.min(1),
    analyze_interactions: z.boolean().default(true),
    robustness_radius: z.number().gt(0).max(0.5).default(0.1).describe("Accepted for compatibility; coefficient elasticities use ±1% steps."),
    samples: CounterfactualSamples,
    seed: CounterfactualSeed,
  })
  .meta({ id: "BatchCounterfactualRequest" });
export type BatchCounterfactualRequest = z.infer<typeof BatchCounterfactualRequest>;

/** `ScenarioResult`. */
export const ScenarioResult = z
  .object({
    scenario_id: z.string(),
    intervention: z.record(z.string(), z.number()),
    label: z.string().nullish(),
    prediction: PredictionResults,
    uncertainty: UncertaintyBreakdown,
    robustness: RobustnessAnalysis,
  })
  .meta({ id: "ScenarioResult" });

/** `PairwiseInteraction`. */
export const PairwiseInteraction = z
  .object({
    variables: z.tuple([z.string(), z.string()]),
    type: z.enum(["synergistic", "antagonistic", "additive"]).describe("synergistic / antagonistic only when the Monte Carlo interval of the contrast excludes 0."),
    effect_size: z.number().describe("Mean of Y(ab) − Y(a) − Y(b) + Y(∅) over samples paired by common random numbers."),
    significance: z.number().min(0).max(1).describe("1 − the two-sided p-value of the contrast against 0 (normal approximation)."),
    explanation: z.string(),
    confidence_interval: CounterfactualInterval,
    monte_carlo_standard_error: z.number(),
    scenarios: z.object({ both: z.string(), first: z.string(), second: z.string(), baseline: z.string() }).describe("Scenario ids of the contrast; baseline '(model)' is the model without these two interventions."),
  })
  .meta({ id: "PairwiseInteraction" });

/** `InteractionAnalysis`. */
export const InteractionAnalysis = z.object({ pairwise: z.array(PairwiseInteraction), summary: z.string() }).meta({ id: "InteractionAnalysis" });

/** `ScenarioComparison`. */
export const ScenarioComparison = z
  .object({
    best_outcome: z.string(),
    most_robust: z.string(),
    marginal_gains: z.record(z.string(), z.number()).describe("point_estimate of each scenario minus that of the first."),
    ranking: z.array(z.string()).describe("Scenario ids by point_estimate, highest first (ties in request order)."),
  })
  .meta({ id: "ScenarioComparison" });

/** `BatchCounterfactualResponse`. */
export const BatchCounterfactualResponse = z
  .object({
    scenarios: z.array(ScenarioResult),
    interactions: InteractionAnalysis.nullish(),
    comparison: ScenarioComparison,
    explanation: ExplanationMetadata,
    samples: z.number().int(),
    seed: z.string(),
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "BatchCounterfactualResponse" });
export type BatchCounterfactualResponse = z.infer<typeof BatchCounterfactualResponse>;

/** The `causal/counterfactual/batch` operation. */
export const causalCounterfactualBatch = defineOperation({
  id: "causal/counterfactual/batch",
  request: BatchCounterfactualRequest,
  response: BatchCounterfactualResponse,
  summary: "Compare intervention scenarios on one model with shared random draws, and detect interactions",
  description:
    "Runs every scenario with the same exogenous draws (common random numbers), so differences between scenarios carry no sampling noise from the inputs. " +
    "A variable that a scenario does not intervene on keeps its equation or distribution; an input without one must be set by every scenario (the error names it and the scenarios). " +
    "For each pair of variables with scenarios {a}, {b} and {a, b}, the interaction Y(ab) − Y(a) − Y(b) + Y(∅) is estimated per sample with its Monte Carlo interval and called synergistic or antagonistic only when that interval excludes 0. docs/counterfactual.md.",
  tags: ["Causal Inference", "Counterfactual"],
  metric: "isl_counterfactual_analyses_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "_metadata",
  example: {
    model: {
      variables: ["Price", "Quality", "Revenue", "Demand_noise"],
      equations: { Revenue: "1000 + 50*Price + 80*Quality + 4*Price*Quality + Demand_noise" },
      distributions: { Demand_noise: { type: "normal", parameters: { mean: 0, std: 100 } } },
    },
    scenarios: [
      { id: "base", intervention: { Price: 10, Quality: 5 } },
      { id: "price", intervention: { Price: 12, Quality: 5 } },
      { id: "quality", intervention: { Price: 10, Quality: 7 } },
      { id: "both", intervention: { Price: 12, Quality: 7 } },
    ],
    outcome: "Revenue",
    samples: 1000,
    seed: 42,
  },
});

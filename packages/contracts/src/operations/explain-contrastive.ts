/**
 * `explain/contrastive`: the minimal change to the feasible variables that moves the model's
 * expected outcome into a target range (upstream `ContrastiveExplanationRequest/Response`, with
 * additive fields: `samples`, `max_evaluations`, `status`, `closest_achievable`, `search`).
 */
import { z } from "zod";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";
import { StructuralModel, VariableName } from "../structural-model.js";

const Finite = z.number().finite();
const Range = z.tuple([Finite, Finite]).refine(([a, b]) => a <= b, { message: "must be [min, max] with min ≤ max." });

/** `InterventionConstraints`. */
export const InterventionConstraints = z
  .object({
    feasible: z.array(VariableName).min(1).max(20).describe("Variables the search may change."),
    fixed: z.array(VariableName).max(20).nullish().describe("Variables that must stay as they are (must not overlap feasible)."),
    max_changes: z.number().int().min(1).max(5).default(1),
    minimize: z
      .enum(["change_magnitude", "number_of_changes", "cost", "feasibility"])
      .default("change_magnitude")
      .describe("change_magnitude = Σ|Δᵢ|/sᵢ (sᵢ = |current| or the bounds' width when current is 0); number_of_changes ranks by count, then magnitude; upstream's cost ≡ number_of_changes, feasibility ≡ change_magnitude."),
    variable_bounds: z.record(VariableName, Range).nullish().describe("Allowed [min, max] per variable; default [0.1v, 3v] for v > 0, else [v − 2|v|, v + 2|v|] ([−1, 1] at 0)."),
  })
  .meta({ id: "InterventionConstraints" });

/** `ContrastiveExplanationRequest`. */
export const ContrastiveExplanationRequest = z
  .object({
    model: StructuralModel,
    current_state: z.record(VariableName, Finite).describe("The unit's values: exogenous ones are fixed, observed endogenous ones abducted (additive residual), levers' values are where changes start."),
    observed_outcome: z.record(VariableName, Finite).describe("The observed outcome (an observation like current_state)."),
    target_outcome: z
      .record(VariableName, Range)
      .refine((m) => Object.keys(m).length === 1, { message: "must name exactly one outcome variable with its [min, max]." }),
    constraints: InterventionConstraints,
    seed: z.number().int().nullish(),
    samples: z.number().int().min(1).max(1_000_000).default(10_000).describe("Monte Carlo samples per evaluation (a deterministic model uses 1)."),
    max_evaluations: z.number().int().min(10).max(100_000).default(4000).describe("Step budget: most outcome evaluations of the search."),
  })
  .meta({ id: "ContrastiveExplanationRequest" });

/** `InterventionChange`. */
export const InterventionChange = z
  .object({
    variable: z.string(),
    from_value: z.number(),
    to_value: z.number(),
    delta: z.number(),
    relative_change: z.number().nullable().describe("100·delta/|from_value| (percent); null when from_value is 0."),
  })
  .meta({ id: "InterventionChange" });

const Interval = z.object({ lower: z.number(), upper: z.number(), confidence_level: z.number() });

/** `MinimalIntervention`. */
export const MinimalIntervention = z
  .object({
    rank: z.number().int().min(1),
    changes: z.record(z.string(), InterventionChange),
    expected_outcome: z.record(z.string(), z.number()),
    confidence_interval: z.record(z.string(), Interval).describe("95% Monte Carlo interval of the expected outcome (a point for deterministic models)."),
    feasibility: z.number().min(0).max(1).describe("clamp(1 − mean relative change / 2) as upstream."),
    cost_estimate: z.enum(["low", "medium", "high"]),
    robustness: z.enum(["robust", "moderate", "fragile"]),
    robustness_score: z.number().min(0).max(1).describe("Share of simulated outcomes inside the target under the intervention."),
    change_magnitude: z.number().min(0),
  })
  .meta({ id: "MinimalIntervention" });

/** `InterventionComparison` (0 = no intervention). */
export const InterventionComparison = z
  .object({ best_by_cost: z.number().int(), best_by_robustness: z.number().int(), best_by_feasibility: z.number().int(), synergies: z.string(), tradeoffs: z.string() })
  .meta({ id: "InterventionComparison" });

/** `ContrastiveExplanationResponse`. */
export const ContrastiveExplanationResponse = z
  .object({
    status: z.enum(["found", "already_in_target", "unreachable"]),
    outcome_variable: z.string(),
    baseline_outcome: z.number(),
    target: z.object({ lower: z.number(), upper: z.number() }),
    minimal_interventions: z.array(MinimalIntervention),
    closest_achievable: z
      .object({ changes: z.record(z.string(), InterventionChange), expected_outcome: z.number(), distance_to_target: z.number() })
      .nullable()
      .describe("When unreachable: the evaluated change whose outcome came closest."),
    comparison: InterventionComparison,
    search: z.object({
      evaluations: z.number().int(),
      max_evaluations: z.number().int(),
      truncated: z.boolean(),
      monotone: z.record(z.string(), z.boolean()),
      objective: z.enum(["change_magnitude", "number_of_changes"]),
    }),
    samples: z.number().int(),
    seed: z.string(),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "ContrastiveExplanationResponse" });

/** The `explain/contrastive` operation. */
export const explainContrastive = defineOperation({
  id: "explain/contrastive",
  request: ContrastiveExplanationRequest,
  response: ContrastiveExplanationResponse,
  summary: "Minimal intervention: the smallest change to feasible variables that moves the outcome into a target range",
  description:
    "Searches do()-interventions on the feasible, non-fixed variables within their bounds: per variable a grid with common random numbers, bisection to the boundary of the target range (local refinement where the response is not monotone); subsets of up to max_changes variables by grid and coordinate bisection. The unit's current state never overrides an intervention. Unreachable targets are reported with the closest achievable outcome.",
  tags: ["Explanation"],
  metric: "isl_contrastive_explanations_total",
  deterministic: true,
  cost: "heavy",
  metadataKey: "_metadata",
  example: {
    model: {
      variables: ["Price", "Quality", "Revenue"],
      equations: { Revenue: "10000 + 500*Price + 2000*Quality" },
      distributions: {},
    },
    current_state: { Price: 40, Quality: 7 },
    observed_outcome: { Revenue: 44000 },
    target_outcome: { Revenue: [50000, 60000] },
    constraints: { feasible: ["Price", "Quality"], max_changes: 1 },
  },
});

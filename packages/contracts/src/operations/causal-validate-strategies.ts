/**
 * `causal/validate/strategies`: the ways to identify the effect of a treatment on an outcome, from
 * the real criteria — back-door adjustment sets, front-door sets, the do-calculus, conditional
 * instruments — and, when adjustment fails, which unmeasured variable to measure, ranked by whether
 * that makes the effect identifiable and by how many open back-door paths it closes. Upstream shape
 * (`ValidationStrategyResponse`, `AdjustmentStrategyDetail`, `PathAnalysisDetail`) with additive fields.
 */
import { z } from "zod";
import { DAGStructure, NodeName } from "../dag.js";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";

/** `ValidationStrategyRequest`. */
export const ValidationStrategyRequest = z
  .object({
    dag: DAGStructure,
    treatment: NodeName.describe("The exposure node (observed)."),
    outcome: NodeName.describe("The outcome node (observed, different from the treatment)."),
    max_results: z.number().int().min(1).max(100).default(10).describe("At most this many strategies of each kind (adjustment sets, front-door sets, instruments)."),
  })
  .meta({ id: "ValidationStrategyRequest" });
export type ValidationStrategyRequest = z.infer<typeof ValidationStrategyRequest>;

/** `AdjustmentStrategyDetail`. */
export const AdjustmentStrategyDetail = z
  .object({
    strategy_type: z
      .enum(["backdoor", "frontdoor", "do_calculus", "instrumental", "measure_variable", "add_common_cause", "find_instrument"])
      .describe(
        "backdoor / frontdoor / do_calculus / instrumental: a strategy available in the graph as it is; measure_variable: measure a latent node; add_common_cause: measure the unobserved common cause behind a bidirected edge; find_instrument: find a new variable that affects only the treatment.",
      ),
    nodes_to_add: z.array(z.string()).describe("The variables the strategy uses: the set to adjust for, the front-door set, the instrument then its conditioning set, or the variable to measure or add."),
    edges_to_add: z.array(z.tuple([z.string(), z.string()])).describe("Edges a new variable brings into the graph (empty for strategies on the graph as it is)."),
    explanation: z.string(),
    theoretical_basis: z.string(),
    expected_identifiability: z
      .number()
      .min(0)
      .max(1)
      .describe("1: the strategy identifies the effect nonparametrically; 0.5: only in a linear model (instruments); below 0.5: a measurement that does not suffice alone, scaled by the share of blocking-resistant back-door paths it closes."),
    identification_formula: z.string().optional().describe("The estimand the strategy gives, when it identifies the effect."),
  })
  .meta({ id: "AdjustmentStrategyDetail" });
export type AdjustmentStrategyDetail = z.infer<typeof AdjustmentStrategyDetail>;

/** `PathAnalysisDetail`. */
export const PathAnalysisDetail = z
  .object({
    backdoor_paths: z.array(z.array(z.string())).describe("Back-door paths open given the empty set, as node lists from treatment to outcome (a bidirected edge joins two consecutive nodes)."),
    frontdoor_paths: z.array(z.array(z.string())).describe("Directed (causal) paths from treatment to outcome, as node lists."),
    blocked_paths: z.array(z.array(z.string())).describe("Back-door paths already blocked by a collider; conditioning on the collider or a descendant would open them."),
    critical_nodes: z.array(z.string()).describe("Nodes on open back-door paths, most paths first (ties by name)."),
    backdoor_paths_text: z.array(z.string()).describe('The open back-door paths with arrows, e.g. "X ← Z ↔ Y".'),
    frontdoor_paths_text: z.array(z.string()).describe("The causal paths with arrows."),
    blocked_paths_text: z.array(z.string()).describe("The blocked back-door paths with arrows."),
    truncated: z.boolean().describe("True when a path list was capped (at 50 paths each)."),
  })
  .meta({ id: "PathAnalysisDetail" });
export type PathAnalysisDetail = z.infer<typeof PathAnalysisDetail>;

/** `ValidationStrategyResponse`. */
export const ValidationStrategyResponse = z
  .object({
    strategies: z.array(AdjustmentStrategyDetail).describe("Ranked: expected_identifiability descending, then strategy kind, then the variables' names."),
    path_analysis: PathAnalysisDetail,
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "ValidationStrategyResponse" });
export type ValidationStrategyResponse = z.infer<typeof ValidationStrategyResponse>;

/** The `causal/validate/strategies` operation. */
export const causalValidateStrategies = defineOperation({
  id: "causal/validate/strategies",
  request: ValidationStrategyRequest,
  response: ValidationStrategyResponse,
  summary: "Rank the strategies that identify a causal effect, and what to measure when none does",
  description:
    "Evaluates every identification strategy on the graph — minimal back-door adjustment sets, minimal front-door sets, the complete ID algorithm, conditional instruments — and, when adjustment fails, re-examines the graph with each unmeasured variable measured (latent nodes, and the common cause behind each bidirected edge), ranking them by whether that makes the effect identifiable and by how many open back-door paths they close. " +
    "The path analysis lists the open back-door paths, the causal paths, the back-door paths blocked at colliders, and the nodes on the most open back-door paths.",
  tags: ["Causal Inference"],
  metric: "isl_validation_strategies_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: {
      nodes: ["Price", "Brand", "Ads", "Revenue", "Demand"],
      edges: [
        ["Brand", "Price"],
        ["Brand", "Revenue"],
        ["Price", "Ads"],
        ["Ads", "Revenue"],
        ["Demand", "Price"],
        ["Demand", "Revenue"],
      ],
      latent: ["Demand"],
    },
    treatment: "Price",
    outcome: "Revenue",
  },
});

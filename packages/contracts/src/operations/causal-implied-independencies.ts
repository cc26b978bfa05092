/**
 * `causal/implied-independencies`: the testable implications of a causal graph — the conditional
 * independencies among observed variables that every distribution compatible with it satisfies.
 */
import { z } from "zod";
import { DAGStructure } from "../dag.js";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { defineOperation } from "../operation.js";

/** `CausalImpliedIndependenciesRequest`. */
export const CausalImpliedIndependenciesRequest = z
  .object({
    dag: DAGStructure,
    kind: z
      .enum(["minimal", "basis"])
      .default("minimal")
      .describe("minimal: for every pair of observed nodes, every minimal separating set; basis: the local Markov statements v ⫫ w | parents(v)."),
    max_results: z.number().int().min(1).max(10_000).default(1000).describe("At most this many statements; `truncated` tells if more exist."),
  })
  .meta({ id: "CausalImpliedIndependenciesRequest" });
export type CausalImpliedIndependenciesRequest = z.infer<typeof CausalImpliedIndependenciesRequest>;

/** One implied conditional independence `x ⫫ y | given`. */
export const ImpliedIndependenceItem = z
  .object({
    x: z.string(),
    y: z.string(),
    given: z.array(z.string()).describe("The conditioning set, sorted (empty: marginal independence)."),
  })
  .meta({ id: "ImpliedIndependence" });

/** `CausalImpliedIndependenciesResponse`. */
export const CausalImpliedIndependenciesResponse = z
  .object({
    kind: z.enum(["minimal", "basis"]),
    independencies: z.array(ImpliedIndependenceItem).describe("Sorted by x, then y, then given."),
    count: z.number().int(),
    truncated: z.boolean(),
    complete_basis: z
      .boolean()
      .optional()
      .describe("kind basis: true when the statements imply every independence of the graph (no latent nodes); false when latent nodes make the list sound but possibly incomplete."),
    latent_nodes: z.array(z.string()),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "CausalImpliedIndependenciesResponse" });
export type CausalImpliedIndependenciesResponse = z.infer<typeof CausalImpliedIndependenciesResponse>;

/** The `causal/implied-independencies` operation. */
export const causalImpliedIndependencies = defineOperation({
  id: "causal/implied-independencies",
  request: CausalImpliedIndependenciesRequest,
  response: CausalImpliedIndependenciesResponse,
  summary: "Testable implications: the conditional independencies a causal graph implies",
  description:
    "Lists the conditional independencies among observed variables implied by the graph (d-separation; latent nodes and bidirected edges honoured): every minimal separating set of every pair of observed nodes (kind minimal), or the local Markov basis v ⫫ w | parents(v) (kind basis). Test them on data to check the model.",
  tags: ["Causal Inference"],
  metric: "isl_causal_implied_independencies_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: {
      nodes: ["Ads", "Visits", "Sales", "Season"],
      edges: [
        ["Ads", "Visits"],
        ["Visits", "Sales"],
        ["Season", "Visits"],
      ],
    },
    kind: "minimal",
  },
});

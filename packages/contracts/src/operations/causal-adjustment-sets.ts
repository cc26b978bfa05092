/**
 * `causal/adjustment-sets`: the covariate-adjustment sets for the total effect of one or more
 * exposures on one or more outcomes — every minimal set, the canonical set, every valid set, or
 * the optimal (O-) set — with constraints (`must`, `must_not`) and, for each set, which open
 * back-door paths it blocks and where.
 */
import { z } from "zod";
import { DAGStructure, NodeName } from "../dag.js";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";

/** One node name, or a non-empty list of them. */
const NodeSet = z.union([z.string().min(1).max(LIMITS.nameLength), z.array(z.string().min(1).max(LIMITS.nameLength)).min(1).max(LIMITS.nodeList)]);

/** Which adjustment sets to return. */
export const AdjustmentSetKind = z
  .enum(["minimal", "canonical", "all", "optimal"])
  .meta({ id: "AdjustmentSetKind", description: "minimal: every minimal set; canonical: the canonical set; all: every valid set; optimal: the O-set (lowest asymptotic variance)." });
export type AdjustmentSetKind = z.infer<typeof AdjustmentSetKind>;

/** `CausalAdjustmentSetsRequest`. */
export const CausalAdjustmentSetsRequest = z
  .object({
    dag: DAGStructure,
    exposure: NodeSet.describe("The exposure (treatment) node, or several for a joint intervention."),
    outcome: NodeSet.describe("The outcome node, or several."),
    kind: AdjustmentSetKind.default("minimal"),
    must: z.array(NodeName).max(LIMITS.nodeList).optional().describe("Every returned set contains these observed nodes; `minimal` sets are then minimal among such supersets."),
    must_not: z.array(NodeName).max(LIMITS.nodeList).optional().describe("No returned set contains these nodes (e.g. variables that are not measured well)."),
    max_results: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(100)
      .describe("At most this many sets (kinds minimal and all); `truncated` tells if more exist."),
  })
  .meta({ id: "CausalAdjustmentSetsRequest" });
export type CausalAdjustmentSetsRequest = z.infer<typeof CausalAdjustmentSetsRequest>;

/** One open path and the members of a set that block it. */
export const BlockedPath = z
  .object({
    path: z.string().describe('An open path, e.g. "X ← A → Y" ("↔" for a bidirected edge).'),
    blocked_by: z.array(z.string()).describe("The set's members on the path (non-colliders, so each one alone blocks it)."),
  })
  .meta({ id: "BlockedPath" });

/** Why one returned set works. */
export const AdjustmentSetWhy = z
  .object({
    set: z.array(z.string()),
    blocks: z.array(BlockedPath).describe("Each listed back-door path (see `backdoor_paths`) with the members that block it."),
    truncated: z.boolean().describe("True when `backdoor_paths` is itself incomplete."),
  })
  .meta({ id: "AdjustmentSetWhy" });

/** Why no set satisfies the request. */
export const AdjustmentObstruction = z
  .object({
    reason: z.enum(["required_node_forbidden", "open_path"]),
    description: z.string(),
    nodes: z.array(z.string()).describe("The required nodes that are forbidden, or the nodes of the open path."),
    candidate: z.array(z.string()).nullable().describe("The most inclusive admissible set An(X ∪ Y ∪ must) ∩ allowed, which fails."),
    open_path: z.string().nullable().describe("A path the candidate leaves open (it stays open for every admissible set)."),
    unconstrained_identifiable: z.boolean().describe("True when a set would exist without must / must_not."),
  })
  .meta({ id: "AdjustmentObstruction" });

/** Whether the O-set applies, and why not. */
export const OptimalSetReport = z
  .object({
    applicable: z.boolean(),
    reason: z.enum(["multiple_exposures", "outcome_not_descendant", "no_valid_set", "latent_in_optimal_set", "constraints_violated"]).nullable(),
    description: z.string(),
    causal_nodes: z.array(z.string()).describe("cn(X, Y): nodes other than X on proper causal paths; O = pa(cn) \\ forb."),
  })
  .meta({ id: "OptimalSetReport" });

/** `CausalAdjustmentSetsResponse`. */
export const CausalAdjustmentSetsResponse = z
  .object({
    status: z.enum(["identifiable", "no_valid_set"]).describe("identifiable: some adjustment set meets the request's constraints."),
    kind: AdjustmentSetKind,
    exposure: z.array(z.string()),
    outcome: z.array(z.string()),
    sets: z.array(z.array(z.string())).describe("The sets of the requested kind, each sorted, the list sorted. `[[]]`: the empty set."),
    truncated: z.boolean(),
    empty_set_valid: z.boolean().describe("Whether the empty set is an adjustment set (ignoring must)."),
    backdoor_paths: z.array(z.string()).describe("Paths from X to Y open without adjustment in the proper back-door graph (for one exposure: the open back-door paths), shortest first; at most 20."),
    backdoor_paths_truncated: z.boolean(),
    why: z.array(AdjustmentSetWhy).describe("For each returned set (the first 50), which back-door paths it blocks and with which members."),
    why_truncated: z.boolean(),
    obstruction: AdjustmentObstruction.optional(),
    optimal: OptimalSetReport.optional(),
    latent_nodes: z.array(z.string()),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "CausalAdjustmentSetsResponse" });
export type CausalAdjustmentSetsResponse = z.infer<typeof CausalAdjustmentSetsResponse>;

/** The `causal/adjustment-sets` operation. */
export const causalAdjustmentSets = defineOperation({
  id: "causal/adjustment-sets",
  request: CausalAdjustmentSetsRequest,
  response: CausalAdjustmentSetsResponse,
  summary: "Adjustment sets for a total causal effect: minimal, canonical, all, or optimal",
  description:
    "Lists the covariate-adjustment sets (generalised adjustment criterion; latent nodes and bidirected edges honoured) for the total effect of one or more exposures on one or more outcomes: every minimal set, the canonical set, every valid set (polynomial-delay enumeration), or the O-set of Henckel, Perković & Maathuis (lowest asymptotic variance) where its theory applies. `must` / `must_not` constrain the sets. Each set comes with the back-door paths it blocks; when no set exists, the path that defeats every candidate.",
  tags: ["Causal Inference"],
  metric: "isl_causal_adjustment_sets_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: {
      nodes: ["Price", "Brand", "Season", "Revenue"],
      edges: [
        ["Brand", "Price"],
        ["Brand", "Revenue"],
        ["Season", "Price"],
        ["Season", "Revenue"],
        ["Price", "Revenue"],
      ],
    },
    exposure: "Price",
    outcome: "Revenue",
    kind: "minimal",
  },
});

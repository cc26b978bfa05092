/**
 * `analysis/identifiability` and `analysis/identifiability/dag`: is the effect of a decision on a
 * goal identifiable, and by which method — back-door adjustment, front-door, the do-calculus (ID),
 * instruments (linear models only) — or not at all? Upstream shapes (`IdentifiabilityRequest`,
 * `IdentifiabilityFromDAGRequest`, `IdentifiabilityResponse`, `IdentifiabilityInfo`) with additive
 * fields (`latent`, `bidirected`, `identification_formula`, `instrument`, `hedge`).
 */
import { z } from "zod";
import { dagStructureProblems } from "../dag.js";
import { ConfidenceLevel, ISLResponseMetadata } from "../envelopes.js";
import { GraphV1 } from "../graph-v1.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";
import { HedgeWitness } from "./causal-identify.js";

const Name = z.string().min(1).max(LIMITS.nameLength);
const Pair = z.tuple([Name, Name]);

/** `IdentificationMethodEnum`. */
export const IdentificationMethod = z.enum(["backdoor", "frontdoor", "instrumental", "do_calculus", "non_identifiable"]).meta({ id: "IdentificationMethodEnum" });

/** `RecommendationStatusEnum`. */
export const RecommendationStatus = z.enum(["actionable", "exploratory"]).meta({ id: "RecommendationStatusEnum" });

/** `IdentifiabilityInfo`. */
export const IdentifiabilityInfo = z
  .object({
    effect: z.string().describe('"decision → goal".'),
    identifiable: z.boolean(),
    method: IdentificationMethod.nullable().optional(),
    adjustment_set: z.array(z.string()).nullable().optional().describe("backdoor: the smallest adjustment set; frontdoor: the smallest front-door set; instrumental: the conditioning set of the instrument."),
    confidence: ConfidenceLevel,
    explanation: z.string(),
    identification_formula: z.string().optional(),
    instrument: z.string().optional().describe("instrumental: the instrument."),
    hedge: HedgeWitness.optional().describe("non_identifiable: the hedge that proves it."),
  })
  .meta({ id: "IdentifiabilityInfo" });

/** `IdentifiabilitySuggestionResponse`. */
export const IdentifiabilitySuggestion = z
  .object({
    description: z.string(),
    variable_to_add: z.string().nullable().optional(),
    edges_to_add: z.array(Pair).nullable().optional(),
    priority: z.enum(["critical", "recommended", "optional"]).default("recommended"),
  })
  .meta({ id: "IdentifiabilitySuggestionResponse" });

/** `IdentifiabilityResponse`. */
export const IdentifiabilityResponse = z
  .object({
    schema_version: z.string().default("identifiability.v1"),
    identifiability: IdentifiabilityInfo,
    recommendation_status: RecommendationStatus,
    recommendation_caveat: z.string().nullable().optional(),
    suggestions: z.array(IdentifiabilitySuggestion).nullable().optional(),
    backdoor_paths: z.array(z.string()).nullable().optional().describe('Back-door paths open given the empty set, e.g. "price ← market_segment → revenue".'),
    metadata: ISLResponseMetadata.optional(),
  })
  .meta({ id: "IdentifiabilityResponse" });
export type IdentifiabilityResponse = z.infer<typeof IdentifiabilityResponse>;

/** `IdentifiabilityRequest`: a decision graph; decision and goal default to the first nodes of those kinds. */
export const IdentifiabilityRequest = z
  .object({
    graph: GraphV1,
    decision_node_id: Name.nullish().describe("The decision node; default: the first node of kind 'decision'."),
    goal_node_id: Name.nullish().describe("The goal node; default: the first node of kind 'goal'."),
    latent: z.array(Name).max(LIMITS.nodeList).optional().describe("Node ids that are not measured (additive field)."),
    bidirected: z.array(Pair).max(LIMITS.graphV1Edges).optional().describe("Pairs [a, b] that share an unmeasured common cause (additive field)."),
  })
  .meta({ id: "IdentifiabilityRequest" });
export type IdentifiabilityRequest = z.infer<typeof IdentifiabilityRequest>;

/** `IdentifiabilityFromDAGRequest`. */
export const IdentifiabilityFromDAGRequest = z
  .object({
    nodes: z.array(Name).min(2).max(LIMITS.dagNodes),
    edges: z.array(Pair).max(LIMITS.dagEdges),
    treatment: Name,
    outcome: Name,
    latent: z.array(Name).max(LIMITS.nodeList).optional().describe("Unmeasured nodes (additive field)."),
    bidirected: z.array(Pair).max(LIMITS.dagEdges).optional().describe("Pairs [a, b] that share an unmeasured common cause (additive field)."),
  })
  .superRefine((dag, ctx) => {
    for (const p of dagStructureProblems(dag)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
  })
  .meta({ id: "IdentifiabilityFromDAGRequest" });
export type IdentifiabilityFromDAGRequest = z.infer<typeof IdentifiabilityFromDAGRequest>;

const DESCRIPTION =
  "Applies the real criteria in order — back-door adjustment (generalised adjustment criterion), front-door, the complete ID algorithm (do-calculus), conditional instruments (linear models only) — and reports the first that identifies the effect, " +
  "`actionable` when the effect is identified nonparametrically and the decision can affect the goal, `exploratory` otherwise, with suggestions (which unmeasured variable to measure, which missing edge to check). Latent nodes and bidirected edges are honoured.";

/** The `analysis/identifiability` operation. */
export const analysisIdentifiability = defineOperation({
  id: "analysis/identifiability",
  request: IdentifiabilityRequest,
  response: IdentifiabilityResponse,
  summary: "Is the effect of the decision on the goal of a decision graph identifiable, and how?",
  description: DESCRIPTION,
  tags: ["Decision Analysis", "Causal Inference"],
  metric: "isl_identifiability_analyses_total",
  deterministic: true,
  cost: "light",
  metadataKey: "metadata",
  example: {
    graph: {
      nodes: [
        { id: "price", kind: "decision", label: "Price" },
        { id: "market_segment", kind: "factor", label: "Market segment" },
        { id: "revenue", kind: "goal", label: "Revenue" },
      ],
      edges: [
        { from: "market_segment", to: "price" },
        { from: "market_segment", to: "revenue" },
        { from: "price", to: "revenue" },
      ],
    },
  },
});

/** The `analysis/identifiability/dag` operation. */
export const analysisIdentifiabilityDag = defineOperation({
  id: "analysis/identifiability/dag",
  request: IdentifiabilityFromDAGRequest,
  response: IdentifiabilityResponse,
  summary: "Is the effect of a treatment on an outcome in a plain DAG identifiable, and how?",
  description: DESCRIPTION,
  tags: ["Decision Analysis", "Causal Inference"],
  metric: "isl_identifiability_analyses_total",
  deterministic: true,
  cost: "light",
  metadataKey: "metadata",
  example: {
    nodes: ["Smoking", "Tar", "Cancer"],
    edges: [
      ["Smoking", "Tar"],
      ["Tar", "Cancer"],
    ],
    bidirected: [["Smoking", "Cancer"]],
    treatment: "Smoking",
    outcome: "Cancer",
  },
});

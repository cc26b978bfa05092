/**
 * `causal/d-separation`: are the node sets X and Y d-separated by Z in a causal DAG or ADMG? When
 * they are not, one open (d-connecting) path is returned as the witness.
 */
import { z } from "zod";
import { DAGStructure, NodeName } from "../dag.js";
import { ExplanationMetadata, ResponseMetadata } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";

/** `DSeparationRequest`. */
export const DSeparationRequest = z
  .object({
    dag: DAGStructure,
    x: z.array(NodeName).min(1).max(LIMITS.nodeList).describe("X: one or more nodes of the graph (observed or latent)."),
    y: z.array(NodeName).min(1).max(LIMITS.nodeList).describe("Y: one or more nodes, disjoint from X."),
    given: z.array(NodeName).max(LIMITS.nodeList).default([]).describe("Z: the conditioning nodes, disjoint from X and Y (default: none)."),
  })
  .meta({ id: "DSeparationRequest" });
export type DSeparationRequest = z.infer<typeof DSeparationRequest>;

/** One path with its arrows: `arrows[i]` joins `nodes[i]` and `nodes[i + 1]`. */
export const GraphPathText = z
  .object({
    nodes: z.array(z.string()).describe("The path's nodes, from a node of X to a node of Y."),
    arrows: z.array(z.enum(["->", "<-", "<->"])).describe('One per edge: "->" forward, "<-" backward, "<->" bidirected (unobserved confounding).'),
    text: z.string().describe('The path as text, e.g. "X ← Z ↔ Y".'),
  })
  .meta({ id: "GraphPathText" });

/** `DSeparationResponse`. */
export const DSeparationResponse = z
  .object({
    d_separated: z.boolean().describe("True when every path between X and Y is blocked given Z."),
    open_path: GraphPathText.optional().describe("When not d-separated: one open path (a shortest one; ties broken by node names)."),
    testable: z.boolean().describe("True when X, Y and Z are all observed, so the implied (in)dependence can be checked in data."),
    latent_in_query: z.array(z.string()).describe("The nodes of X, Y and Z that are latent, sorted."),
    explanation: ExplanationMetadata,
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "DSeparationResponse" });
export type DSeparationResponse = z.infer<typeof DSeparationResponse>;

/** The `causal/d-separation` operation. */
export const causalDSeparation = defineOperation({
  id: "causal/d-separation",
  request: DSeparationRequest,
  response: DSeparationResponse,
  summary: "Test whether two node sets are d-separated given a third, with an open path as witness",
  description:
    "Decides X ⫫ Y | Z in a causal DAG or ADMG (latent nodes and bidirected edges honoured) by linear-time reachability (Bayes-ball). When X and Y are d-connected it returns a shortest open path, with ↔ for bidirected edges, and explains which colliders it passes and why they are open.",
  tags: ["Causal Inference", "Graphs"],
  metric: "isl_d_separation_queries_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: {
      nodes: ["Exercise", "Fitness", "Injury", "Genes"],
      edges: [
        ["Exercise", "Fitness"],
        ["Genes", "Fitness"],
      ],
      bidirected: [["Genes", "Injury"]],
    },
    x: ["Exercise"],
    y: ["Injury"],
    given: ["Fitness"],
  },
});

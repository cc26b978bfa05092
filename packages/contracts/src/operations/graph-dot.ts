/**
 * `graph/from-dot` and `graph/to-dot`: DAGitty-style DOT text to the `dag` object (with the
 * exposure, outcome and adjusted roles DAGitty records) and back, so existing models can be pasted in.
 */
import { z } from "zod";
import { DAGStructure, NodeName } from "../dag.js";
import { ResponseMetadata } from "../envelopes.js";
import { LIMITS } from "../limits.js";
import { defineOperation } from "../operation.js";

/** Longest DOT text accepted by `graph/from-dot`, in characters. */
export const DOT_TEXT_MAX_LENGTH = 200_000;

/** `GraphFromDotRequest`. */
export const GraphFromDotRequest = z
  .object({
    dot: z
      .string()
      .min(1)
      .max(DOT_TEXT_MAX_LENGTH)
      .describe('DAGitty-style DOT text, e.g. "dag { x [exposure] y [outcome] u [latent] x -> y u -> {x y} }".'),
  })
  .meta({ id: "GraphFromDotRequest" });
export type GraphFromDotRequest = z.infer<typeof GraphFromDotRequest>;

/** `GraphFromDotResponse`. */
export const GraphFromDotResponse = z
  .object({
    dag: DAGStructure.describe("The graph, every list sorted by name; latent and bidirected always present."),
    exposure: z.array(NodeName).describe("Nodes marked [exposure], sorted."),
    outcome: z.array(NodeName).describe("Nodes marked [outcome], sorted."),
    adjusted: z.array(NodeName).describe("Nodes marked [adjusted], sorted."),
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "GraphFromDotResponse" });
export type GraphFromDotResponse = z.infer<typeof GraphFromDotResponse>;

/** `GraphToDotRequest`. */
export const GraphToDotRequest = z
  .object({
    dag: DAGStructure,
    exposure: z.array(NodeName).max(LIMITS.nodeList).optional().describe("Nodes to mark [exposure]."),
    outcome: z.array(NodeName).max(LIMITS.nodeList).optional().describe("Nodes to mark [outcome]."),
    adjusted: z.array(NodeName).max(LIMITS.nodeList).optional().describe("Nodes to mark [adjusted]."),
  })
  .meta({ id: "GraphToDotRequest" });
export type GraphToDotRequest = z.infer<typeof GraphToDotRequest>;

/** `GraphToDotResponse`. */
export const GraphToDotResponse = z
  .object({
    dot: z.string().describe("Canonical DOT text: nodes with their roles, then directed and bidirected edges, each sorted."),
    _metadata: ResponseMetadata.optional(),
  })
  .meta({ id: "GraphToDotResponse" });
export type GraphToDotResponse = z.infer<typeof GraphToDotResponse>;

/** The `graph/from-dot` operation. */
export const graphFromDot = defineOperation({
  id: "graph/from-dot",
  request: GraphFromDotRequest,
  response: GraphFromDotResponse,
  summary: "Read a causal graph from DAGitty-style DOT text",
  description:
    "Parses `dag { … }` or `digraph { … }` text (->, <-, <-> edges, chains, {a b} groups, comments, quoted names; node attributes exposure, outcome, latent, adjusted; layout attributes ignored) into the `dag` object with its roles. Syntax errors name the line, the column and what was expected; the graph must be acyclic and within the `dag` limits.",
  tags: ["Graphs"],
  metric: "isl_graph_dot_imports_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dot: "dag {\n  Price [exposure]\n  Revenue [outcome]\n  Season [latent]\n  Brand -> {Price Revenue}\n  Season -> {Price Revenue}\n  Price -> Revenue\n  Ads <-> Brand\n  Ads -> Revenue\n}",
  },
});

/** The `graph/to-dot` operation. */
export const graphToDot = defineOperation({
  id: "graph/to-dot",
  request: GraphToDotRequest,
  response: GraphToDotResponse,
  summary: "Write a causal graph as canonical DAGitty-style DOT text",
  description:
    "Writes the `dag` object (latent nodes, bidirected edges) and optional exposure, outcome and adjusted roles as `dag { … }` text that DAGitty reads and `graph/from-dot` turns back into the same graph. The text is canonical: sorted, repeats removed.",
  tags: ["Graphs"],
  metric: "isl_graph_dot_exports_total",
  deterministic: true,
  cost: "light",
  metadataKey: "_metadata",
  example: {
    dag: { nodes: ["Brand", "Price", "Revenue"], edges: [["Brand", "Price"], ["Brand", "Revenue"], ["Price", "Revenue"]] },
    exposure: ["Price"],
    outcome: ["Revenue"],
  },
});

/**
 * The read-only view of a compiled PLoT graph that the analysis blocks need: node ids, labels and
 * kinds in a fixed order, edges with their strength prior and existence probability, the goal index.
 * The evaluator's `PlotModel` satisfies it structurally; tests build it directly.
 * Complexity: O(N + M) to index children.
 * Reference: plot-v2-engine.md §3.1 (filtered graph) and §3.5 (effective coefficient mean·p).
 */
import type { PlotModel } from "./model.js";

/** One directed edge of the filtered graph (node indices into {@link PlotGraphView.nodeIds}). */
export interface PlotGraphEdge {
  /** Index of the parent node. */
  readonly from: number;
  /** Index of the child node. */
  readonly to: number;
  /** `strength.mean` after the parse clamp to [−1, 1]. */
  readonly mean: number;
  /** `strength.std`. */
  readonly std: number;
  /** `exists_probability` (default 0.8). */
  readonly existsProbability: number;
  /** True for identity operand/addend and preventer→risk edges: held at mean·p, left out of edge outputs. */
  readonly definitional: boolean;
  /** True for `edge_type: "bidirected"` (no causal direction; skipped by path walks and e-values). */
  readonly bidirected?: boolean;
}

/** Graph facts shared by the analysis blocks. */
export interface PlotGraphView {
  /** Node ids in request order (after the inference filter). */
  readonly nodeIds: readonly string[];
  /** Node labels, same order. */
  readonly nodeLabels: readonly string[];
  /** Node kinds as sent (compared lower-case), same order. */
  readonly nodeKinds: readonly string[];
  /** Edges in request order. */
  readonly edges: readonly PlotGraphEdge[];
  /** Index of the goal node. */
  readonly goalIndex: number;
}

/** Effective (expected-value) coefficient of an edge: mean·p, as every deterministic block uses it. */
export function effectiveCoefficient(edge: PlotGraphEdge): number {
  return edge.mean * edge.existsProbability;
}

/** `"from->to"` edge id with an ASCII arrow, as on the wire. */
export function edgeId(graph: PlotGraphView, edge: PlotGraphEdge): string {
  return `${graph.nodeIds[edge.from] as string}->${graph.nodeIds[edge.to] as string}`;
}

/** Outgoing edge indices per node, in edge (request) order. */
export function outgoingEdges(graph: PlotGraphView): number[][] {
  const out: number[][] = graph.nodeIds.map(() => []);
  graph.edges.forEach((edge, index) => {
    (out[edge.from] as number[]).push(index);
  });
  return out;
}

/** The analysis blocks' graph view of a compiled model. */
export function graphViewOfModel(model: PlotModel): PlotGraphView {
  return {
    nodeIds: model.nodes.map((n) => n.id),
    nodeLabels: model.nodes.map((n) => n.label),
    nodeKinds: model.nodes.map((n) => n.kind),
    edges: model.edges,
    goalIndex: model.goalIndex,
  };
}

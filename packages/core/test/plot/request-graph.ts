/**
 * Test support: a minimal PlotGraphView built straight from a captured analyze/v2 request (inference
 * filter, mean clamp to [−1, 1], exists_probability default 0.8), independent of the evaluator's
 * compiler, plus fixture loading.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PlotAnalyzeRequest } from "@olumi/contracts";
import { compilePlotModel, type PlotModel } from "../../src/plot/model.js";
import type { PlotGraphView } from "../../src/plot/plot-graph.js";

/** Reads a JSON file from test/fixtures/plot. */
export function loadPlotFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/plot/${name}`, import.meta.url)), "utf8")) as T;
}

/** The parts of a request body this helper reads. */
export interface RequestBody {
  graph: {
    nodes: { id: string; kind: string; label: string; observed_state?: { value: number } }[];
    edges: { from: string; to: string; exists_probability?: number; strength: { mean: number; std: number }; edge_type?: string }[];
  };
  goal_node_id: string;
  options: { id: string; label: string; interventions: Record<string, number> }[];
  parameter_uncertainties?: { node_id: string; distribution?: string; std?: number; range_min?: number; range_max?: number }[];
}

/** Builds the filtered graph view of a request. */
export function graphOfRequest(body: RequestBody): PlotGraphView {
  const dropped = new Set(["decision", "option", "constraint"]);
  const nodes = body.graph.nodes.filter((n) => !dropped.has(n.kind.toLowerCase()));
  const index = new Map(nodes.map((n, i) => [n.id, i] as const));
  const edges = body.graph.edges
    .filter((e) => index.has(e.from) && index.has(e.to))
    .map((e) => ({
      from: index.get(e.from) as number,
      to: index.get(e.to) as number,
      mean: Math.min(1, Math.max(-1, e.strength.mean)),
      std: e.strength.std,
      existsProbability: e.exists_probability ?? 0.8,
      definitional: false,
      bidirected: e.edge_type === "bidirected",
    }));
  return {
    nodeIds: nodes.map((n) => n.id),
    nodeLabels: nodes.map((n) => n.label),
    nodeKinds: nodes.map((n) => n.kind),
    edges,
    goalIndex: index.get(body.goal_node_id) as number,
  };
}

/** Parses a captured request with the contract schema and compiles the evaluation model. */
export function modelOfRequest(body: unknown): PlotModel {
  return compilePlotModel(PlotAnalyzeRequest.parse(body));
}

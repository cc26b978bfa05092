/**
 * Structural influence of each factor on the goal (`structural_influence[]` and the factor rows'
 * `influence_score` / `influence_rank`): the sum over all simple directed paths factor ⇝ goal of the
 * product of effective coefficients mean·p (Wright's path tracing, i.e. the factor's total effect in the
 * expected-value linear SEM), in absolute value, normalised so the cohort maximum is 1.
 * Complexity: O(P·L) for P simple paths of length ≤ L, bounded by a shared pool of DFS calls (400,000);
 * exponential in the worst case, hence the pool.
 * Reference: S. Wright, "The method of path coefficients" (1934); plot-v2-engine.md §4.7.
 */
import type { PlotModel } from "./model.js";
import { effectiveCoefficient, graphViewOfModel, outgoingEdges, type PlotGraphView } from "./plot-graph.js";
import { exactSum } from "./wire-number.js";

/** One `structural_influence[]` row. */
export interface StructuralInfluenceRow {
  node_id: string;
  influence_score: number;
  influence_rank: number;
}

/**
 * How path products are aggregated.
 * - `signed_net` (ISL from 2026-09 on, capture r3b): |fsum over paths of Π coefficients| — the net total effect.
 * - `absolute_paths` (ISL build 9a22a1a, captures P1–P5): Σ paths |Π coefficients|, summed left to right in
 *   DFS order — opposing paths add. Reproduces those captures bit for bit.
 */
export type InfluenceAggregation = "signed_net" | "absolute_paths";

/** Result of {@link structuralInfluence}. */
export interface StructuralInfluenceResult {
  /** Rows in cohort order (PU factors in request order, then other `factor`-kind nodes in graph order); null when truncated. */
  readonly rows: StructuralInfluenceRow[] | null;
  /** Unnormalised |total| per cohort node (same order), for the `disconnected` zero reason. */
  readonly rawByNode: ReadonlyMap<string, number>;
  /** True when the DFS pool ran out: every score is withheld (critique STRUCTURAL_INFLUENCE_TRUNCATED). */
  readonly truncated: boolean;
}

/** Inputs of {@link structuralInfluence}. */
export interface StructuralInfluenceInput {
  readonly graph: PlotGraphView;
  /** Node ids carrying a parameter uncertainty, in request order. */
  readonly uncertainFactorIds: readonly string[];
  /** Shared DFS-call pool. Default 400,000. */
  readonly callPool?: number;
  /** Aggregation rule. Default `signed_net`. */
  readonly aggregation?: InfluenceAggregation;
}

/** Left-to-right float sum (the 9a22a1a build summed |products| this way; fsum differs by an ulp there). */
function plainSum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Computes structural influence scores and ranks.
 *
 * Cohort: the PU factors (request order, unique, present in the graph, not the goal), then every other
 * node whose kind is `factor` (graph order). raw = |fsum of path products| (or fsum of |products|);
 * score = raw / max raw (all 0 when max < 1e-10); rank = 1 + position in a stable sort by score desc.
 *
 * @returns Rows, or `rows: null` with `truncated: true` when the DFS pool is exhausted.
 */
export function structuralInfluence(input: StructuralInfluenceInput): StructuralInfluenceResult {
  const { graph } = input;
  const aggregation = input.aggregation ?? "signed_net";
  let pool = input.callPool ?? 400_000;
  const index = new Map(graph.nodeIds.map((id, i) => [id, i] as const));
  const cohort: number[] = [];
  const seen = new Set<number>();
  const add = (i: number | undefined): void => {
    if (i === undefined || i === graph.goalIndex || seen.has(i)) return;
    seen.add(i);
    cohort.push(i);
  };
  for (const id of input.uncertainFactorIds) add(index.get(id));
  graph.nodeKinds.forEach((kind, i) => {
    if (kind.toLowerCase() === "factor") add(i);
  });
  const children = outgoingEdges(graph);
  const onPath = new Uint8Array(graph.nodeIds.length);
  let truncated = false;
  const raw: number[] = [];
  for (const start of cohort) {
    const products: number[] = [];
    const walk = (node: number, product: number): void => {
      if (truncated) return;
      if (--pool < 0) {
        truncated = true;
        return;
      }
      if (node === graph.goalIndex) {
        products.push(aggregation === "absolute_paths" ? Math.abs(product) : product);
        return;
      }
      onPath[node] = 1;
      for (const e of children[node] as number[]) {
        const edge = graph.edges[e]!;
        if (edge.bidirected === true || onPath[edge.to] === 1) continue;
        walk(edge.to, product * effectiveCoefficient(edge));
        if (truncated) break;
      }
      onPath[node] = 0;
    };
    walk(start, 1);
    if (truncated) break;
    raw.push(aggregation === "absolute_paths" ? plainSum(products) : Math.abs(exactSum(products)));
  }
  const rawByNode = new Map<string, number>();
  if (truncated) return { rows: null, rawByNode, truncated: true };
  cohort.forEach((node, k) => rawByNode.set(graph.nodeIds[node] as string, raw[k] as number));
  const max = raw.reduce((m, v) => Math.max(m, v), 0);
  const scores = raw.map((v) => (max < 1e-10 ? 0 : v / max));
  const order = scores.map((_, k) => k).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const rank = new Array<number>(scores.length);
  order.forEach((k, position) => {
    rank[k] = position + 1;
  });
  const rows = cohort.map((node, k) => ({ node_id: graph.nodeIds[node] as string, influence_score: scores[k] as number, influence_rank: rank[k] as number }));
  return { rows, rawByNode, truncated: false };
}

/**
 * Structural influence of a compiled model's factors (PU factors in request order, then the other
 * `factor`-kind nodes). The top-level `structural_influence[]` block is `rows` (omitted when null).
 */
export function structuralInfluenceOfModel(model: PlotModel, aggregation: InfluenceAggregation = "signed_net"): StructuralInfluenceResult {
  return structuralInfluence({ graph: graphViewOfModel(model), uncertainFactorIds: model.factors.map((f) => f.nodeId), aggregation });
}

/**
 * `path_decomposition`: every simple directed path from the recommended option's intervention targets
 * to the goal, each with its path effect Π(mean·p) along the path, the total effect Σ over all paths
 * (Wright's path-tracing rule for a linear SEM) and each path's signed share of that total; the three
 * largest by |effect| are reported. Deterministic: a function of the request and the recommended option.
 * Complexity: O(P·L) for P simple paths of length ≤ L, bounded by `maxPaths` (20,000) and a DFS step
 * budget; exponential in the worst case, hence both caps.
 * Reference: S. Wright, "The method of path coefficients", Annals of Mathematical Statistics 5 (1934)
 * 161–215; plot-v2-engine.md §4.13; plot-client.md §7.2 (capture P4).
 */
import { effectiveCoefficient, outgoingEdges, type PlotGraphView } from "./plot-graph.js";
import { formatSignedFixed, formatSignedGeneral } from "./wire-number.js";

/** One reported path. */
export interface PathDecompositionPath {
  path: string[];
  path_effect: number;
  total_effect: number;
  signed_contribution?: number;
  status: "computed" | "indeterminate";
  mechanism: string;
}

/** The wire block `path_decomposition`. */
export interface PathDecompositionBlock {
  recommended_option_id: string;
  entry_nodes: string[];
  truncated: boolean;
  path_count: number;
  paths: PathDecompositionPath[];
}

/** Inputs of {@link pathDecomposition}. */
export interface PathDecompositionInput {
  /** The filtered graph. */
  readonly graph: PlotGraphView;
  /** Id of the recommended option (from the main Monte Carlo). */
  readonly recommendedOptionId: string;
  /** Node ids the recommended option intervenes on (any order; ids not in the graph are ignored). */
  readonly interventionNodeIds: readonly string[];
  /** Path cap; more paths ⇒ `{truncated: true, path_count: maxPaths, paths: []}`. Default 20,000. */
  readonly maxPaths?: number;
  /** DFS step budget (edge visits); exhausted ⇒ truncated as above. Default 2,000,000. */
  readonly maxSteps?: number;
  /** How many paths to report. Default 3. */
  readonly topPaths?: number;
}

/** Node kinds a path never crosses (they are removed by the inference filter anyway). */
const BLOCKED_KINDS = new Set(["decision", "option", "constraint"]);

/** Code-point order of strings (Python's default `sorted`). */
function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lexicographic order of two id tuples (Python tuple comparison). */
function compareTuples(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareCodePoints(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Decomposes the recommended option's effect on the goal into simple directed paths.
 *
 * Entry nodes are the sorted intervention targets present in the graph (the goal itself excluded).
 * Paths are enumerated by DFS from each entry in that order, children in edge order; bidirected edges
 * and decision/option/constraint nodes are never used. total_effect is the plain left-to-right sum of the
 * path effects in enumeration order; `status` is `indeterminate` when |total| < 1e-10 (no share then).
 * Paths are ordered by (−|effect|, path ids, effect) and the first `topPaths` reported.
 *
 * @returns The wire block (snake_case keys; `signed_contribution` omitted when indeterminate).
 */
export function pathDecomposition(input: PathDecompositionInput): PathDecompositionBlock {
  const { graph } = input;
  const maxPaths = input.maxPaths ?? 20_000;
  const maxSteps = input.maxSteps ?? 2_000_000;
  const topPaths = input.topPaths ?? 3;
  const indexOf = new Map(graph.nodeIds.map((id, i) => [id, i] as const));
  const entryNodes = [...new Set(input.interventionNodeIds)].filter((id) => indexOf.has(id)).sort(compareCodePoints);
  const children = outgoingEdges(graph);
  const blocked = graph.nodeKinds.map((kind) => BLOCKED_KINDS.has(kind.toLowerCase()));
  const found: { nodes: number[]; effect: number }[] = [];
  let steps = 0;
  let truncated = false;
  const onPath = new Uint8Array(graph.nodeIds.length);
  const stack: number[] = [];

  const visit = (node: number, effect: number): void => {
    if (truncated) return;
    if (node === graph.goalIndex) {
      if (found.length >= maxPaths) {
        truncated = true;
        return;
      }
      found.push({ nodes: [...stack], effect });
      return;
    }
    for (const e of children[node] as number[]) {
      if (++steps > maxSteps) {
        truncated = true;
        return;
      }
      const edge = graph.edges[e]!;
      if (edge.bidirected === true || onPath[edge.to] === 1 || blocked[edge.to] === true) continue;
      onPath[edge.to] = 1;
      stack.push(edge.to);
      visit(edge.to, effect * effectiveCoefficient(edge));
      stack.pop();
      onPath[edge.to] = 0;
      if (truncated) return;
    }
  };

  for (const id of entryNodes) {
    const entry = indexOf.get(id) as number;
    if (entry === graph.goalIndex || blocked[entry] === true) continue;
    onPath[entry] = 1;
    stack.push(entry);
    visit(entry, 1);
    stack.pop();
    onPath[entry] = 0;
    if (truncated) break;
  }

  if (truncated) {
    return { recommended_option_id: input.recommendedOptionId, entry_nodes: entryNodes, truncated: true, path_count: maxPaths, paths: [] };
  }
  let total = 0;
  for (const p of found) total += p.effect;
  const indeterminate = Math.abs(total) < 1e-10;
  const withIds = found.map((p) => ({ ids: p.nodes.map((n) => graph.nodeIds[n] as string), labels: p.nodes.map((n) => graph.nodeLabels[n] as string), effect: p.effect }));
  withIds.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || compareTuples(a.ids, b.ids) || a.effect - b.effect);
  const paths = withIds.slice(0, topPaths).map((p): PathDecompositionPath => {
    const chain = p.labels.join(" → ");
    const pe = formatSignedFixed(p.effect, 3);
    if (indeterminate) {
      return {
        path: p.ids,
        path_effect: p.effect,
        total_effect: total,
        status: "indeterminate",
        mechanism: `Modelled pathway contribution along ${chain}: signed path coefficient ${pe}. Net modelled effect is near zero (${formatSignedGeneral(total, 3)}); relative share is not defined.`,
      };
    }
    const share = p.effect / total;
    return {
      path: p.ids,
      path_effect: p.effect,
      total_effect: total,
      signed_contribution: share,
      status: "computed",
      mechanism: `Modelled pathway contribution along ${chain}: signed path coefficient ${pe} of total ${formatSignedFixed(total, 3)} (relative share ${formatSignedFixed(share, 2)}).`,
    };
  });
  return { recommended_option_id: input.recommendedOptionId, entry_nodes: entryNodes, truncated: false, path_count: found.length, paths };
}

/**
 * Proper causal paths from X to Y (directed paths that meet X only at their first node), the nodes
 * on them PCP(X, Y), the forbidden set Forb(X, Y) = De(PCP(X, Y)) ∪ X ∪ Y, and the proper back-door
 * graph (the graph without the first edge of every proper causal path). Complexity: O(N + M).
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, "Constructing separators and adjustment
 * sets in ancestral graphs", UAI workshop CI 2014, and "Separators and adjustment sets in causal
 * graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270 (2019)
 * 1–40, where PCP(X, Y) = (De_{G with edges into X removed}(X) \ X) ∩ An_{G with edges out of X removed}(Y);
 * I. Shpitser, T. VanderWeele, J. Robins, "On the validity of covariate adjustment for estimating
 * causal effects", UAI 2010.
 */
import { IslError } from "../errors.js";
import { buildAdjacency } from "./adjacency.js";
import { ancestorMask, descendantMask } from "./ancestry.js";
import { withAdjacency, type Dag } from "./dag.js";
import { indicesOfMask, maskOf, namesOf, requireDisjoint, resolveNodes } from "./node-lookup.js";

/** Everything the adjustment criterion needs about one (X, Y) pair, as index masks. */
export interface CausalStructure {
  /** Exposure indices, ascending. */
  readonly x: Int32Array;
  /** Outcome indices, ascending. */
  readonly y: Int32Array;
  /** Mask of X. */
  readonly xMask: Uint8Array;
  /** Mask of Y. */
  readonly yMask: Uint8Array;
  /** Mask of PCP(X, Y): nodes other than X on proper causal paths. */
  readonly pcp: Uint8Array;
  /** Mask of Forb(X, Y) = De(PCP) ∪ X ∪ Y. */
  readonly forbidden: Uint8Array;
  /** The proper back-door graph: same nodes, without the edges x → v with x ∈ X, v ∈ PCP. */
  readonly backdoorGraph: Dag;
}

/**
 * Resolves exposure and outcome names and computes PCP, Forb and the proper back-door graph.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several (non-empty).
 * @param outcomes - Y: one name or several (non-empty), disjoint from X.
 * @returns The causal structure of (X, Y).
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping sets.
 */
export function causalStructure(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): CausalStructure {
  const [x, y] = resolveExposureOutcome(dag, exposures, outcomes);
  const n = dag.size;
  const xMask = maskOf(n, x);
  const yMask = maskOf(n, y);
  // NOTE: never entering X = removing edges into X (downwards) or out of X (upwards).
  const below = descendantMask(dag, x, xMask);
  const above = ancestorMask(dag, y, xMask);
  const pcp = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (below[v] !== 0 && above[v] !== 0 && xMask[v] === 0) pcp[v] = 1;
  const forbidden = descendantMask(dag, indicesOfMask(pcp));
  for (let v = 0; v < n; v++) if (xMask[v] !== 0 || yMask[v] !== 0) forbidden[v] = 1;
  const from: number[] = [];
  const to: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let k = dag.childStart[u]!; k < dag.childStart[u + 1]!; k++) {
      const v = dag.children[k]!;
      if (xMask[u] !== 0 && pcp[v] !== 0) continue;
      from.push(u);
      to.push(v);
    }
  }
  const backdoorGraph = withAdjacency(dag, buildAdjacency(n, from, to));
  return { x, y, xMask, yMask, pcp, forbidden, backdoorGraph };
}

/**
 * Resolves exposure and outcome names: both non-empty, disjoint.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @returns X and Y as ascending indices.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping sets.
 */
export function resolveExposureOutcome(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): [Int32Array, Int32Array] {
  const x = resolveNodes(dag, exposures, "Treatment");
  const y = resolveNodes(dag, outcomes, "Outcome");
  requireNonEmpty(x, "Treatment");
  requireNonEmpty(y, "Outcome");
  requireDisjoint(dag, [["Treatment", x], ["Outcome", y]]);
  return [x, y];
}

/** Throws when a role's node set is empty. */
function requireNonEmpty(nodes: Int32Array, role: string): void {
  if (nodes.length > 0) return;
  throw new IslError("ISL_INVALID_INPUT", `At least one ${role.toLowerCase()} node is required.`, {
    details: { role },
    recovery: { hints: [`Name the ${role.toLowerCase()} node(s).`], suggestion: `Give a non-empty ${role.toLowerCase()} set.` },
  });
}

/**
 * Nodes other than X on proper causal paths from X to Y (Y's nodes included when reachable).
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @returns PCP(X, Y), sorted.
 */
export function properCausalPathNodes(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): string[] {
  return namesOf(dag, indicesOfMask(causalStructure(dag, exposures, outcomes).pcp));
}

/**
 * The forbidden set Forb(X, Y) = De(PCP(X, Y)) ∪ X ∪ Y: nodes that no adjustment set may contain.
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @returns Forb(X, Y), sorted.
 */
export function forbiddenNodes(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): string[] {
  return namesOf(dag, indicesOfMask(causalStructure(dag, exposures, outcomes).forbidden));
}

/**
 * The proper back-door graph: `dag` without the first edge of every proper causal path from X to Y.
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @returns A graph over the same nodes (and latent marks) with those edges removed.
 */
export function properBackdoorGraph(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): Dag {
  return causalStructure(dag, exposures, outcomes).backdoorGraph;
}

/**
 * Whether some directed path leads from a node of X to a node of Y.
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @returns True when De(X) meets Y.
 */
export function hasCausalPath(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): boolean {
  const [x, y] = resolveExposureOutcome(dag, exposures, outcomes);
  const below = descendantMask(dag, x);
  for (const v of y) if (below[v] !== 0) return true;
  return false;
}

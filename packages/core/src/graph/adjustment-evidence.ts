/**
 * Evidence for adjustment answers: the paths between X and Y in the proper back-door graph that are
 * open given the empty set (for one exposure: exactly the open back-door paths), which nodes of a
 * set block each of them, and, when no set exists, one path that the most inclusive admissible
 * candidate leaves open. Such paths have no collider, so a set Z blocks one exactly when Z meets its
 * interior. Complexity: the bounded path enumeration of backdoor-paths.ts per (x, y) pair, then
 * O(paths · length) per set; the witness O(N + M).
 * References: J. Pearl, "Causality" (2009), §3.3.1 (back-door paths) and §1.2.3 (d-separation);
 * B. van der Zander, M. Liśkiewicz, J. Textor, Artificial Intelligence 270 (2019) 1–40 (proper
 * back-door graph; the canonical candidate is valid iff some set is).
 */
import { namedPath, searchOpenPaths, type GraphPath } from "./backdoor-paths.js";
import type { Dag } from "./dag.js";
import { dConnectionSearch } from "./d-separation.js";
import type { CausalStructure } from "./proper-causal-paths.js";

/** One open path with the node indices strictly inside it. */
export interface EvidencePath {
  /** The path with names and arrows (hidden nodes of bidirected edges shown as `<->`). */
  readonly path: GraphPath;
  /** Interior node indices (never X or Y). */
  readonly interior: Int32Array;
}

/** The capped list of open paths. */
export interface OpenPathEvidence {
  /** Paths, shortest first, then lexicographic by node names. */
  readonly paths: EvidencePath[];
  /** True when more paths may exist (cap or step budget reached). */
  readonly truncated: boolean;
}

/**
 * The paths from X to Y in the proper back-door graph, with interiors avoiding X ∪ Y, that are
 * open given the empty set.
 *
 * @param structure - The causal structure of (X, Y).
 * @param maxPaths - Path cap (≥ 1).
 * @param maxSteps - Total search budget, shared among the (x, y) pairs (≥ 1).
 * @returns The paths and the truncation flag.
 */
export function openPathsGivenNothing(structure: CausalStructure, maxPaths: number, maxSteps: number): OpenPathEvidence {
  const graph = structure.backdoorGraph;
  const n = graph.size;
  const interiorAllowed = new Uint8Array(n);
  for (let v = 0; v < n; v++) interiorAllowed[v] = structure.xMask[v] === 0 && structure.yMask[v] === 0 ? 1 : 0;
  const pairs = structure.x.length * structure.y.length;
  const stepsPerPair = Math.max(1000, Math.floor(maxSteps / pairs));
  const given = new Uint8Array(n);
  const found: { nodes: number[]; forward: boolean[] }[] = [];
  let truncated = false;
  for (const x of structure.x) {
    for (const y of structure.y) {
      const list = searchOpenPaths(graph, { from: x, to: y, given, interior: interiorAllowed, intoStartOnly: false, maxPaths: maxPaths + 1, maxSteps: stepsPerPair });
      if (list.truncated) truncated = true;
      found.push(...list.paths);
    }
  }
  const paths = found.map((p) => ({ path: namedPath(graph, p.nodes, p.forward), interior: Int32Array.from(p.nodes.slice(1, -1)), length: p.nodes.length }));
  paths.sort((a, b) => a.length - b.length || compareNameLists(a.path.nodes, b.path.nodes));
  if (paths.length > maxPaths) {
    truncated = true;
    paths.length = maxPaths;
  }
  return { paths: paths.map(({ path, interior }) => ({ path, interior })), truncated };
}

/** Element-wise code-unit order of two name lists of equal length. */
function compareNameLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * The members of a set that lie inside a path (open given ∅, so it is blocked iff this is non-empty).
 *
 * @param dag - The graph (for names).
 * @param path - An open path.
 * @param setMask - Mask of the set.
 * @returns The blocking members' names, in name order.
 */
export function blockingMembers(dag: Dag, path: EvidencePath, setMask: Uint8Array): string[] {
  const out: number[] = [];
  for (const v of path.interior) if (setMask[v] !== 0) out.push(v);
  return out.sort((a, b) => a - b).map((v) => dag.names[v]!);
}

/**
 * One path from X to Y in the proper back-door graph left open by Z (a shortest one), or null.
 *
 * @param structure - The causal structure of (X, Y).
 * @param zMask - Mask of Z.
 * @returns The open path with arrows, or null when Z blocks every path.
 */
export function pathLeftOpen(structure: CausalStructure, zMask: Uint8Array): GraphPath | null {
  const graph = structure.backdoorGraph;
  const { path, forward } = dConnectionSearch(graph, structure.x, structure.yMask, zMask, true);
  return path === null ? null : namedPath(graph, path, forward!);
}

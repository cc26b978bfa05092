/**
 * Bounded enumeration of d-connecting simple paths between two nodes (for reporting back-door
 * paths such as "Price ← Brand → Revenue"): iterative-deepening depth-first search over simple
 * paths in the skeleton, extending a partial path only while every interior node is open (a
 * non-collider not in Z, or a collider in An(Z)) and while the skeleton distance to the target
 * fits in the remaining length. Output is shortest first, then lexicographic by node names.
 * Complexity: exponential in the worst case (the number of paths), bounded by `maxPaths` and a
 * step budget `maxSteps`; O(N + M) set-up.
 * References: J. Pearl, "Causality" (2009), §3.3.1 (back-door paths) and §1.2.3 (d-separation);
 * R. E. Korf, "Depth-first iterative-deepening", Artificial Intelligence 27 (1985) 97–109.
 */
import type { Adjacency } from "./adjacency.js";
import { ancestorMask } from "./ancestry.js";
import type { Dag } from "./dag.js";
import { isHiddenNodeName } from "./bidirected-nodes.js";
import { findNode, indicesOfMask, maskOf, positiveCap, requireDisjoint, resolveNodes } from "./node-lookup.js";
import { distanceToTarget, searchSimplePaths } from "./simple-path-search.js";

/**
 * Direction of one edge along a path: `"->"` from the earlier node to the later one, `"<-"` back,
 * `"<->"` a bidirected edge (an unobserved common cause of both nodes).
 */
export type PathArrow = "->" | "<-" | "<->";

/** A path with its edge directions: `arrows[i]` joins `nodes[i]` and `nodes[i + 1]`. */
export interface GraphPath {
  /** The nodes from start to end. */
  readonly nodes: string[];
  /** One arrow per edge, `nodes.length - 1` of them. */
  readonly arrows: PathArrow[];
}

/** A capped list of paths. */
export interface PathList {
  /** Paths, shortest first, then lexicographic by node names. */
  readonly paths: GraphPath[];
  /** True when more paths may exist (the path cap or the step budget was reached). */
  readonly truncated: boolean;
}

/** Options of {@link backdoorPaths}. */
export interface BackdoorPathOptions {
  /** Conditioning set Z (default ∅): only paths d-connecting given Z are listed. */
  readonly given?: readonly string[];
  /** At most this many paths (default 100). */
  readonly maxPaths?: number;
  /** Search budget in path extensions (default 1,000,000). */
  readonly maxSteps?: number;
}

/** Default path cap. */
export const DEFAULT_MAX_PATHS = 100;
/** Default search budget. */
export const DEFAULT_MAX_PATH_STEPS = 1_000_000;

/** One query of {@link searchOpenPaths}. */
export interface OpenPathQuery {
  /** Start node. */
  readonly from: number;
  /** End node. */
  readonly to: number;
  /** Mask of the conditioning set Z. */
  readonly given: Uint8Array;
  /** Mask of nodes allowed strictly inside a path; omit for all. */
  readonly interior?: Uint8Array;
  /** Only paths whose first edge points into `from` (back-door paths). */
  readonly intoStartOnly: boolean;
  /** Path cap. */
  readonly maxPaths: number;
  /** Step budget. */
  readonly maxSteps: number;
}

/** Paths as node indices with edge directions (`true`: from the earlier node to the later). */
export interface IndexPathList {
  /** The paths. */
  readonly paths: { nodes: number[]; forward: boolean[] }[];
  /** True when the cap or the budget was reached. */
  readonly truncated: boolean;
}

/**
 * Lists simple paths from `from` to `to` that are d-connecting given `given`, shortest first,
 * then lexicographic by node index.
 *
 * @param adj - Directed adjacency.
 * @param query - Endpoints, conditioning set, restrictions and limits.
 * @returns The paths and the truncation flag.
 */
export function searchOpenPaths(adj: Adjacency, query: OpenPathQuery): IndexPathList {
  const { from, to, given, interior, intoStartOnly, maxPaths, maxSteps } = query;
  const openCollider = ancestorMask(adj, indicesOfMask(given));
  return searchSimplePaths(adj, {
    from,
    to,
    distance: distanceToTarget(adj, to, false, interior),
    firstStep: { parents: true, children: !intoStartOnly },
    laterSteps: { parents: true, children: true },
    blocking: { given, openCollider },
    ...(interior === undefined ? {} : { interior }),
    maxPaths,
    maxSteps,
  });
}

/**
 * Converts index paths to named paths with arrows.
 *
 * @param dag - The graph (for names).
 * @param list - Index paths.
 * @returns Named paths; hidden nodes of bidirected edges become `"<->"` arrows.
 */
export function namedPaths(dag: Dag, list: IndexPathList): PathList {
  return { paths: list.paths.map((p) => namedPath(dag, p.nodes, p.forward)), truncated: list.truncated };
}

/**
 * One index path as a named path. An interior hidden node U_ab of a bidirected edge, always met
 * as a ← U_ab → b (it has no parents), becomes the single arrow a `"<->"` b.
 *
 * @param dag - The graph (for names).
 * @param nodes - Node indices from start to end.
 * @param forward - One flag per edge: true when it points from the earlier node to the later.
 * @returns The named path.
 */
export function namedPath(dag: Dag, nodes: readonly number[], forward: readonly boolean[]): GraphPath {
  const names: string[] = [dag.names[nodes[0]!]!];
  const arrows: PathArrow[] = [];
  for (let i = 1; i < nodes.length; i++) {
    const v = nodes[i]!;
    if (dag.hidden[v] === 1 && i + 1 < nodes.length) {
      arrows.push("<->");
      names.push(dag.names[nodes[++i]!]!);
    } else {
      arrows.push(forward[i - 1]! ? "->" : "<-");
      names.push(dag.names[v]!);
    }
  }
  return { nodes: names, arrows };
}

/**
 * Back-door paths from an exposure to an outcome: simple paths whose first edge points into the
 * exposure and which are open (d-connecting) given `given`. Latent nodes may lie on them.
 *
 * @param dag - The graph.
 * @param exposure - The exposure (treatment) node.
 * @param outcome - The outcome node.
 * @param options - `given` (default ∅), `maxPaths` (default 100), `maxSteps` (default 1e6).
 * @returns The paths (shortest first, then lexicographic) and whether the list may be incomplete.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for overlapping roles or bad caps.
 */
export function backdoorPaths(dag: Dag, exposure: string, outcome: string, options: BackdoorPathOptions = {}): PathList {
  const x = findNode(dag, exposure, "Treatment");
  const y = findNode(dag, outcome, "Outcome");
  const z = resolveNodes(dag, options.given ?? [], "Conditioning");
  requireDisjoint(dag, [["Treatment", Int32Array.of(x)], ["Outcome", Int32Array.of(y)], ["Conditioning", z]]);
  const maxPaths = positiveCap(options.maxPaths, DEFAULT_MAX_PATHS, "maxPaths");
  const maxSteps = positiveCap(options.maxSteps, DEFAULT_MAX_PATH_STEPS, "maxSteps");
  return namedPaths(dag, searchOpenPaths(dag, { from: x, to: y, given: maskOf(dag.size, z), intoStartOnly: true, maxPaths, maxSteps }));
}

/** The text of each arrow. */
const ARROW_TEXT: Record<PathArrow, string> = { "->": " → ", "<-": " ← ", "<->": " ↔ " };

/**
 * Renders a path with arrows, e.g. `"Price ← Brand → Revenue"` or `"X ↔ Y"`. A hidden node of a
 * bidirected edge inside the path (`a ← U_ab → b`, as built by `createDag`) is rendered `a ↔ b`.
 *
 * @param path - A path with arrows.
 * @returns The text.
 */
export function formatPath(path: GraphPath): string {
  let out = path.nodes[0] ?? "";
  for (let i = 0; i < path.arrows.length; i++) {
    const next = path.nodes[i + 1]!;
    if (isHiddenNodeName(next) && i + 1 < path.arrows.length && path.arrows[i] === "<-" && path.arrows[i + 1] === "->") {
      out += `${ARROW_TEXT["<->"]}${path.nodes[i + 2]!}`;
      i++;
    } else out += `${ARROW_TEXT[path.arrows[i]!]}${next}`;
  }
  return out;
}

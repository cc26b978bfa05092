/**
 * Pearl's front-door criterion and front-door sets. Z (observed, disjoint from X ∪ Y) is a
 * front-door set for the effect of X on Y when (i) Z intercepts every directed path from X to Y,
 * (ii) no back-door path from X to a node of Z is open given ∅, and (iii) every proper back-door
 * path from a node of Z to Y (one that meets Z only at its start) is blocked by X. Then
 * P(y | do(x)) = Σ_z P(z | x) Σ_x' P(y | x', z) P(x').
 * Construction (Jeong, Tian & Bareinboim; in linear time as Wienöbst, van der Zander & Liśkiewicz):
 * the candidates allowed by (ii) are the admissible nodes outside De(An(Pa(X))) (searches that never
 * enter X); one reachability search from Y given X then removes every candidate entered along an
 * edge into it, letting the search pass through a node once it is removed; what remains is the
 * largest set satisfying (ii) and (iii), it contains every front-door set, and so some front-door
 * set exists if and only if it also satisfies (i). An inclusion-minimal set is the smallest allowed
 * set, found by divide and conquer (QuickXplain, minimal-monotone-subset.ts), inside which the
 * construction still succeeds.
 * Complexity: O(N + M) for the construction and for a check; O(k·log(|Z|/k)·(N + M)) for a minimal
 * set of size k inside the largest set Z.
 * References: J. Pearl, "Causal diagrams for empirical research", Biometrika 82 (1995) 669–688;
 * Y. Jeong, J. Tian, E. Bareinboim, "Finding and listing front-door adjustment sets", NeurIPS 2022;
 * M. Wienöbst, B. van der Zander, M. Liśkiewicz, "Linear-time algorithms for front-door adjustment
 * in causal graphs", AAAI 2024 (arXiv:2211.16468).
 */
import type { Adjacency } from "./adjacency.js";
import { ancestorMask, descendantMask } from "./ancestry.js";
import type { Dag } from "./dag.js";
import { minimalMonotoneSubset } from "./minimal-monotone-subset.js";
import { indicesOfMask, maskOf, namesOf, requireDisjoint, resolveNodes } from "./node-lookup.js";
import { resolveExposureOutcome } from "./proper-causal-paths.js";

/** Arrived at a node from one of its children, or at a start node: both directions are open. */
const UP = 0;
/** Arrived at a node from one of its parents (an arrowhead points into it). */
const DOWN = 1;

/** Restrictions of {@link frontDoorSet}. */
export interface FrontDoorOptions {
  /** Nodes the set must contain (default none). */
  readonly must?: readonly string[];
  /** The only nodes the set may contain (default every observed node other than X and Y). */
  readonly allowed?: readonly string[];
}

/** Why a set is or is not a front-door set. */
export interface FrontDoorVerdict {
  /** True when all three conditions hold and no member is latent. */
  readonly valid: boolean;
  /** Condition (i): every directed path from X to Y meets the set. */
  readonly interceptsCausalPaths: boolean;
  /** Members reached from X by an open back-door path (condition ii fails for them), sorted. */
  readonly openFromExposure: string[];
  /** Members with a proper back-door path to Y that X does not block (condition iii fails), sorted. */
  readonly openToOutcome: string[];
  /** Members that are latent, sorted. */
  readonly latent: string[];
}

/** An (X, Y) query on index masks. */
export interface FrontDoorQuery {
  /** Exposure indices. */
  readonly x: Int32Array;
  /** Outcome indices. */
  readonly y: Int32Array;
  /** Mask of X. */
  readonly xMask: Uint8Array;
  /** Mask of Y. */
  readonly yMask: Uint8Array;
  /** Mask of An(X): the colliders that conditioning on X opens. */
  readonly exposureAncestors: Uint8Array;
  /** Mask of the nodes with an open back-door path from X (condition ii excludes them). */
  readonly backdoorReach: Uint8Array;
}

/**
 * Resolves X and Y and precomputes what every front-door question about them needs.
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @returns The query.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping X, Y.
 */
export function frontDoorQuery(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): FrontDoorQuery {
  const [x, y] = resolveExposureOutcome(dag, exposures, outcomes);
  const xMask = maskOf(dag.size, x);
  const parents: number[] = [];
  for (const v of x) {
    for (let k = dag.parentStart[v]!; k < dag.parentStart[v + 1]!; k++) if (xMask[dag.parents[k]!] === 0) parents.push(dag.parents[k]!);
  }
  // NOTE: with nothing conditioned an open path has no collider: up from X through parents, then down.
  const above = ancestorMask(dag, parents, xMask);
  const backdoorReach = descendantMask(dag, indicesOfMask(above), xMask);
  for (const v of x) backdoorReach[v] = 0;
  return { x, y, xMask, yMask: maskOf(dag.size, y), exposureAncestors: ancestorMask(dag, x), backdoorReach };
}

/**
 * Reachability from Y given X over d-connecting paths that never pass through a node of
 * `candidates`. A candidate entered along an edge into it has an open proper back-door path to Y
 * and is marked in the result. With `remove`, such a candidate is also taken out of `candidates`
 * (which is modified) and the search continues through it, so that the candidates left at the end
 * form the largest subset in which no member has such a path.
 *
 * @param adj - The DAG.
 * @param query - X, Y and An(X).
 * @param candidates - Mask of the set under test (modified when `remove` is true).
 * @param remove - Remove violating candidates and search on through them.
 * @returns Mask of the candidates found to violate condition (iii).
 */
export function outcomeViolations(adj: Adjacency, query: FrontDoorQuery, candidates: Uint8Array, remove: boolean): Uint8Array {
  const n = adj.size;
  const { visited, waitingUp, queue } = searchScratch(n);
  const violating = new Uint8Array(n);
  const { yMask, xMask, exposureAncestors } = query;
  const { parentStart, parents, childStart, children } = adj;
  // NOTE: search states are 2·v + direction; push and arrive are written out in the two loops below
  // (this search runs hundreds of times per listing of minimal front-door sets).
  let tail = 0;
  for (const v of query.y) {
    if (visited[2 * v + UP] === 0) {
      visited[2 * v + UP] = 1;
      queue[tail++] = 2 * v + UP;
    }
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const v = state >> 1;
    const conditioned = xMask[v] !== 0;
    if ((state & 1) === UP ? !conditioned : exposureAncestors[v] !== 0) {
      for (let k = parentStart[v]!, end = parentStart[v + 1]!; k < end; k++) {
        const w = parents[k]!;
        if (yMask[w] !== 0) continue;
        // NOTE: a candidate entered from a child (moving up) is not yet a violation: remember it,
        // so that the search can continue upward through it if it is removed later.
        if (candidates[w] !== 0) {
          waitingUp[w] = 1;
          continue;
        }
        if (visited[2 * w + UP] === 0) {
          visited[2 * w + UP] = 1;
          queue[tail++] = 2 * w + UP;
        }
      }
    }
    if (!conditioned) {
      for (let k = childStart[v]!, end = childStart[v + 1]!; k < end; k++) {
        const w = children[k]!;
        if (yMask[w] !== 0) continue;
        if (candidates[w] !== 0) {
          violating[w] = 1;
          if (!remove) continue;
          candidates[w] = 0;
          if (waitingUp[w] !== 0 && visited[2 * w + UP] === 0) {
            visited[2 * w + UP] = 1;
            queue[tail++] = 2 * w + UP;
          }
        }
        if (visited[2 * w + DOWN] === 0) {
          visited[2 * w + DOWN] = 1;
          queue[tail++] = 2 * w + DOWN;
        }
      }
    }
  }
  // NOTE: the scratch is left clean for the next search (only the states visited are reset).
  for (let i = 0; i < tail; i++) visited[queue[i]!] = 0;
  waitingUp.fill(0);
  return violating;
}

let scratch: { visited: Uint8Array; waitingUp: Uint8Array; queue: Int32Array } | undefined;

/** Zeroed search buffers for graphs of n nodes (shared by every search; each leaves them zeroed). */
function searchScratch(n: number): { visited: Uint8Array; waitingUp: Uint8Array; queue: Int32Array } {
  if (scratch === undefined || scratch.waitingUp.length !== n) scratch = { visited: new Uint8Array(2 * n), waitingUp: new Uint8Array(n), queue: new Int32Array(2 * n) };
  return scratch;
}

/**
 * Whether every directed path from X to Y meets the blocked set.
 *
 * @param adj - The DAG.
 * @param query - X and Y.
 * @param blocked - Mask of the set.
 * @returns True when no directed path avoids it.
 */
export function interceptsCausalPaths(adj: Adjacency, query: FrontDoorQuery, blocked: Uint8Array): boolean {
  const reach = descendantMask(adj, query.x, blocked);
  for (const v of query.y) if (reach[v] !== 0) return false;
  return true;
}

/**
 * The largest front-door set inside `allowed`, as a mask, or null when there is none.
 *
 * @param dag - The graph.
 * @param query - From {@link frontDoorQuery}.
 * @param allowed - Mask of the nodes the set may contain.
 * @returns The mask (every front-door set inside `allowed` is a subset of it), or null.
 */
export function largestFrontDoorMask(dag: Dag, query: FrontDoorQuery, allowed: Uint8Array): Uint8Array | null {
  const candidates = new Uint8Array(dag.size);
  for (let v = 0; v < dag.size; v++) {
    if (allowed[v] !== 0 && dag.latent[v] === 0 && query.xMask[v] === 0 && query.yMask[v] === 0 && query.backdoorReach[v] === 0) candidates[v] = 1;
  }
  outcomeViolations(dag, query, candidates, true);
  return interceptsCausalPaths(dag, query, candidates) ? candidates : null;
}

/**
 * An inclusion-minimal front-door set inside `allowed` (as a mask), or null when there is none.
 *
 * @param dag - The graph.
 * @param query - From {@link frontDoorQuery}.
 * @param allowed - Mask of the nodes the set may contain.
 * @returns A front-door set none of whose proper subsets is one, or null.
 */
export function minimalFrontDoorMask(dag: Dag, query: FrontDoorQuery, allowed: Uint8Array): Uint8Array | null {
  const largest = largestFrontDoorMask(dag, query, allowed);
  return largest === null ? null : minimalFrontDoorMaskInside(dag, query, largest);
}

/**
 * An inclusion-minimal front-door set inside a largest front-door set (as a mask).
 *
 * @param dag - The graph.
 * @param query - From {@link frontDoorQuery}.
 * @param largest - A mask from {@link largestFrontDoorMask} (not null).
 * @returns A front-door set none of whose proper subsets is one.
 */
export function minimalFrontDoorMaskInside(dag: Dag, query: FrontDoorQuery, largest: Uint8Array): Uint8Array {
  // NOTE: "some front-door set lies inside A" is monotone in A, and a minimal such A is itself a
  // front-door set (its largest front-door subset would otherwise be a smaller such A).
  const minimal = minimalMonotoneSubset(Array.from(indicesOfMask(largest)), (members) => largestFrontDoorMask(dag, query, maskOf(dag.size, members)) !== null);
  return maskOf(dag.size, minimal);
}

/** Mask of the caller's `allowed` names (default: every node), rejecting X and Y members silently. */
function allowedMask(dag: Dag, names: readonly string[] | undefined): Uint8Array {
  if (names === undefined) return new Uint8Array(dag.size).fill(1);
  return maskOf(dag.size, resolveNodes(dag, names, "Allowed"));
}

/**
 * The largest front-door set for the effect of X on Y (it contains every other one), or null when
 * no front-door set exists. With `must`, null also when no front-door set contains those nodes.
 *
 * @param dag - The graph (latent nodes are never members).
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param options - `must` and `allowed` restrictions.
 * @returns The set, sorted, or null.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping X, Y.
 */
export function frontDoorSet(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], options: FrontDoorOptions = {}): string[] | null {
  const query = frontDoorQuery(dag, exposures, outcomes);
  const must = resolveNodes(dag, options.must ?? [], "Required");
  const largest = largestFrontDoorMask(dag, query, allowedMask(dag, options.allowed));
  if (largest === null || must.some((v) => largest[v] === 0)) return null;
  return namesOf(dag, indicesOfMask(largest));
}

/**
 * An inclusion-minimal front-door set for the effect of X on Y, or null when none exists. Among
 * several, the one QuickXplain reaches with the members in name order (later names are dropped first).
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @param options - `allowed` restriction (`must` is not supported here and is ignored).
 * @returns The set, sorted, or null.
 * @throws IslError as {@link frontDoorSet}.
 */
export function minimalFrontDoorSet(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], options: Pick<FrontDoorOptions, "allowed"> = {}): string[] | null {
  const query = frontDoorQuery(dag, exposures, outcomes);
  const minimal = minimalFrontDoorMask(dag, query, allowedMask(dag, options.allowed));
  return minimal === null ? null : namesOf(dag, indicesOfMask(minimal));
}

/**
 * Checks a set against the front-door criterion and says which condition fails for which member.
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @param set - Z (may be empty; disjoint from X and Y).
 * @returns The verdict.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when X, Y and Z overlap.
 */
export function frontDoorVerdict(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], set: readonly string[]): FrontDoorVerdict {
  const query = frontDoorQuery(dag, exposures, outcomes);
  const z = resolveNodes(dag, set, "Front-door");
  requireDisjoint(dag, [["Treatment", query.x], ["Outcome", query.y], ["Front-door", z]]);
  const zMask = maskOf(dag.size, z);
  const intercepts = interceptsCausalPaths(dag, query, zMask);
  const openFromExposure = namesOf(dag, z.filter((v) => query.backdoorReach[v] !== 0));
  const openToOutcome = namesOf(dag, indicesOfMask(outcomeViolations(dag, query, zMask.slice(), false)));
  const latent = namesOf(dag, z.filter((v) => dag.latent[v] !== 0));
  return {
    valid: intercepts && openFromExposure.length === 0 && openToOutcome.length === 0 && latent.length === 0,
    interceptsCausalPaths: intercepts,
    openFromExposure,
    openToOutcome,
    latent,
  };
}

/**
 * The front-door formula as text, e.g. `P(Y|do(X)) = Σ_{M} P(M|X) Σ_{X'} P(Y|X', M) P(X')`.
 *
 * @param exposures - X, in the order to print.
 * @param outcomes - Y, in the order to print.
 * @param set - Z, in the order to print.
 * @returns The estimand.
 */
export function frontDoorFormula(exposures: readonly string[], outcomes: readonly string[], set: readonly string[]): string {
  const x = exposures.join(", ");
  const y = outcomes.join(", ");
  const primed = exposures.map((v) => `${v}'`).join(", ");
  if (set.length === 0) return `P(${y}|do(${x})) = Σ_{${primed}} P(${y}|${primed}) P(${primed})`;
  const z = set.join(", ");
  return `P(${y}|do(${x})) = Σ_{${z}} P(${z}|${x}) Σ_{${primed}} P(${y}|${primed}, ${z}) P(${primed})`;
}

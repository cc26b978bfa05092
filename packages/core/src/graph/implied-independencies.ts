/**
 * The testable implications of a DAG as minimal conditional independencies among observed nodes:
 * for every unordered pair {a, b} of non-adjacent observed nodes, every set Z of observed nodes that
 * d-separates a and b and has no proper subset that does. Minimal d-separators lie in An({a, b}),
 * and for Z ⊆ An({a, b}) d-separation is vertex separation in the moral graph of An({a, b})
 * (Lauritzen et al.), so they are the minimal a–b separators of that moral graph inside the
 * observed nodes, listed with polynomial delay (Takata's enumeration, see minimal-separators.ts).
 * Adjacent pairs are never separable; pairs joined through latent nodes only may have no set.
 * Complexity: O(N + M + Σ|Pa|²) per pair, O(n²·(n + m)) delay per listed set; bounded by
 * `maxResults` and a step budget.
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, Artificial Intelligence 270 (2019)
 * 1–40 (minimal separators relative to a restriction R, LISTSEP); K. Takata, Discrete Applied
 * Mathematics 158 (2010) 1660–1667; S. L. Lauritzen, A. P. Dawid, B. N. Larsen, H.-G. Leimer,
 * Networks 20 (1990) 491–505; J. Textor et al., "Robust causal inference using directed acyclic
 * graphs: the R package 'dagitty'", Int. J. Epidemiology 45 (2016) (testable implications).
 */
import type { Dag } from "./dag.js";
import { minimalSeparators } from "./minimal-separators.js";
import { contractedMoralGraph } from "./moral-graph.js";
import { compareSets, positiveCap } from "./node-lookup.js";

/** One implied conditional independence x ⫫ y | given. */
export interface ImpliedIndependence {
  /** The first node (for `minimal`: the earlier of the pair in name order). */
  readonly x: string;
  /** The second node. */
  readonly y: string;
  /** The conditioning set, sorted by name (may be empty). */
  readonly given: string[];
}

/** A capped list of implied independencies. */
export interface ImpliedIndependenceList {
  /** Sorted by x, then y, then the conditioning set (lexicographically). */
  readonly independencies: ImpliedIndependence[];
  /** True when the list may be incomplete (cap, step budget or stop request). */
  readonly truncated: boolean;
}

/** Options of {@link minimalImpliedIndependencies} and `localMarkovBasis`. */
export interface ImpliedIndependenceOptions {
  /** At most this many statements (default 1000). */
  readonly maxResults?: number;
  /** Search budget in pairs examined plus sets listed (default 1,000,000). */
  readonly maxSteps?: number;
  /** Polled between steps; returning true ends the listing early (deadline, abort). */
  readonly shouldStop?: () => boolean;
}

/** Default cap on listed statements. */
export const DEFAULT_MAX_IMPLIED_INDEPENDENCIES = 1000;
/** Default search budget. */
export const DEFAULT_MAX_IMPLIED_STEPS = 1_000_000;

/**
 * Whether two nodes are joined by an edge (either direction).
 *
 * @param dag - The graph.
 * @param a - A node index.
 * @param b - Another node index.
 * @returns True when a → b or b → a.
 */
export function adjacent(dag: Dag, a: number, b: number): boolean {
  for (let k = dag.childStart[a]!; k < dag.childStart[a + 1]!; k++) if (dag.children[k] === b) return true;
  for (let k = dag.parentStart[a]!; k < dag.parentStart[a + 1]!; k++) if (dag.parents[k] === b) return true;
  return false;
}

/**
 * Lazily lists the minimal separators among observed nodes of two nodes, each as ascending node
 * indices, in the enumeration's order; the first is the one closest to `a`.
 *
 * @param dag - The graph.
 * @param a - One node index.
 * @param b - Another node index (not adjacent to `a`).
 * @param allowed - Mask of nodes allowed in a separator (e.g. the observed ones).
 * @returns A generator of separators (nothing when no allowed set separates them).
 */
export function* minimalSeparatorsBetween(dag: Dag, a: number, b: number, allowed: Uint8Array): Generator<number[], void, undefined> {
  const aMask = new Uint8Array(dag.size);
  const bMask = new Uint8Array(dag.size);
  aMask[a] = 1;
  bMask[b] = 1;
  const moral = contractedMoralGraph(dag, aMask, bMask);
  const allowedLocal = new Uint8Array(moral.graph.size);
  for (let i = 0; i < moral.dagIndex.length; i++) allowedLocal[i] = allowed[moral.dagIndex[i]!]!;
  for (const separator of minimalSeparators(moral.graph, moral.source, moral.target, allowedLocal)) {
    yield Array.from(separator, (i) => moral.dagIndex[i]!);
  }
}

/** Sorts statements by x, y, then the conditioning set. */
export function sortIndependencies(list: ImpliedIndependence[]): ImpliedIndependence[] {
  return list.sort((p, q) => (p.x < q.x ? -1 : p.x > q.x ? 1 : p.y < q.y ? -1 : p.y > q.y ? 1 : compareSets(p.given, q.given)));
}

/**
 * Every minimal conditional independence among observed nodes implied by the graph (d-separation):
 * for each unordered pair of observed nodes {x, y} (x before y in name order), every minimal set of
 * observed nodes that d-separates them. `given: []` means x and y are marginally independent.
 * When truncated, the statements are the first `maxResults` in pair order, then sorted.
 *
 * @param dag - The graph.
 * @param options - `maxResults` (default 1000), `maxSteps` (default 1,000,000), `shouldStop`.
 * @returns The statements and whether the list was cut.
 * @throws IslError ISL_INVALID_INPUT for a bad cap or budget.
 */
export function minimalImpliedIndependencies(dag: Dag, options: ImpliedIndependenceOptions = {}): ImpliedIndependenceList {
  const cap = positiveCap(options.maxResults, DEFAULT_MAX_IMPLIED_INDEPENDENCIES, "maxResults");
  const maxSteps = positiveCap(options.maxSteps, DEFAULT_MAX_IMPLIED_STEPS, "maxSteps");
  const observed = new Uint8Array(dag.size);
  for (let v = 0; v < dag.size; v++) observed[v] = dag.latent[v] === 0 ? 1 : 0;
  const out: ImpliedIndependence[] = [];
  let steps = 0;
  let truncated = false;
  const stop = (): boolean => ++steps > maxSteps || (options.shouldStop !== undefined && options.shouldStop());
  search: for (let a = 0; a < dag.size; a++) {
    if (observed[a] === 0) continue;
    for (let b = a + 1; b < dag.size; b++) {
      if (observed[b] === 0 || adjacent(dag, a, b)) continue;
      if (stop()) {
        truncated = true;
        break search;
      }
      for (const separator of minimalSeparatorsBetween(dag, a, b, observed)) {
        if (out.length === cap || stop()) {
          truncated = true;
          break search;
        }
        out.push({ x: dag.names[a]!, y: dag.names[b]!, given: separator.map((v) => dag.names[v]!) });
      }
    }
  }
  return { independencies: sortIndependencies(out), truncated };
}

/**
 * Why covariate adjustment fails for a single exposure and outcome: the back-door paths left open
 * by the canonical candidate An({x, y}) ∩ admissible (non-empty exactly when no adjustment set
 * exists), and the back-door paths that no admissible set can block at all — collider-free paths
 * whose interior nodes are all latent or forbidden. Complexity: O(N + M) plus the bounded path
 * enumeration of backdoor-paths.ts.
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, Artificial Intelligence 270 (2019)
 * 1–40 (the canonical set is valid iff some adjustment set exists); J. Pearl, "Causality" (2009),
 * §3.3.1 (back-door paths).
 */
import { admissibleMask, canonicalCandidateMask } from "./adjustment-criterion.js";
import { namedPaths, searchOpenPaths, DEFAULT_MAX_PATH_STEPS, DEFAULT_MAX_PATHS, type PathList } from "./backdoor-paths.js";
import type { Dag } from "./dag.js";
import { dConnectionSearch } from "./d-separation.js";
import { indicesOfMask, namesOf, positiveCap } from "./node-lookup.js";
import { causalStructure } from "./proper-causal-paths.js";

/** Options of {@link adjustmentObstructions}. */
export interface ObstructionOptions {
  /** At most this many paths per list (default 100). */
  readonly maxPaths?: number;
  /** Search budget per list, in path extensions (default 1,000,000). */
  readonly maxSteps?: number;
}

/** The explanation returned by {@link adjustmentObstructions}. */
export interface AdjustmentObstructions {
  /** True when an adjustment set exists (then both path lists are empty). */
  readonly identifiable: boolean;
  /** The canonical candidate An({x, y}) ∩ (observed \ Forb), sorted — an adjustment set iff `identifiable`. */
  readonly candidate: string[];
  /**
   * Back-door paths open given the candidate. Non-empty exactly when no adjustment set exists:
   * the candidate is the most inclusive admissible set, and each path is a witness that it fails.
   */
  readonly openGivenCandidate: PathList;
  /**
   * Back-door paths open given every admissible set: no colliders, every interior node latent or
   * forbidden. Each one alone proves that no adjustment set exists. May be empty even when no set
   * exists (when every blocking set opens another path through a collider).
   */
  readonly unblockable: PathList;
}

/**
 * Explains a failure of covariate adjustment for the effect of `exposure` on `outcome`.
 * Paths are evaluated in the proper back-door graph (whose back-door paths are those of the graph).
 *
 * @param dag - The graph.
 * @param exposure - The exposure (treatment) node.
 * @param outcome - The outcome node.
 * @param options - Caps on each path list.
 * @returns Identifiability, the canonical candidate and the two path lists.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for equal nodes or bad caps.
 */
export function adjustmentObstructions(dag: Dag, exposure: string, outcome: string, options: ObstructionOptions = {}): AdjustmentObstructions {
  const structure = causalStructure(dag, exposure, outcome);
  const maxPaths = positiveCap(options.maxPaths, DEFAULT_MAX_PATHS, "maxPaths");
  const maxSteps = positiveCap(options.maxSteps, DEFAULT_MAX_PATH_STEPS, "maxSteps");
  const graph = structure.backdoorGraph;
  const from = structure.x[0]!;
  const to = structure.y[0]!;
  const candidate = canonicalCandidateMask(dag, structure);
  const open = searchOpenPaths(graph, { from, to, given: candidate, intoStartOnly: true, maxPaths, maxSteps });
  const admissible = admissibleMask(dag, structure);
  const notAdmissible = new Uint8Array(dag.size);
  for (let v = 0; v < dag.size; v++) notAdmissible[v] = admissible[v] === 0 ? 1 : 0;
  // NOTE: with Z = ∅ no collider is open, so these are exactly the collider-free paths through
  // non-admissible nodes — open whatever admissible set is conditioned on.
  const stuck = searchOpenPaths(graph, { from, to, given: new Uint8Array(dag.size), interior: notAdmissible, intoStartOnly: true, maxPaths, maxSteps });
  return {
    identifiable: dConnectionSearch(graph, structure.x, structure.yMask, candidate, false).reached < 0,
    candidate: namesOf(dag, indicesOfMask(candidate)),
    openGivenCandidate: namedPaths(dag, open),
    unblockable: namedPaths(dag, stuck),
  };
}

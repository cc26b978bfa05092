/**
 * The generalised adjustment criterion for the total effect of X on Y: Z (observed, disjoint from
 * X ∪ Y) is an adjustment set iff (a) Z ∩ Forb(X, Y) = ∅ and (b) Z d-separates X and Y in the proper
 * back-door graph; and the canonical candidate An(X ∪ Y) ∩ (observed \ Forb(X, Y)), which is an
 * adjustment set whenever any adjustment set exists. Complexity: O(N + M) per test.
 * References: I. Shpitser, T. VanderWeele, J. Robins, UAI 2010 (the criterion); B. van der Zander,
 * M. Liśkiewicz, J. Textor, UAI-CI 2014 and Artificial Intelligence 270 (2019) 1–40 (the
 * constructive form and the canonical set, their Theorem "Adjust(X, Y)"); E. Perković, J. Textor,
 * M. Kalisch, M. Maathuis, "Complete graphical characterization and construction of adjustment
 * sets in Markov equivalence classes of ancestral graphs", JMLR 18 (2018).
 */
import { ancestorMask } from "./ancestry.js";
import type { Dag } from "./dag.js";
import { dConnectionSearch } from "./d-separation.js";
import { indicesOfMask, maskOf, namesOf, requireDisjoint, resolveNodes } from "./node-lookup.js";
import { causalStructure, type CausalStructure } from "./proper-causal-paths.js";

/** Why a set is or is not an adjustment set. */
export interface AdjustmentVerdict {
  /** True when the set satisfies the criterion and contains no latent node. */
  readonly valid: boolean;
  /** Members of the set that are forbidden (descendants of a node on a proper causal path), sorted. */
  readonly forbidden: string[];
  /** Members of the set that are latent (cannot be measured), sorted. */
  readonly latent: string[];
  /** A path from X to Y in the proper back-door graph left open by the set, or null when blocked. */
  readonly openPath: string[] | null;
}

/**
 * Checks a candidate adjustment set against the criterion and says why it fails.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param set - Z: the candidate adjustment set (may be empty).
 * @returns The verdict with the offending members and an open path, if any.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when X, Y and Z overlap
 *   or X or Y is empty.
 */
export function adjustmentSetVerdict(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], set: readonly string[]): AdjustmentVerdict {
  const structure = causalStructure(dag, exposures, outcomes);
  const z = resolveNodes(dag, set, "Adjustment");
  requireDisjoint(dag, [["Treatment", structure.x], ["Outcome", structure.y], ["Adjustment", z]]);
  const forbidden = namesOf(dag, z.filter((v) => structure.forbidden[v] !== 0));
  const latent = namesOf(dag, z.filter((v) => dag.latent[v] !== 0));
  const { path } = dConnectionSearch(structure.backdoorGraph, structure.x, structure.yMask, maskOf(dag.size, z), true);
  const openPath = path === null ? null : namesOf(dag, path);
  return { valid: forbidden.length === 0 && latent.length === 0 && openPath === null, forbidden, latent, openPath };
}

/**
 * Whether Z is an adjustment set for the total effect of X on Y (generalised adjustment
 * criterion; latent members make it invalid because they cannot be measured).
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @param set - Z.
 * @returns True when Z is a valid adjustment set.
 * @throws IslError as {@link adjustmentSetVerdict}.
 */
export function isAdjustmentSet(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], set: readonly string[]): boolean {
  return adjustmentSetVerdict(dag, exposures, outcomes, set).valid;
}

/**
 * The nodes allowed in an adjustment set: observed, not forbidden (Forb includes X and Y).
 *
 * @param dag - The graph.
 * @param structure - From {@link causalStructure}.
 * @returns A 0/1 mask.
 */
export function admissibleMask(dag: Dag, structure: CausalStructure): Uint8Array {
  const allowed = new Uint8Array(dag.size);
  for (let v = 0; v < dag.size; v++) if (dag.latent[v] === 0 && structure.forbidden[v] === 0) allowed[v] = 1;
  return allowed;
}

/**
 * The canonical candidate An(X ∪ Y) ∩ admissible, as a mask (whether or not it is valid).
 *
 * @param dag - The graph.
 * @param structure - From {@link causalStructure}.
 * @returns A 0/1 mask of the candidate.
 */
export function canonicalCandidateMask(dag: Dag, structure: CausalStructure): Uint8Array {
  const allowed = admissibleMask(dag, structure);
  const anc = ancestorMask(dag, [...structure.x, ...structure.y]);
  for (let v = 0; v < dag.size; v++) allowed[v]! &= anc[v]!;
  return allowed;
}

/**
 * The canonical adjustment set An(X ∪ Y) ∩ (observed \ (X ∪ Y ∪ Forb(X, Y))), or null when it is not
 * an adjustment set — in which case no adjustment set exists at all (van der Zander et al. 2019).
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @returns The canonical set, sorted, or null.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping X, Y.
 */
export function canonicalAdjustmentSet(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): string[] | null {
  const structure = causalStructure(dag, exposures, outcomes);
  const candidate = canonicalCandidateMask(dag, structure);
  if (dConnectionSearch(structure.backdoorGraph, structure.x, structure.yMask, candidate, false).reached >= 0) return null;
  return namesOf(dag, indicesOfMask(candidate));
}

/**
 * The optimal adjustment set (O-set) of Henckel, Perković & Maathuis: O(X, Y) = pa(cn(X, Y)) \
 * forb(X, Y), where cn(X, Y) are the nodes other than X on proper causal paths from X to Y and
 * forb(X, Y) = de(cn(X, Y)) ∪ X. For a point exposure X with every outcome a descendant of X, O is
 * a valid adjustment set whenever any is, and among all valid sets it gives the smallest asymptotic
 * variance of the adjusted estimator (OLS in linear causal models, Henckel et al.; every regular
 * asymptotically linear estimator, Rotnitzky & Smucler). It is applied only where that theory
 * holds: one exposure, outcomes that are descendants of it, and no latent node in O (with latent
 * parents of causal nodes an optimal set may not exist, and O cannot be measured). Otherwise the
 * result says why instead of giving a set.
 * Complexity: O(N + M).
 * References: L. Henckel, E. Perković, M. H. Maathuis, "Graphical criteria for efficient total
 * effect estimation via adjustment in causal linear models", JRSS-B 84 (2022) 579–599;
 * A. Rotnitzky, E. Smucler, "Efficient adjustment sets for population average causal treatment
 * effect estimation in graphical models", JMLR 21 (2020) 1–86; J. Witte, L. Henckel, M. H.
 * Maathuis, V. Didelez, "On efficient adjustment in causal graphs", JMLR 21 (2020) 1–45.
 */
import { constrainedAdjustment, findConstrainedAdjustmentMask, separatesInBackdoorGraph, type ConstrainedAdjustment } from "./constrained-adjustment.js";
import type { Dag } from "./dag.js";
import { indicesOfMask, namesOf } from "./node-lookup.js";

/** Why the O-set is not given. */
export type OptimalSetUnavailable =
  /** More than one exposure: the optimality theory used here is for point exposures. */
  | "multiple_exposures"
  /** An outcome is not a descendant of the exposure (its effect is zero; O is defined for descendants). */
  | "outcome_not_descendant"
  /** No valid adjustment set exists at all. */
  | "no_valid_set"
  /** A causal node has a latent parent outside the forbidden set: O is not measurable. */
  | "latent_in_optimal_set";

/** The O-set, or why it is not given. */
export interface OptimalAdjustmentResult {
  /** O(X, Y), sorted by name, or null when not given. */
  readonly set: string[] | null;
  /** Null when the set is given; otherwise the reason. */
  readonly unavailable: OptimalSetUnavailable | null;
  /**
   * The nodes behind the reason: the outcomes that are not descendants of X, or the causal nodes
   * (cn) that have a latent parent in O. Empty otherwise.
   */
  readonly nodes: string[];
  /** cn(X, Y): nodes other than X on proper causal paths, sorted (for explanations). */
  readonly causalNodes: string[];
}

/**
 * The O-set for the total effect of X on Y, where the theory applies.
 *
 * @param dag - The graph.
 * @param exposures - X: one name (a list of one is accepted; more gives `multiple_exposures`).
 * @param outcomes - Y: one name or several.
 * @returns The set, or null with the reason.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping X, Y.
 */
export function optimalAdjustmentSet(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): OptimalAdjustmentResult {
  return optimalAdjustmentFor(dag, constrainedAdjustment(dag, exposures, outcomes));
}

/**
 * The O-set of a resolved problem (its constraints are ignored: O is one fixed set).
 *
 * @param dag - The graph.
 * @param problem - From `constrainedAdjustment`.
 * @returns As {@link optimalAdjustmentSet}.
 */
export function optimalAdjustmentFor(dag: Dag, problem: ConstrainedAdjustment): OptimalAdjustmentResult {
  const { structure } = problem;
  const n = dag.size;
  const causalNodes = namesOf(dag, indicesOfMask(structure.pcp));
  const none = (unavailable: OptimalSetUnavailable, nodes: string[] = []): OptimalAdjustmentResult => ({ set: null, unavailable, nodes, causalNodes });
  if (structure.x.length > 1) return none("multiple_exposures");
  const unreached = structure.y.filter((y) => structure.pcp[y] === 0);
  if (unreached.length > 0) return none("outcome_not_descendant", namesOf(dag, unreached));
  const unconstrained = constrainedAdjustment(dag, namesOf(dag, structure.x), namesOf(dag, structure.y));
  if (findConstrainedAdjustmentMask(dag, unconstrained) === null) return none("no_valid_set");
  const optimal = new Uint8Array(n);
  const latentParentOf = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    if (structure.pcp[c] === 0) continue;
    for (let k = dag.parentStart[c]!; k < dag.parentStart[c + 1]!; k++) {
      const p = dag.parents[k]!;
      // NOTE: forb(X, Y) = de(cn) ∪ X is `structure.forbidden` (which also holds Y ⊆ cn).
      if (structure.forbidden[p] !== 0) continue;
      optimal[p] = 1;
      if (dag.latent[p] !== 0) latentParentOf[c] = 1;
    }
  }
  if (latentParentOf.some((b) => b !== 0)) return none("latent_in_optimal_set", namesOf(dag, indicesOfMask(latentParentOf)));
  // NOTE: with one exposure, every outcome a descendant and O observed, O is valid (Henckel et al.
  // 2022, Lemma "O is valid"); the check guards the theory's preconditions, at O(N + M).
  if (!separatesInBackdoorGraph(unconstrained, optimal)) return none("no_valid_set");
  return { set: namesOf(dag, indicesOfMask(optimal)), unavailable: null, nodes: [], causalNodes };
}

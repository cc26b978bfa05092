/**
 * Adjustment sets under inclusion and restriction constraints I ⊆ Z ⊆ R: resolving `must` (I) and
 * `must_not` (taken out of R), and FINDSEP — the test whether any adjustment set Z with
 * I ⊆ Z ⊆ R exists, which holds iff the candidate An(X ∪ Y ∪ I) ∩ R' d-separates X and Y in the
 * proper back-door graph (R' = R minus latent and forbidden nodes). The candidate is then the
 * canonical constrained set. Complexity: O(N + M) per test.
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, "Separators and adjustment sets in
 * causal graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270
 * (2019) 1–40 — the I ⊆ Z ⊆ R framework, FINDSEP and the constructive adjustment criterion;
 * I. Shpitser, T. VanderWeele, J. Robins, UAI 2010 (the criterion).
 */
import { IslError } from "../errors.js";
import { admissibleMask } from "./adjustment-criterion.js";
import { ancestorMask } from "./ancestry.js";
import type { Dag } from "./dag.js";
import { dConnectionSearch } from "./d-separation.js";
import { indicesOfMask, maskOf, namesOf, requireDisjoint, resolveNodes } from "./node-lookup.js";
import { causalStructure, type CausalStructure } from "./proper-causal-paths.js";

/** Constraints on the adjustment sets looked for. */
export interface AdjustmentConstraints {
  /** I: every returned set contains these observed nodes (`must`). */
  readonly include?: readonly string[];
  /** Never part of a returned set (`must_not`); names of X, Y or latent nodes are harmless here. */
  readonly exclude?: readonly string[];
}

/** A resolved adjustment problem with its constraints, as index masks. */
export interface ConstrainedAdjustment {
  /** PCP, Forb and the proper back-door graph of (X, Y). */
  readonly structure: CausalStructure;
  /** I, ascending. */
  readonly include: Int32Array;
  /** Mask of I. */
  readonly includeMask: Uint8Array;
  /** R': nodes allowed in a set — observed, not forbidden, not excluded. */
  readonly allowed: Uint8Array;
  /** Members of I that are forbidden (mediators or their descendants): then no set exists. */
  readonly forbiddenIncluded: Int32Array;
}

/**
 * Resolves X, Y and the constraints.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param constraints - `include` (I) and `exclude`.
 * @returns The constrained problem.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT when X, Y are empty or
 *   overlap, when I meets X ∪ Y or the excluded nodes, or when I names a latent node.
 */
export function constrainedAdjustment(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], constraints: AdjustmentConstraints = {}): ConstrainedAdjustment {
  const structure = causalStructure(dag, exposures, outcomes);
  const include = resolveNodes(dag, constraints.include ?? [], "Required adjustment");
  const exclude = resolveNodes(dag, constraints.exclude ?? [], "Excluded adjustment");
  requireDisjoint(dag, [["Treatment", structure.x], ["Outcome", structure.y], ["Required adjustment", include]]);
  requireDisjoint(dag, [["Required adjustment", include], ["Excluded adjustment", exclude]]);
  const latent = namesOf(dag, include.filter((v) => dag.latent[v] !== 0));
  if (latent.length > 0) {
    throw new IslError("ISL_INVALID_INPUT", `Required adjustment node(s) ${latent.map((s) => `'${s}'`).join(", ")} are latent (unobserved) and cannot be adjusted for.`, {
      details: { field: "must", latent },
      recovery: { hints: ["Remove latent nodes from 'must'.", "Or mark them observed if they are measured."], suggestion: "Require only observed nodes." },
    });
  }
  const allowed = admissibleMask(dag, structure);
  for (const v of exclude) allowed[v] = 0;
  const forbiddenIncluded = include.filter((v) => structure.forbidden[v] !== 0);
  return { structure, include, includeMask: maskOf(dag.size, include), allowed, forbiddenIncluded };
}

/**
 * FINDSEP for adjustment: the candidate An(X ∪ Y ∪ I) ∩ R' (with I), whether or not it is valid.
 * Null when I ⊄ R' (a required node is forbidden), where no set can exist.
 *
 * @param dag - The graph.
 * @param problem - From {@link constrainedAdjustment}.
 * @param include - Mask of I (default: the problem's).
 * @param allowed - Mask of R' (default: the problem's).
 * @returns A mask of the candidate, or null.
 */
export function constrainedCandidateMask(dag: Dag, problem: ConstrainedAdjustment, include: Uint8Array = problem.includeMask, allowed: Uint8Array = problem.allowed): Uint8Array | null {
  const n = dag.size;
  const seeds: number[] = [];
  for (let v = 0; v < n; v++) {
    if (include[v] !== 0) {
      if (allowed[v] === 0) return null;
      seeds.push(v);
    } else if (problem.structure.xMask[v] !== 0 || problem.structure.yMask[v] !== 0) seeds.push(v);
  }
  const candidate = ancestorMask(problem.structure.backdoorGraph, seeds);
  for (let v = 0; v < n; v++) candidate[v]! &= allowed[v]!;
  return candidate;
}

/**
 * Whether a mask Z d-separates X and Y in the proper back-door graph.
 *
 * @param problem - From {@link constrainedAdjustment}.
 * @param z - Mask of Z (must avoid X ∪ Y).
 * @returns True when every path is blocked.
 */
export function separatesInBackdoorGraph(problem: ConstrainedAdjustment, z: Uint8Array): boolean {
  const { backdoorGraph, x, yMask } = problem.structure;
  return dConnectionSearch(backdoorGraph, x, yMask, z, false).reached < 0;
}

/**
 * FINDSEP: a valid adjustment set Z with I ⊆ Z ⊆ R', as a mask, or null when none exists.
 *
 * @param dag - The graph.
 * @param problem - From {@link constrainedAdjustment}.
 * @param include - Mask of I (default: the problem's).
 * @param allowed - Mask of R' (default: the problem's).
 * @returns The canonical constrained set An(X ∪ Y ∪ I) ∩ R', or null.
 */
export function findConstrainedAdjustmentMask(dag: Dag, problem: ConstrainedAdjustment, include?: Uint8Array, allowed?: Uint8Array): Uint8Array | null {
  const candidate = constrainedCandidateMask(dag, problem, include, allowed);
  if (candidate === null || !separatesInBackdoorGraph(problem, candidate)) return null;
  return candidate;
}

/**
 * The canonical adjustment set under constraints: An(X ∪ Y ∪ I) ∩ (observed \ (Forb ∪ excluded)),
 * which contains I and is an adjustment set whenever any adjustment set Z with I ⊆ Z avoiding the
 * excluded nodes exists; null otherwise. Without constraints this is the canonical set of
 * `canonicalAdjustmentSet`.
 *
 * @param dag - The graph.
 * @param exposures - X.
 * @param outcomes - Y.
 * @param constraints - `include` and `exclude`.
 * @returns The set, sorted, or null.
 * @throws IslError as {@link constrainedAdjustment}.
 */
export function constrainedCanonicalAdjustmentSet(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], constraints: AdjustmentConstraints = {}): string[] | null {
  const problem = constrainedAdjustment(dag, exposures, outcomes, constraints);
  const found = findConstrainedAdjustmentMask(dag, problem);
  return found === null ? null : namesOf(dag, indicesOfMask(found));
}

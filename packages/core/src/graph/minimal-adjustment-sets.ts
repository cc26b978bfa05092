/**
 * Every minimal adjustment set for the total effect of X on Y (generalised adjustment criterion),
 * listed lazily with polynomial delay: the minimal s–t separators, inside the admissible nodes
 * (observed, not forbidden), of the moral graph of An(X ∪ Y) in the proper back-door graph with X
 * and Y contracted. Minimal means no proper subset is an adjustment set (not minimum cardinality).
 * With constraints I ⊆ Z ⊆ R (`include`, `exclude`): the sets minimal among adjustment sets that
 * contain I and avoid the excluded nodes — I plus the minimal separators, inside R \ I, of the
 * contracted moral graph of An(X ∪ Y ∪ I) with I deleted (van der Zander et al. 2019, §3).
 * Complexity: O(N + M + Σ|Pa|²) set-up, then O(n²·(n + m)) delay per set on the moral graph.
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, "Constructing separators and adjustment
 * sets in ancestral graphs", UAI-CI 2014, and Artificial Intelligence 270 (2019) 1–40 (reduction of
 * minimal adjustment sets to minimal separators of the moralised proper back-door graph, LISTSEP);
 * K. Takata, Discrete Applied Mathematics 158 (2010) 1660–1667 (the enumeration).
 */
import { constrainedAdjustment, type AdjustmentConstraints } from "./constrained-adjustment.js";
import type { Dag } from "./dag.js";
import { minimalSeparators } from "./minimal-separators.js";
import { compareSets, positiveCap } from "./node-lookup.js";
import { contractedMoralGraph } from "./moral-graph.js";

/** Default cap on the number of sets returned by {@link minimalAdjustmentSets}. */
export const DEFAULT_MAX_ADJUSTMENT_SETS = 1000;

/** Options of {@link minimalAdjustmentSets}: the cap and the constraints I ⊆ Z ⊆ R. */
export interface MinimalAdjustmentOptions extends AdjustmentConstraints {
  /** Return at most this many sets (default 1000; at least 1). */
  readonly maxResults?: number;
}

/** A capped list of adjustment sets. */
export interface AdjustmentSetList {
  /** Sets, each sorted by name; the list sorted lexicographically. `[[]]`: the empty set suffices. */
  readonly sets: string[][];
  /** True when more minimal sets exist than were returned. */
  readonly truncated: boolean;
}

/**
 * Lists the minimal adjustment sets lazily, each sorted by node name, in the enumeration's own
 * deterministic order (depth-first; not sorted). Validation happens on the call, not on the
 * first `next()`. Nothing is listed when no adjustment set exists (under the constraints).
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param constraints - Optional `include` (every set contains these; minimality is then among the
 *   supersets of `include`) and `exclude` (never in a set).
 * @returns An iterable of sets; iterate as far as needed.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping
 *   X, Y, for `include` meeting X, Y or `exclude`, or naming a latent node.
 */
export function enumerateMinimalAdjustmentSets(
  dag: Dag,
  exposures: string | readonly string[],
  outcomes: string | readonly string[],
  constraints: AdjustmentConstraints = {},
): Iterable<string[]> {
  const problem = constrainedAdjustment(dag, exposures, outcomes, constraints);
  const { structure, include, includeMask, allowed } = problem;
  if (problem.forbiddenIncluded.length > 0) return [];
  const moral = contractedMoralGraph(structure.backdoorGraph, structure.xMask, structure.yMask, include);
  const { dagIndex, source, target } = moral;
  const allowedLocal = new Uint8Array(moral.graph.size);
  const removedLocal = new Uint8Array(moral.graph.size);
  for (let i = 0; i < dagIndex.length; i++) {
    const v = dagIndex[i]!;
    if (includeMask[v] !== 0) removedLocal[i] = 1;
    else allowedLocal[i] = allowed[v]!;
  }
  return {
    *[Symbol.iterator]() {
      const separators = include.length > 0 ? minimalSeparators(moral.graph, source, target, allowedLocal, removedLocal) : minimalSeparators(moral.graph, source, target, allowedLocal);
      for (const separator of separators) {
        const members = Array.from(separator, (i) => dagIndex[i]!);
        if (include.length > 0) {
          members.push(...include);
          // NOTE: node indices are in name order, so a numeric sort is a name sort.
          members.sort((a, b) => a - b);
        }
        yield members.map((v) => dag.names[v]!);
      }
    },
  };
}

/**
 * All minimal adjustment sets for the total effect of X on Y, up to `maxResults`.
 * When truncated, the sets are the first `maxResults` of the enumeration order, then sorted.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param options - `maxResults` (default 1000), `include` and `exclude` (see {@link enumerateMinimalAdjustmentSets}).
 * @returns The sets (sorted lists of sorted names) and whether the list was cut.
 * @throws IslError as {@link enumerateMinimalAdjustmentSets}; ISL_INVALID_INPUT for a bad `maxResults`.
 */
export function minimalAdjustmentSets(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], options: MinimalAdjustmentOptions = {}): AdjustmentSetList {
  const cap = positiveCap(options.maxResults, DEFAULT_MAX_ADJUSTMENT_SETS, "maxResults");
  const sets: string[][] = [];
  let truncated = false;
  for (const set of enumerateMinimalAdjustmentSets(dag, exposures, outcomes, options)) {
    if (sets.length === cap) {
      truncated = true;
      break;
    }
    sets.push(set);
  }
  sets.sort(compareSets);
  return { sets, truncated };
}

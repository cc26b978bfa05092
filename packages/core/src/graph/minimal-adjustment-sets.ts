/**
 * Every minimal adjustment set for the total effect of X on Y (generalised adjustment criterion),
 * listed lazily with polynomial delay: the minimal s–t separators, inside the admissible nodes
 * (observed, not forbidden), of the moral graph of An(X ∪ Y) in the proper back-door graph with X
 * and Y contracted. Minimal means no proper subset is an adjustment set (not minimum cardinality).
 * Complexity: O(N + M + Σ|Pa|²) set-up, then O(n²·(n + m)) delay per set on the moral graph.
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, "Constructing separators and adjustment
 * sets in ancestral graphs", UAI-CI 2014, and Artificial Intelligence 270 (2019) 1–40 (reduction of
 * minimal adjustment sets to minimal separators of the moralised proper back-door graph, LISTSEP);
 * K. Takata, Discrete Applied Mathematics 158 (2010) 1660–1667 (the enumeration).
 */
import { admissibleMask } from "./adjustment-criterion.js";
import type { Dag } from "./dag.js";
import { minimalSeparators } from "./minimal-separators.js";
import { compareSets, positiveCap } from "./node-lookup.js";
import { contractedMoralGraph } from "./moral-graph.js";
import { causalStructure } from "./proper-causal-paths.js";

/** Default cap on the number of sets returned by {@link minimalAdjustmentSets}. */
export const DEFAULT_MAX_ADJUSTMENT_SETS = 1000;

/** Options of {@link minimalAdjustmentSets}. */
export interface MinimalAdjustmentOptions {
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
 * first `next()`. Nothing is listed when no adjustment set exists.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @returns An iterable of sets; iterate as far as needed.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for empty or overlapping X, Y.
 */
export function enumerateMinimalAdjustmentSets(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[]): Iterable<string[]> {
  const structure = causalStructure(dag, exposures, outcomes);
  const allowed = admissibleMask(dag, structure);
  const moral = contractedMoralGraph(structure.backdoorGraph, structure.xMask, structure.yMask);
  const { dagIndex, source, target } = moral;
  const allowedLocal = new Uint8Array(moral.graph.size);
  for (let i = 0; i < dagIndex.length; i++) allowedLocal[i] = allowed[dagIndex[i]!]!;
  return {
    *[Symbol.iterator]() {
      for (const separator of minimalSeparators(moral.graph, source, target, allowedLocal)) {
        yield Array.from(separator, (i) => dag.names[dagIndex[i]!]!);
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
 * @param options - `maxResults` (default 1000).
 * @returns The sets (sorted lists of sorted names) and whether the list was cut.
 * @throws IslError as {@link enumerateMinimalAdjustmentSets}; ISL_INVALID_INPUT for a bad `maxResults`.
 */
export function minimalAdjustmentSets(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], options: MinimalAdjustmentOptions = {}): AdjustmentSetList {
  const cap = positiveCap(options.maxResults, DEFAULT_MAX_ADJUSTMENT_SETS, "maxResults");
  const sets: string[][] = [];
  let truncated = false;
  for (const set of enumerateMinimalAdjustmentSets(dag, exposures, outcomes)) {
    if (sets.length === cap) {
      truncated = true;
      break;
    }
    sets.push(set);
  }
  sets.sort(compareSets);
  return { sets, truncated };
}

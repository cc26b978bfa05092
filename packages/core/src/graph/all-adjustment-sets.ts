/**
 * Every adjustment set (not only the minimal ones) for the total effect of X on Y, with optional
 * constraints I ⊆ Z ⊆ R, listed lazily with polynomial delay by LISTSEP: a binary search tree over
 * the nodes of R \ I — take the first undecided node v, list the sets without v (R := R \ {v}), then
 * those with v (I := I ∪ {v}) — that descends into a branch only when FINDSEP says it holds a set.
 * Every leaf outputs one set and no branch is barren, so the delay is O(n) FINDSEP calls.
 * Complexity: O(n·(n + m)) delay between outputs, O(n²) space (one pair of masks per tree level).
 * References: B. van der Zander, M. Liśkiewicz, J. Textor, "Separators and adjustment sets in
 * causal graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270
 * (2019) 1–40, Algorithm LISTSEP and Lemma "FINDSEP" (Z exists iff An(X ∪ Y ∪ I) ∩ R separates);
 * the generalised adjustment criterion of Shpitser, VanderWeele & Robins (UAI 2010).
 */
import { constrainedAdjustment, findConstrainedAdjustmentMask, type AdjustmentConstraints } from "./constrained-adjustment.js";
import type { Dag } from "./dag.js";
import { compareSets, positiveCap } from "./node-lookup.js";

/** Default cap of {@link allAdjustmentSets}. */
export const DEFAULT_MAX_ALL_ADJUSTMENT_SETS = 1000;
/** Default search budget of {@link allAdjustmentSets}, in FINDSEP calls (each O(N + M)). */
export const DEFAULT_MAX_ADJUSTMENT_SEARCH_STEPS = 1_000_000;

/** Options of {@link enumerateAdjustmentSets}. */
export interface AllAdjustmentOptions extends AdjustmentConstraints {
  /** Stop after this many FINDSEP calls (each O(N + M)); the listing then ends early. */
  readonly maxSteps?: number;
  /** Polled between steps; returning true ends the listing early (deadline, abort). */
  readonly shouldStop?: () => boolean;
}

/** Options of {@link allAdjustmentSets}. */
export interface AllAdjustmentListOptions extends AllAdjustmentOptions {
  /** Return at most this many sets (default 1000). */
  readonly maxResults?: number;
}

/** A capped list of sets with the reason it may be incomplete. */
export interface AllAdjustmentSetList {
  /** Sets, each sorted by name; the list sorted lexicographically. */
  readonly sets: string[][];
  /** True when the list may be incomplete (cap, step budget or stop request). */
  readonly truncated: boolean;
}

/** One level of the LISTSEP tree: the current I and R, and the node being decided. */
interface Level {
  readonly include: Uint8Array;
  readonly allowed: Uint8Array;
  readonly pivot: number;
  /** 0: the "without pivot" branch is next; 1: the "with pivot" branch; 2: done. */
  stage: number;
}

/** The listing with its end state, for callers that need to know why it stopped. */
export interface AdjustmentSetListing extends Iterable<string[]> {
  /** True once the listing stopped early (budget or stop request) rather than finishing. */
  readonly stoppedEarly: boolean;
}

/**
 * Lists every adjustment set Z with I ⊆ Z ⊆ R (observed, not forbidden, not excluded), lazily,
 * each sorted by name, in LISTSEP order (sets without earlier-named undecided nodes first).
 * Validation happens on the call. Nothing is listed when no such set exists.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param options - `include`, `exclude`, `maxSteps` (default 1,000,000), `shouldStop`.
 * @returns An iterable of sets that records whether it stopped early.
 * @throws IslError as `constrainedAdjustment`; ISL_INVALID_INPUT for a bad `maxSteps`.
 */
export function enumerateAdjustmentSets(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], options: AllAdjustmentOptions = {}): AdjustmentSetListing {
  const problem = constrainedAdjustment(dag, exposures, outcomes, options);
  const maxSteps = positiveCap(options.maxSteps, DEFAULT_MAX_ADJUSTMENT_SEARCH_STEPS, "maxSteps");
  const shouldStop = options.shouldStop;
  const n = dag.size;
  const state = { stoppedEarly: false };
  const firstUndecided = (include: Uint8Array, allowed: Uint8Array): number => {
    for (let v = 0; v < n; v++) if (allowed[v] !== 0 && include[v] === 0) return v;
    return -1;
  };
  const toNames = (include: Uint8Array): string[] => {
    const out: string[] = [];
    for (let v = 0; v < n; v++) if (include[v] !== 0) out.push(dag.names[v]!);
    return out;
  };
  return {
    get stoppedEarly() {
      return state.stoppedEarly;
    },
    *[Symbol.iterator]() {
      let steps = 0;
      const holdsASet = (include: Uint8Array, allowed: Uint8Array): boolean => {
        steps++;
        return findConstrainedAdjustmentMask(dag, problem, include, allowed) !== null;
      };
      const rootInclude = problem.includeMask.slice();
      const rootAllowed = problem.allowed.slice();
      if (!holdsASet(rootInclude, rootAllowed)) return;
      const stack: Level[] = [];
      // NOTE: a subtree is entered only after FINDSEP confirmed it holds a set, so every descent
      // ends in an output: at most n levels of at most two FINDSEP calls each between outputs.
      const descend = (include: Uint8Array, allowed: Uint8Array): string[] | null => {
        const pivot = firstUndecided(include, allowed);
        if (pivot < 0) return toNames(include);
        stack.push({ include, allowed, pivot, stage: 0 });
        return null;
      };
      let pending = descend(rootInclude, rootAllowed);
      for (;;) {
        if (pending !== null) {
          yield pending;
          pending = null;
        }
        const level = stack[stack.length - 1];
        if (level === undefined) return;
        if (steps >= maxSteps || (shouldStop !== undefined && shouldStop())) {
          state.stoppedEarly = true;
          return;
        }
        if (level.stage === 0) {
          level.stage = 1;
          const allowed = level.allowed.slice();
          allowed[level.pivot] = 0;
          if (holdsASet(level.include, allowed)) pending = descend(level.include, allowed);
        } else if (level.stage === 1) {
          level.stage = 2;
          const include = level.include.slice();
          include[level.pivot] = 1;
          if (holdsASet(include, level.allowed)) pending = descend(include, level.allowed);
        } else stack.pop();
      }
    },
  };
}

/**
 * Every adjustment set for the total effect of X on Y (under the constraints), up to `maxResults`.
 * When truncated, the sets are the first `maxResults` of the LISTSEP order, then sorted.
 *
 * @param dag - The graph.
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param options - `maxResults` (default 1000), `include`, `exclude`, `maxSteps`, `shouldStop`.
 * @returns The sets (sorted lists of sorted names) and whether the list may be incomplete.
 * @throws IslError as {@link enumerateAdjustmentSets}; ISL_INVALID_INPUT for a bad `maxResults`.
 */
export function allAdjustmentSets(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], options: AllAdjustmentListOptions = {}): AllAdjustmentSetList {
  const cap = positiveCap(options.maxResults, DEFAULT_MAX_ALL_ADJUSTMENT_SETS, "maxResults");
  const listing = enumerateAdjustmentSets(dag, exposures, outcomes, options);
  const sets: string[][] = [];
  let truncated = false;
  for (const set of listing) {
    if (sets.length === cap) {
      truncated = true;
      break;
    }
    sets.push(set);
  }
  sets.sort(compareSets);
  return { sets, truncated: truncated || listing.stoppedEarly };
}

/**
 * All inclusion-minimal front-door sets, capped. Exclusion branching (Lawler's scheme for the
 * minimal members of a set family, given an oracle that finds one inside any allowed set R): find a
 * minimal front-door set M ⊆ R (front-door.ts); every other minimal set inside R misses some v ∈ M,
 * so recurse on R \ {v} for each v ∈ M. Allowed sets already explored are skipped. Outputs are
 * sorted lexicographically; the search stops at `maxResults + 1` distinct sets or after `maxSteps`
 * oracle calls and then reports truncation.
 * Complexity: O(k·log(n / k)·(N + M)) per explored allowed set (a minimal set of size k by
 * QuickXplain among the n members of the largest set); the number of explored sets is bounded
 * by the step budget (it can be exponential in the number of outputs in the worst case).
 * References: E. L. Lawler, "A procedure for computing the K best solutions to discrete optimization
 * problems and its application to the shortest path problem", Management Science 18 (1972)
 * 401–405; Y. Jeong, J. Tian, E. Bareinboim, NeurIPS 2022, and M. Wienöbst, B. van der Zander,
 * M. Liśkiewicz, AAAI 2024 (the front-door oracle; they list all front-door sets, not the minimal ones).
 */
import type { Dag } from "./dag.js";
import { frontDoorQuery, minimalFrontDoorMask } from "./front-door.js";
import { compareSets, indicesOfMask, namesOf, positiveCap } from "./node-lookup.js";

/** Options of {@link minimalFrontDoorSets}. */
export interface FrontDoorListOptions {
  /** At most this many sets (default 100). */
  readonly maxResults?: number;
  /** At most this many explored allowed sets (default 5,000). */
  readonly maxSteps?: number;
}

/** A capped list of minimal front-door sets. */
export interface FrontDoorSetList {
  /** Minimal front-door sets, each sorted, the list sorted lexicographically. */
  readonly sets: string[][];
  /** True when more sets may exist (the cap or the step budget was reached). */
  readonly truncated: boolean;
}

/** Default cap of {@link minimalFrontDoorSets}. */
export const DEFAULT_MAX_FRONT_DOOR_SETS = 100;
/** Default step budget of {@link minimalFrontDoorSets}. */
export const DEFAULT_MAX_FRONT_DOOR_STEPS = 5_000;

/**
 * Every inclusion-minimal front-door set for the effect of X on Y, up to `maxResults`.
 *
 * @param dag - The graph (latent nodes are never members).
 * @param exposures - X: one name or several.
 * @param outcomes - Y: one name or several.
 * @param options - `maxResults` (default 100) and `maxSteps` (default 5,000).
 * @returns The sets and whether the list may be incomplete.
 * @throws IslError ISL_NODE_NOT_FOUND for unknown names; ISL_INVALID_INPUT for overlapping X, Y or bad caps.
 */
export function minimalFrontDoorSets(dag: Dag, exposures: string | readonly string[], outcomes: string | readonly string[], options: FrontDoorListOptions = {}): FrontDoorSetList {
  const maxResults = positiveCap(options.maxResults, DEFAULT_MAX_FRONT_DOOR_SETS, "maxResults");
  const maxSteps = positiveCap(options.maxSteps, DEFAULT_MAX_FRONT_DOOR_STEPS, "maxSteps");
  const query = frontDoorQuery(dag, exposures, outcomes);
  const found = new Map<string, Int32Array>();
  const explored = new Set<string>();
  let steps = 0;
  let truncated = false;
  // NOTE: an allowed set is keyed by the nodes it excludes, which are few.
  const key = (mask: Uint8Array): string => {
    let out = "";
    for (let v = 0; v < mask.length; v++) if (mask[v] === 0) out += `${v},`;
    return out;
  };
  const stack: Uint8Array[] = [new Uint8Array(dag.size).fill(1)];
  while (stack.length > 0) {
    const allowed = stack.pop()!;
    const allowedKey = key(allowed);
    if (explored.has(allowedKey)) continue;
    explored.add(allowedKey);
    if (++steps > maxSteps) {
      truncated = true;
      break;
    }
    const minimal = minimalFrontDoorMask(dag, query, allowed);
    if (minimal === null) continue;
    const members = indicesOfMask(minimal);
    const setKey = members.join(",");
    if (!found.has(setKey)) {
      if (found.size === maxResults) {
        truncated = true;
        break;
      }
      found.set(setKey, members);
    }
    // NOTE: pushed in descending order so that the branch without the smallest member runs first.
    for (let i = members.length - 1; i >= 0; i--) {
      const without = allowed.slice();
      without[members[i]!] = 0;
      stack.push(without);
    }
  }
  const sets = [...found.values()].map((m) => namesOf(dag, m)).sort(compareSets);
  return { sets, truncated };
}

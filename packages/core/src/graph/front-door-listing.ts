/**
 * All inclusion-minimal front-door sets, capped. Exclusion branching (Lawler's scheme for the
 * minimal members of a set family, given an oracle that finds one inside any allowed set R): find a
 * minimal front-door set M ⊆ R (front-door.ts); every other minimal set inside R misses some v ∈ M,
 * so recurse on R \ {v} for each v ∈ M. Each allowed set R is first replaced by the largest
 * front-door set Z(R) inside it (linear time), which contains every front-door set inside R, so the
 * subproblems "inside R" and "inside Z(R)" have the same answers: allowed sets with the same Z(R)
 * are explored once (many differ only by nodes no front-door set can use). A minimal set already
 * found inside Z(R) is one of its minimal sets, so it is used again instead of searched for: the
 * search runs once per output. Outputs are sorted lexicographically; the listing stops at
 * `maxResults + 1` distinct sets or after `maxSteps` distinct Z(R) and then reports truncation.
 * Complexity: O(N + M + found·k) per explored Z(R), plus O(k·log(n / k)·(N + M)) per output (a
 * minimal set of size k by QuickXplain among the n members of Z(R)); the number of explored sets
 * is bounded by the step budget (it can be exponential in the number of outputs in the worst case).
 * References: E. L. Lawler, "A procedure for computing the K best solutions to discrete optimization
 * problems and its application to the shortest path problem", Management Science 18 (1972)
 * 401–405; Y. Jeong, J. Tian, E. Bareinboim, NeurIPS 2022, and M. Wienöbst, B. van der Zander,
 * M. Liśkiewicz, AAAI 2024 (the front-door oracle; they list all front-door sets, not the minimal ones).
 */
import type { Dag } from "./dag.js";
import { frontDoorQuery, largestFrontDoorMask, minimalFrontDoorMaskInside } from "./front-door.js";
import { compareSets, indicesOfMask, namesOf, positiveCap } from "./node-lookup.js";

/** Options of {@link minimalFrontDoorSets}. */
export interface FrontDoorListOptions {
  /** At most this many sets (default 100). */
  readonly maxResults?: number;
  /** At most this many explored subproblems (distinct largest sets Z(R); default 5,000). */
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
  const everything = largestFrontDoorMask(dag, query, new Uint8Array(dag.size).fill(1));
  if (everything === null) return { sets: [], truncated: false };
  // NOTE: every Z(R) is a subset of the largest set overall, so it is keyed by the few members of
  // that set it lacks.
  const key = (mask: Uint8Array): string => {
    let out = "";
    for (let v = 0; v < mask.length; v++) if (mask[v] === 0 && everything[v] === 1) out += `${v},`;
    return out;
  };
  const stack: Uint8Array[] = [everything];
  while (stack.length > 0) {
    const largest = largestFrontDoorMask(dag, query, stack.pop()!);
    if (largest === null) continue;
    const largestKey = key(largest);
    if (explored.has(largestKey)) continue;
    explored.add(largestKey);
    if (++steps > maxSteps) {
      truncated = true;
      break;
    }
    // NOTE: a minimal set already found inside Z(R) is a minimal set inside it: no search needed.
    let members: Int32Array | undefined;
    for (const set of found.values()) {
      if (set.every((v) => largest[v] === 1)) {
        members = set;
        break;
      }
    }
    members ??= indicesOfMask(minimalFrontDoorMaskInside(dag, query, largest));
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
      const without = largest.slice();
      without[members[i]!] = 0;
      stack.push(without);
    }
  }
  const sets = [...found.values()].map((m) => namesOf(dag, m)).sort(compareSets);
  return { sets, truncated };
}

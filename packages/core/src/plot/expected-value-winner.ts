/**
 * The winner of a deterministic world (the expected-value world or one sampled background): evaluate
 * the goal under every option with noise off and take the largest value, ties to the smallest option id
 * (the earlier service sorted by (−goal, id)); for a `minimise` objective the smallest value (the score
 * is −goal). Shared by the e-value search, factor flips and marginal switch probabilities.
 * Complexity: O(O·(N + E)) per world.
 * Reference: plot-v2-engine.md §4.6, §4.8.
 */
import { evaluateGoal, type PlotWorld } from "./evaluate.js";
import type { PlotModel } from "./model.js";

/** Index of the largest finite value, ties to the smallest id; −1 when no value is finite. */
export function argmaxByValueThenId(values: ArrayLike<number>, ids: readonly string[]): number {
  let best = -1;
  for (let o = 0; o < values.length; o++) {
    const v = values[o] as number;
    if (!Number.isFinite(v)) continue;
    if (best < 0) {
      best = o;
      continue;
    }
    const b = values[best] as number;
    if (v > b || (v === b && (ids[o] as string) < (ids[best] as string))) best = o;
  }
  return best;
}

/** Which way the deterministic winner is taken (target objectives use maximise, as the earlier service did). */
export type WinnerDirection = "maximise" | "minimise";

/** Reusable evaluator of world winners for one model. */
export interface WorldWinner {
  /** Score of every option on the world: the goal (maximise) or −goal (minimise); a shared buffer. */
  goals(world: PlotWorld): Float64Array;
  /** Winner (option index) on the world, −1 when no option is finite. */
  winner(world: PlotWorld): number;
}

/**
 * Builds a {@link WorldWinner} with preallocated buffers.
 *
 * @param model - The compiled model.
 * @param direction - `maximise` (default) or `minimise`.
 */
export function worldWinner(model: PlotModel, direction: WinnerDirection = "maximise"): WorldWinner {
  const n = model.nodes.length;
  const out = new Float64Array(n);
  const scratch = new Float64Array(n);
  const goals = new Float64Array(model.options.length);
  const ids = model.options.map((o) => o.id);
  const fill = (world: PlotWorld): Float64Array => {
    const sign = direction === "minimise" ? -1 : 1;
    for (let o = 0; o < goals.length; o++) goals[o] = sign * evaluateGoal(model, world, o, { out, scratch });
    return goals;
  };
  return { goals: fill, winner: (world) => argmaxByValueThenId(fill(world), ids) };
}

/** Re-exported for callers that import it from here. */
export { graphViewOfModel } from "./plot-graph.js";

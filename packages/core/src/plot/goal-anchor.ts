/**
 * Level anchor of the goal: a non-root goal whose `observed_state.source` is attested (anchor map
 * of §4.16) and which has a level today (baseline, else value) and no structural noise at or above
 * it is reported as a level around today's value, r_i = L + (y_i − sq_i), with p10/p50/p90 clamped
 * to ≥ 0 when L ≥ 0.
 * Complexity: O(N + E) (one ancestor walk).
 * Reference: plot-v2-engine.md §4.1, §4.16 (node_levels, anchor map).
 */
import { ATTESTED_SOURCES, type PlotModel } from "./model.js";

/** Today's level of an anchored goal and its lower domain bound. */
export interface GoalAnchor {
  readonly level: number;
  /** 0 when the level is ≥ 0, else undefined. */
  readonly domainMin: number | undefined;
}

/** True when some node at or above `target` has epsilon_std > 0. */
export function noiseAtOrAbove(model: PlotModel, target: number): boolean {
  const seen = new Uint8Array(model.nodes.length);
  const stack = [target];
  seen[target] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (model.nodes[v]!.epsilonStd > 0) return true;
    for (const e of model.nodes[v]!.parentEdges) {
      const p = model.edges[e]!.from;
      if (!seen[p]) {
        seen[p] = 1;
        stack.push(p);
      }
    }
  }
  return false;
}

/**
 * The goal's anchor, or undefined when the goal is reported as raw draws.
 *
 * @param model - The compiled model.
 */
export function goalAnchor(model: PlotModel): GoalAnchor | undefined {
  const goal = model.nodes[model.goalIndex]!;
  if (goal.isRoot || goal.statusQuoLevel === undefined || goal.source === undefined || !ATTESTED_SOURCES.has(goal.source)) return undefined;
  if (noiseAtOrAbove(model, model.goalIndex)) return undefined;
  return { level: goal.statusQuoLevel, domainMin: goal.statusQuoLevel >= 0 ? 0 : undefined };
}

/**
 * The objective ranking of an analyze/v2 request: direction (goal_direction, default maximise),
 * whether it was attested, and for `target` the value the per-draw distance is measured against
 * (delta frame: the threshold as sent; level frame on a non-root goal with a baseline: the draw's
 * level B + (y − sq) against the threshold). A target whose frame cannot be resolved withholds the
 * ranking (no winners, no win probabilities, no robustness).
 * Complexity: O(1).
 * Reference: plot-v2-engine.md §3.6 (winners_for_draw), §4.5 (objective_ranking).
 */
import type { PlotModel } from "./model.js";

/** Wire `objective_ranking`. */
export interface ObjectiveRanking {
  direction: "maximise" | "minimise" | "target";
  attested: boolean;
  status: "computed" | "withheld";
  withheld_reason?: string;
}

/** How per-draw winners are chosen. */
export interface RankingRule {
  readonly wire: ObjectiveRanking;
  /** "max", "min", "target_delta" (|y − t|), "target_level" (|B + y − sq − t|) or "none" (withheld). */
  readonly mode: "max" | "min" | "target_delta" | "target_level" | "none";
  /** Target threshold (target modes). */
  readonly target: number;
  /** Goal baseline B (target_level). */
  readonly baseline: number;
}

/**
 * Resolves the ranking rule of a model.
 *
 * @param model - The compiled model.
 */
export function resolveRanking(model: PlotModel): RankingRule {
  const request = model.request;
  const direction = request.goal_direction ?? "maximise";
  const attested = request.goal_direction != null;
  if (direction === "maximise") return { wire: { direction, attested, status: "computed" }, mode: "max", target: 0, baseline: 0 };
  if (direction === "minimise") return { wire: { direction, attested, status: "computed" }, mode: "min", target: 0, baseline: 0 };
  const threshold = request.goal_threshold ?? Number.NaN;
  const goal = model.nodes[model.goalIndex]!;
  const pinned = model.options.some((o) => o.setMode[model.goalIndex] !== 0);
  if (request.goal_threshold_frame === "delta" && Number.isFinite(threshold)) {
    return { wire: { direction, attested, status: "computed" }, mode: "target_delta", target: threshold, baseline: 0 };
  }
  const baseline = model.request.graph.nodes.find((n) => n.id === goal.id)?.observed_state?.baseline;
  if (request.goal_threshold_frame === "level" && !pinned && !model.hasEpsilon && Number.isFinite(threshold)) {
    if (goal.isRoot) return { wire: { direction, attested, status: "computed" }, mode: "target_delta", target: threshold, baseline: 0 };
    if (baseline != null) return { wire: { direction, attested, status: "computed" }, mode: "target_level", target: threshold, baseline };
  }
  return {
    wire: { direction, attested, status: "withheld", withheld_reason: "target_not_resolvable_in_sample_frame" },
    mode: "none",
    target: threshold,
    baseline: 0,
  };
}

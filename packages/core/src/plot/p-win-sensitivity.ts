/**
 * `p_win_sensitivity[]`: for each uncertain factor, how much the recommended option's win probability
 * would change if that factor's uncertainty were resolved at its point value: M = P(recommended wins)
 * (ties split 1/k) over n = min(S, 2000) fresh draws, once with every prior and once with the factor's
 * prior removed (its node back at its observed value, else 0); δ = max(0, M_perfect − M), labelled
 * `below_resolution` under the worst-case Bernoulli noise floor 1.96·√(0.5/n).
 * Both arms share the same edge and factor draws (common random numbers, forks "p_win:edge" and
 * "p_win:factor"), so δ measures the factor and not sampling noise; the floor stays the conservative
 * independent-samples bound the wire advertises.
 * Complexity: O((F + 1)·n·O·(N + E)).
 * Reference: plot-v2-engine.md §4.9; plot-client.md §3.2, §7.2 (noise floors).
 */
import { evaluateAll, STATUS_QUO_OPTION, type PlotWorld } from "./evaluate.js";
import type { PlotModel } from "./model.js";
import type { RankingRule } from "./objective.js";
import { sampleEdgeColumns, sampleFactorColumns } from "./samplers.js";
import type { PlotStreams } from "./streams.js";
import { roundHalfEven } from "./wire-number.js";

/** Largest number of fresh draws per arm. */
export const P_WIN_MAX_SAMPLES = 2000;

/** One `p_win_sensitivity[]` row. */
export interface PWinSensitivityRow {
  factor_id: string;
  p_win_delta: number;
  p_win_delta_percentage_points: number;
  current_metric: number;
  perfect_metric: number;
  metric_type: "p_win_recommended" | "p_joint_goal";
  method: "p_win_delta_at_mean_v1";
  n_samples: number;
  status: "below_resolution" | "resolved";
  clamped: boolean;
  noise_floor: number;
  noise_floor_method: "z95_worst_case_bernoulli_diff";
  labelling_doctrine: "provisional_doctrine_v0";
}

/** Worst-case (p = ½) 95% resolution of a difference of two proportions from n draws each: 1.96·√(0.5/n). */
export function bernoulliDifferenceNoiseFloor(n: number): number {
  return 1.96 * Math.sqrt(0.5 / n);
}

/** Inputs of {@link pWinSensitivity}. */
export interface PWinSensitivityInput {
  readonly model: PlotModel;
  readonly streams: PlotStreams;
  /** Recommended option index (from the main Monte Carlo). */
  readonly recommended: number;
  /** Main Monte Carlo sample count S. */
  readonly samples: number;
  /** Ranking rule (default maximise). */
  readonly ranking?: RankingRule;
  /**
   * With goal constraints: whether every constraint holds on a draw, given the recommended option's node
   * values and the draw's status-quo node values (for frame conversion). When given, the metric is the
   * joint constraint probability of the recommended option (`metric_type: "p_joint_goal"`).
   */
  readonly jointConstraintsHold?: (optionValues: Float64Array, statusQuoValues: Float64Array) => boolean;
  readonly signal?: AbortSignal;
}

/** Larger is better under the rule; NaN = not comparable. */
function score(rule: RankingRule | undefined, y: number, statusQuo: number): number {
  if (!Number.isFinite(y)) return Number.NaN;
  switch (rule?.mode ?? "max") {
    case "max":
      return y;
    case "min":
      return -y;
    case "target_delta":
      return -Math.abs(y - rule!.target);
    case "target_level":
      return -Math.abs(rule!.baseline + (y - statusQuo) - rule!.target);
    default:
      return Number.NaN;
  }
}

/**
 * The metric over the given columns (`dropped` = factor index without a draw): P(recommended wins) with
 * ties split 1/k, or the recommended option's joint constraint probability when a predicate is given.
 */
function metricOver(input: PWinSensitivityInput, edges: Float64Array[], factors: Float64Array[], n: number, dropped: number): number {
  const { model, recommended } = input;
  const world: PlotWorld = { edgeStrength: new Float64Array(model.edges.length), factorValue: new Float64Array(model.nodes.length).fill(Number.NaN) };
  const out = new Float64Array(model.nodes.length);
  const scratch = new Float64Array(model.nodes.length);
  const statusQuo = new Float64Array(model.nodes.length);
  const constraints = input.jointConstraintsHold;
  const needsStatusQuo = input.ranking?.mode === "target_level" || constraints !== undefined;
  const scores = new Float64Array(model.options.length);
  let credit = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 0) input.signal?.throwIfAborted();
    for (let e = 0; e < edges.length; e++) world.edgeStrength[e] = edges[e]![i]!;
    model.factors.forEach((f, k) => {
      world.factorValue[f.nodeIndex] = k === dropped ? Number.NaN : factors[k]![i]!;
    });
    if (needsStatusQuo) evaluateAll(model, world, STATUS_QUO_OPTION, { out: statusQuo });
    if (constraints) {
      if (constraints(evaluateAll(model, world, recommended, { out, scratch }), statusQuo)) credit += 1;
      continue;
    }
    const sq = statusQuo[model.goalIndex]!;
    let best = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < scores.length; o++) {
      scores[o] = score(input.ranking, evaluateAll(model, world, o, { out, scratch })[model.goalIndex]!, sq);
      if (scores[o]! > best) best = scores[o]!;
    }
    if (!(scores[recommended]! === best)) continue;
    let tied = 0;
    for (let o = 0; o < scores.length; o++) if (scores[o] === best) tied++;
    credit += 1 / tied;
  }
  return credit / n;
}

/**
 * Computes the rows for every unique parameter-uncertain factor, sorted by p_win_delta desc (stable).
 *
 * p_win_delta = round6(max(0, raw)), clamped = raw < 0, percentage points = round2(100·δ), status
 * below_resolution when δ < round6(floor).
 */
export function pWinSensitivity(input: PWinSensitivityInput): PWinSensitivityRow[] {
  const { model, streams } = input;
  const n = Math.min(input.samples, P_WIN_MAX_SAMPLES);
  const edges = sampleEdgeColumns(model, n, streams.root.fork("p_win:edge")).strength;
  const factors = sampleFactorColumns(model, n, streams.root.fork("p_win:factor"));
  const current = metricOver(input, edges, factors, n, -1);
  const floor = roundHalfEven(bernoulliDifferenceNoiseFloor(n), 6);
  const rows = model.factors.map((factor, k): PWinSensitivityRow => {
    // NOTE: a factor every option sets never reaches the goal's ranking (its draw is overridden), so
    // removing its prior cannot change the metric unless status-quo readings are involved.
    const overridden = model.options.every((o) => o.setMode[factor.nodeIndex] !== 0) && input.ranking?.mode !== "target_level" && !input.jointConstraintsHold;
    const perfect = overridden ? current : metricOver(input, edges, factors, n, k);
    const raw = perfect - current;
    const delta = roundHalfEven(Math.max(0, raw), 6);
    return {
      factor_id: factor.nodeId,
      p_win_delta: delta,
      p_win_delta_percentage_points: roundHalfEven(delta * 100, 2),
      current_metric: roundHalfEven(current, 6),
      perfect_metric: roundHalfEven(perfect, 6),
      metric_type: input.jointConstraintsHold ? "p_joint_goal" : "p_win_recommended",
      method: "p_win_delta_at_mean_v1",
      n_samples: n,
      status: delta < floor ? "below_resolution" : "resolved",
      clamped: raw < 0,
      noise_floor: floor,
      noise_floor_method: "z95_worst_case_bernoulli_diff",
      labelling_doctrine: "provisional_doctrine_v0",
    };
  });
  return rows.map((r, i) => [r, i] as const).sort((a, b) => b[0].p_win_delta - a[0].p_win_delta || a[1] - b[1]).map(([r]) => r);
}

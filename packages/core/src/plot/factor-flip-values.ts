/**
 * `factor_flip_values[]`: for each root factor, the value at which the expected-value winner changes.
 * With noise off and every edge at mean·p the goal of option o is affine in one root factor F:
 * goal_o(F) = A_o + T_o·F (A_o = goal at F = 0, T_o = goal(1) − A_o). The leader's crossings with each
 * rival are F* = (A_lead − A_i)/(T_i − T_lead); the nearest one inside [0, 1] at which a real evaluation
 * just past F* confirms a different argmax is the flip value. An optional stability band re-fits the
 * affine model on 10 sampled backgrounds ("factor_flip_stability:{i}").
 * Complexity: O(F·O·(N + E)) for the screen plus O(F·O²) for crossings, times 11 with bands.
 * Reference: plot-v2-engine.md §4.8; plot-client.md §3.7.
 */
import { meanWorld, type PlotWorld } from "./evaluate.js";
import { argmaxByValueThenId, worldWinner, type WinnerDirection } from "./expected-value-winner.js";
import { flipBand, FLIP_STABILITY_SEEDS, type FlipBand } from "./flip-stability.js";
import type { PlotModel } from "./model.js";
import { sampleEdgeColumns } from "./samplers.js";
import { phaseStream, type PlotStreams } from "./streams.js";
import { roundHalfEven } from "./wire-number.js";

/** Most factors given a full crossing search (FACTOR_FLIP_MAX_CANDIDATES, advertised in /health). */
export const FACTOR_FLIP_MAX_CANDIDATES = 10;

/** Slope spread at or below which a factor cannot move the winner. */
const SLOPE_EPSILON = 1e-9;

/** Stability band of a factor's flip value. */
export interface FactorFlipStability extends FlipBand {
  seed_flip_values: (number | null)[];
}

/** One `factor_flip_values[]` row. */
export interface FactorFlipRow {
  factor_id: string;
  current_value: number;
  flip_value?: number;
  direction?: "increase" | "decrease";
  flip_reason: "found" | "no_effect_within_bounds" | "structurally_invariant" | "candidate_cap_exceeded";
  alternative_winner_id?: string;
  baseline_winner_id: string;
  stability?: FactorFlipStability;
}

/** The affine fit of every option's goal in one factor. */
export interface AffineFit {
  /** Goal at F = 0, per option. */
  readonly intercepts: Float64Array;
  /** goal(F = 1) − goal(F = 0), per option. */
  readonly slopes: Float64Array;
}

/** A located crossing. */
export interface FactorCrossing {
  readonly value: number;
  readonly direction: "increase" | "decrease";
  readonly alternative: number;
}

/**
 * Finds the crossing nearest to `current` at which the winner changes away from `lead`.
 *
 * Candidate crossings F* = (A_lead − A_i)/(T_i − T_lead) for rivals with |T_i − T_lead| > 1e-9, inside
 * [0, 1] and ≠ current. Above current (ascending) the first F* whose confirmation `winnerAt(F* + step)`
 * differs from lead is the increase candidate, step = min(1e-6, (next crossing or 1 − F*)/2); below
 * (descending) likewise at F* − step. The nearer candidate wins, a tie going to the increase.
 *
 * @param fit - Intercepts and slopes per option.
 * @param lead - The leading option index.
 * @param current - The factor's current value.
 * @param winnerAt - Confirms the argmax at a factor value (a real or an affine evaluation).
 * @returns The crossing, or null when none inside [0, 1] changes the winner.
 */
export function nearestFactorCrossing(fit: AffineFit, lead: number, current: number, winnerAt: (value: number) => number): FactorCrossing | null {
  const { intercepts: A, slopes: T } = fit;
  const points: number[] = [];
  for (let i = 0; i < A.length; i++) {
    if (i === lead) continue;
    const dT = (T[i] as number) - (T[lead] as number);
    if (!(Math.abs(dT) > SLOPE_EPSILON)) continue;
    const x = ((A[lead] as number) - (A[i] as number)) / dT;
    if (x >= 0 && x <= 1 && x !== current) points.push(x);
  }
  const above = [...new Set(points.filter((x) => x > current))].sort((a, b) => a - b);
  const below = [...new Set(points.filter((x) => x < current))].sort((a, b) => b - a);
  let up: FactorCrossing | null = null;
  for (let k = 0; k < above.length; k++) {
    const x = above[k] as number;
    const next = k + 1 < above.length ? (above[k + 1] as number) : 1;
    const winner = winnerAt(x + Math.min(1e-6, (next - x) / 2));
    if (winner !== lead) {
      up = { value: x, direction: "increase", alternative: winner };
      break;
    }
  }
  let down: FactorCrossing | null = null;
  for (let k = 0; k < below.length; k++) {
    const x = below[k] as number;
    const previous = k + 1 < below.length ? (below[k + 1] as number) : 0;
    const winner = winnerAt(x - Math.min(1e-6, (x - previous) / 2));
    if (winner !== lead) {
      down = { value: x, direction: "decrease", alternative: winner };
      break;
    }
  }
  if (up && down) return current - down.value < up.value - current ? down : up;
  return up ?? down;
}

/** Options of {@link factorFlipValues}. */
export interface FactorFlipOptions {
  /** When given, selected factors get a stability band from `phaseStream(streams, "factor_flip_stability", i)`. */
  readonly streams?: PlotStreams;
  /** Candidate cap. Default {@link FACTOR_FLIP_MAX_CANDIDATES}. */
  readonly maxCandidates?: number;
  /** Checked between factors. */
  readonly signal?: AbortSignal;
  /** Objective of the deterministic winner (minimise negates the affine scores). Default maximise. */
  readonly direction?: WinnerDirection;
}

/**
 * Computes the `factor_flip_values` rows (graph order).
 *
 * Eligible factors: non-goal nodes with no parents that carry an observed value or a parameter
 * uncertainty. current_value = the prior centre (uniform midpoint, else observed value, else 0).
 * baseline_winner_id = the expected-value winner with every root at its observed value (or 0).
 */
export function factorFlipValues(model: PlotModel, options: FactorFlipOptions = {}): FactorFlipRow[] {
  const cap = options.maxCandidates ?? FACTOR_FLIP_MAX_CANDIDATES;
  const ids = model.options.map((o) => o.id);
  const winners = worldWinner(model, options.direction);
  const baseline = meanWorld(model);
  const lead = winners.winner(baseline);
  if (lead < 0) return [];
  const eligible = model.nodes
    .map((node, v) => ({ node, v }))
    .filter(({ node, v }) => v !== model.goalIndex && node.isRoot && (node.observedValue !== undefined || node.factorIndex >= 0));
  const fitOn = (world: PlotWorld, v: number): AffineFit => {
    const probe: PlotWorld = { edgeStrength: world.edgeStrength, factorValue: new Float64Array(world.factorValue) };
    probe.factorValue[v] = 0;
    const intercepts = Float64Array.from(winners.goals(probe));
    probe.factorValue[v] = 1;
    const atOne = winners.goals(probe);
    return { intercepts, slopes: intercepts.map((a, o) => (atOne[o] as number) - a) };
  };
  const screened = eligible.map(({ node, v }) => {
    const fit = fitOn(baseline, v);
    let min = Infinity;
    let max = -Infinity;
    for (const t of fit.slopes) {
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    const factor = node.factorIndex >= 0 ? model.factors[node.factorIndex] : undefined;
    const current = factor ? factor.centre : (node.observedValue ?? 0);
    return { id: node.id, v, fit, spread: max - min, current };
  });
  const selected = new Set(
    screened
      .filter((s) => s.spread > SLOPE_EPSILON)
      .sort((a, b) => b.spread - a.spread || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, cap)
      .map((s) => s.v),
  );
  const backgrounds: PlotWorld[] = [];
  if (options.streams && selected.size > 0) {
    for (let i = 0; i < FLIP_STABILITY_SEEDS; i++) {
      const columns = sampleEdgeColumns(model, 1, phaseStream(options.streams, "factor_flip_stability", i));
      backgrounds.push({ edgeStrength: Float64Array.from(columns.strength, (c) => c[0] as number), factorValue: baseline.factorValue });
    }
  }
  return screened.map((s): FactorFlipRow => {
    options.signal?.throwIfAborted();
    const head = { factor_id: s.id, current_value: s.current };
    if (!(s.spread > SLOPE_EPSILON)) return { ...head, flip_reason: "structurally_invariant", baseline_winner_id: ids[lead] as string };
    if (!selected.has(s.v)) return { ...head, flip_reason: "candidate_cap_exceeded", baseline_winner_id: ids[lead] as string };
    const probe: PlotWorld = { edgeStrength: baseline.edgeStrength, factorValue: new Float64Array(baseline.factorValue) };
    const realWinnerAt = (value: number): number => {
      probe.factorValue[s.v] = value;
      return winners.winner(probe);
    };
    const crossing = nearestFactorCrossing(s.fit, lead, s.current, realWinnerAt);
    const row: FactorFlipRow = crossing
      ? { ...head, flip_value: roundHalfEven(crossing.value, 6), direction: crossing.direction, flip_reason: "found", alternative_winner_id: ids[crossing.alternative] as string, baseline_winner_id: ids[lead] as string }
      : { ...head, flip_reason: "no_effect_within_bounds", baseline_winner_id: ids[lead] as string };
    if (backgrounds.length > 0) {
      const seedFlipValues = backgrounds.map((bg) => {
        const fit = fitOn(bg, s.v);
        const affineWinnerAt = (value: number): number => argmaxByValueThenId(fit.intercepts.map((a, o) => a + (fit.slopes[o] as number) * value), ids);
        const bgLead = affineWinnerAt(s.current);
        const c = bgLead < 0 ? null : nearestFactorCrossing(fit, bgLead, s.current, affineWinnerAt);
        return c ? roundHalfEven(c.value, 6) : null;
      });
      row.stability = { ...flipBand(seedFlipValues), seed_flip_values: seedFlipValues };
    }
    return row;
  });
}

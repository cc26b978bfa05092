/**
 * The `robustness` block: recommendation stability (the recommended option's win share times the
 * defaulted-root penalty max(0.1, 1 − 0.05·k)), its band (level, is_robust), the fragile/robust edge
 * classes from each edge's largest |elasticity| (> 0.1 fragile, < 0.05 robust), and for fragile edges the
 * switch statistics: the winner among the draws where the edge was weak (strength ≤ its 25th percentile)
 * and the marginal switch probability (the edge alone re-drawn K = 100 times in the expected-value world).
 * Complexity: O(E·S) for the weak-draw counts plus O(10·K·O·(N + E)) for marginal switches.
 * Reference: plot-v2-engine.md §4.6; plot-client.md §3.5.
 */
import { percentile } from "../numeric/index.js";
import type { EdgeEValueRow } from "./edge-e-values.js";
import type { EdgeSensitivityResult, EdgeSensitivityRow } from "./edge-sensitivity.js";
import { meanWorld, type PlotWorld } from "./evaluate.js";
import { worldWinner, type WinnerDirection } from "./expected-value-winner.js";
import type { PlotModel } from "./model.js";
import type { PlotDraws } from "./monte-carlo.js";
import type { PlotStreams } from "./streams.js";

/** Fragile when an edge's max |elasticity| exceeds this. */
export const FRAGILE_ELASTICITY = 0.1;
/** Robust when an edge's max |elasticity| is below this. */
export const ROBUST_ELASTICITY = 0.05;
/** Fragile edges that get a marginal switch probability. */
export const MARGINAL_SWITCH_MAX_EDGES = 10;
/** Re-draws per edge of the marginal switch probability (MARGINAL_K_SAMPLES). */
export const MARGINAL_K_SAMPLES = 100;

/** One `fragile_edges[]` object. */
export interface FragileEdgeRow {
  edge_id: string;
  from_id: string;
  to_id: string;
  alternative_winner_id?: string;
  switch_probability?: number;
  marginal_switch_probability?: number;
}

/** The wire `robustness` block. */
export interface RobustnessBlock {
  level: "high" | "moderate" | "low" | "very_low";
  confidence: number;
  confidence_basis: "recommendation_stability_uncalibrated";
  fragile_edges?: FragileEdgeRow[];
  is_robust: boolean;
  fragile_edges_v1: string[];
  robust_edges: string[];
  recommendation_stability: number;
  edge_e_values?: EdgeEValueRow[];
  edge_sensitivity?: EdgeSensitivityRow[];
  stability_penalty_factor?: number;
  defaulted_root_node_ids?: string[];
}

/** Result of {@link robustnessBlock}: the block and the flags the orchestrator turns into critiques. */
export interface RobustnessResult {
  readonly block: RobustnessBlock;
  /** More fragile edges than {@link MARGINAL_SWITCH_MAX_EDGES}: critique MARGINAL_SWITCH_TRUNCATED. */
  readonly marginalSwitchTruncated: boolean;
}

/**
 * Roots that defaulted to 0: no observed value, no parameter uncertainty, not set by every option, not an
 * event risk (graph order). Each also gets the info warning ROOT_NODE_DEFAULT_VALUE.
 */
export function defaultedRootNodeIds(model: PlotModel, eventRiskNodeIds: ReadonlySet<string> = new Set()): string[] {
  return model.nodes
    .filter((node, v) => node.isRoot && node.observedValue === undefined && node.factorIndex < 0 && !eventRiskNodeIds.has(node.id) && !model.options.every((o) => o.setMode[v] !== 0))
    .map((node) => node.id);
}

/** Stability band: is_robust ⇔ stability ≥ 0.7; level high (> 0.8) / moderate, else low (> 0.5) / very_low. */
export function robustnessLevel(stability: number): { level: RobustnessBlock["level"]; isRobust: boolean } {
  const isRobust = stability >= 0.7;
  const level = isRobust ? (stability > 0.8 ? "high" : "moderate") : stability > 0.5 ? "low" : "very_low";
  return { level, isRobust };
}

/** Most frequent value (first seen wins ties, as Python's Counter.most_common); −1 when empty. */
function mostFrequent(counts: Map<number, number>, exclude = -2): number {
  let best = -1;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (value === exclude) continue;
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** Weak-draw switch statistics of one edge; null when no weak draw had a winner. */
export function weakDrawSwitch(strength: Float64Array, winner: Int32Array, overallWinner: number): { alternative: number; probability: number } | null {
  const cut = percentile(strength, 25);
  const counts = new Map<number, number>();
  let informative = 0;
  for (let i = 0; i < strength.length; i++) {
    if (strength[i]! > cut || winner[i]! < 0) continue;
    counts.set(winner[i]!, (counts.get(winner[i]!) ?? 0) + 1);
    informative++;
  }
  if (informative === 0) return null;
  const weakWinner = mostFrequent(counts);
  if (weakWinner !== overallWinner) return { alternative: weakWinner, probability: counts.get(weakWinner)! / informative };
  const other = mostFrequent(counts, overallWinner);
  return other < 0 ? { alternative: -1, probability: 0 } : { alternative: other, probability: counts.get(other)! / informative };
}

/** Inputs of {@link robustnessBlock}. */
export interface RobustnessInput {
  readonly model: PlotModel;
  readonly draws: PlotDraws;
  readonly streams: PlotStreams;
  /** Edge sensitivity (when "sensitivity" was requested); absent ⇒ no edge classes. */
  readonly edgeSensitivity?: EdgeSensitivityResult;
  /** Edge e-value rows (when include_e_values). */
  readonly edgeEValues?: EdgeEValueRow[];
  /** Ids of event-risk nodes (never defaulted roots). */
  readonly eventRiskNodeIds?: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  /** Objective of the marginal-switch baseline winner. Default maximise. */
  readonly direction?: WinnerDirection;
}

/**
 * Builds the `robustness` block (the caller omits it when the ranking is withheld).
 *
 * recommended = the first option with the most wins; stability = wins/S·penalty = confidence.
 */
export function robustnessBlock(input: RobustnessInput): RobustnessResult {
  const { model, draws, streams } = input;
  const ids = model.options.map((o) => o.id);
  let recommended = 0;
  for (let o = 1; o < draws.wins.length; o++) if (draws.wins[o]! > draws.wins[recommended]!) recommended = o;
  const defaulted = defaultedRootNodeIds(model, input.eventRiskNodeIds);
  const penalty = Math.max(0.1, 1 - 0.05 * defaulted.length);
  const stability = (draws.wins[recommended]! / draws.n) * penalty;
  const { level, isRobust } = robustnessLevel(stability);
  const fragile: number[] = [];
  const robust: number[] = [];
  const m = input.edgeSensitivity?.maxAbsElasticity;
  if (m && !input.edgeSensitivity!.numericalIssue) {
    model.edges.forEach((edge, e) => {
      if (edge.definitional || !Number.isFinite(m[e]!)) return;
      if (m[e]! > FRAGILE_ELASTICITY) fragile.push(e);
      else if (m[e]! < ROBUST_ELASTICITY) robust.push(e);
    });
  }
  const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  fragile.sort((a, b) => m![b]! - m![a]! || byCodePoint(model.edges[a]!.id, model.edges[b]!.id));
  const winnerCounts = new Map<number, number>();
  for (let i = 0; i < draws.n; i++) if (draws.winner[i]! >= 0) winnerCounts.set(draws.winner[i]!, (winnerCounts.get(draws.winner[i]!) ?? 0) + 1);
  const overallWinner = mostFrequent(winnerCounts);
  const marginalEdges = new Set(fragile.slice(0, MARGINAL_SWITCH_MAX_EDGES));
  const marginal = marginalEdges.size > 0 ? marginalSwitchProbabilities(model, [...marginalEdges], streams, input.signal, input.direction) : new Map<number, number>();
  const fragileRows: FragileEdgeRow[] = [];
  for (const e of fragile) {
    const edge = model.edges[e]!;
    const weak = weakDrawSwitch(draws.edgeStrength[e]!, draws.winner, overallWinner);
    if (!weak) continue;
    fragileRows.push({
      edge_id: edge.id,
      from_id: edge.fromId,
      to_id: edge.toId,
      ...(weak.alternative >= 0 ? { alternative_winner_id: ids[weak.alternative] as string } : {}),
      switch_probability: weak.probability,
      ...(marginal.has(e) ? { marginal_switch_probability: marginal.get(e)! } : {}),
    });
  }
  const block: RobustnessBlock = {
    level,
    confidence: stability,
    confidence_basis: "recommendation_stability_uncalibrated",
    ...(fragileRows.length > 0 ? { fragile_edges: fragileRows } : {}),
    is_robust: isRobust,
    fragile_edges_v1: fragile.map((e) => model.edges[e]!.id).sort(byCodePoint),
    robust_edges: robust.map((e) => model.edges[e]!.id).sort(byCodePoint),
    recommendation_stability: stability,
    ...(input.edgeEValues ? { edge_e_values: input.edgeEValues } : {}),
    ...(input.edgeSensitivity ? { edge_sensitivity: input.edgeSensitivity.rows } : {}),
    ...(defaulted.length > 0 ? { stability_penalty_factor: penalty, defaulted_root_node_ids: defaulted } : {}),
  };
  return { block, marginalSwitchTruncated: fragile.length > MARGINAL_SWITCH_MAX_EDGES };
}

/**
 * Marginal switch probability per edge: in the expected-value world, the edge alone is re-drawn K times
 * (exists ~ Bernoulli(p), strength ~ Normal(mean, std) when it exists, else 0; not multiplied by p) from
 * the stream "marginal_switch:{edge id}"; the share of draws whose winner differs from the baseline winner.
 *
 * @param direction - Objective of the deterministic winner (default maximise).
 */
export function marginalSwitchProbabilities(model: PlotModel, edges: readonly number[], streams: PlotStreams, signal?: AbortSignal, direction?: WinnerDirection): Map<number, number> {
  const winners = worldWinner(model, direction);
  const base = meanWorld(model);
  const baselineWinner = winners.winner(base);
  const work: PlotWorld = { edgeStrength: new Float64Array(base.edgeStrength), factorValue: base.factorValue };
  const result = new Map<number, number>();
  const u = new Float64Array(MARGINAL_K_SAMPLES);
  const z = new Float64Array(MARGINAL_K_SAMPLES);
  for (const e of edges) {
    signal?.throwIfAborted();
    const edge = model.edges[e]!;
    const stream = streams.root.fork(`marginal_switch:${edge.id}`);
    stream.fillUniform(u);
    stream.fillNormal(z, edge.mean, edge.std);
    let flips = 0;
    for (let k = 0; k < MARGINAL_K_SAMPLES; k++) {
      work.edgeStrength.set(base.edgeStrength);
      work.edgeStrength[e] = u[k]! < edge.existsProbability ? z[k]! : 0;
      if (winners.winner(work) !== baselineWinner) flips++;
    }
    result.set(e, flips / MARGINAL_K_SAMPLES);
  }
  return result;
}

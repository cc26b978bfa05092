/**
 * `factor_sensitivity[]`: per parameter-uncertain factor, the elasticity of the reference option's goal
 * to the factor in the expected-value world (every edge at mean·p, only the probed factor drawn, noise
 * off): el = ((goal(c + δ) − goal(c − δ)) / max(|bm|, 0.01)) / (2δ / max(|c|, 0.01)), δ = std (normal) or
 * 0.1·(max − min) (uniform); ranked by |el|; with bootstrap stability (the same elasticity on 20 sampled
 * edge backgrounds: std, rank flips, attribution band, provisional confidence), the reason an elasticity
 * is exactly zero, and the structural influence score.
 * Complexity: O(F·(N + E)·O) for the sweep plus O(20·F·(N + E)) for the bootstrap.
 * Reference: plot-v2-engine.md §4.7; plot-client.md §3.6.
 */
import { attributionConfidence, attributionStability, type AttributionStability, type ConfidenceBlend } from "./attribution-stability.js";
import { evaluateGoal, meanWorld, type PlotWorld } from "./evaluate.js";
import type { PlotModel, PlotModelFactor } from "./model.js";
import { sampleEdgeColumns } from "./samplers.js";
import { phaseStream, type PlotStreams } from "./streams.js";
import type { StructuralInfluenceResult } from "./structural-influence.js";
import { roundHalfEven } from "./wire-number.js";

/** Bootstrap backgrounds (always 20 here; the earlier service dropped to 10 when slow). */
export const FACTOR_BOOTSTRAP_RUNS = 20;

/** Why an elasticity is exactly zero. */
export type FactorZeroReason = "point_mass" | "intervention_override" | "zero_delta" | "zero_outcome_diff" | "baseline_normalised" | "disconnected";

/** One `factor_sensitivity[]` row. */
export interface FactorSensitivityRow {
  node_id: string;
  label: string;
  sensitivity_score: number;
  importance_score: number;
  elasticity: number;
  elasticity_display: number;
  direction: "positive" | "negative";
  confidence: number;
  confidence_source: "bootstrap_sampling";
  confidence_provenance: { method_version: "stability-cv-blend-v1"; calibrated: false };
  importance_rank: number;
  observed_value?: number;
  interpretation: string;
  value_source?: string;
  value_extraction_type?: string;
  value_defaulted?: true;
  zero_reason?: FactorZeroReason;
  baseline_near_zero: boolean;
  influence_score?: number;
  influence_rank?: number;
  elasticity_std: number;
  attribution_stability: AttributionStability;
  rank_flip_rate: number;
  stability_method: "bootstrap_20";
}

/** Inputs of {@link factorSensitivity}. */
export interface FactorSensitivityInput {
  readonly model: PlotModel;
  /** Mean of the reference option's main-MC goal samples (bm). */
  readonly referenceMean: number;
  /** Reference option index (options[0] on the wire). Default 0. */
  readonly referenceOption?: number;
  /** Bootstrap backgrounds come from `phaseStream(streams, "factor_bootstrap", i)`. */
  readonly streams: PlotStreams;
  /** Structural influence (adds influence_* and the `disconnected` zero reason); rows null ⇒ omitted. */
  readonly influence?: StructuralInfluenceResult;
  /** Confidence blend; default the late-2026 rule. */
  readonly confidenceBlend?: ConfidenceBlend;
  readonly signal?: AbortSignal;
}

/** Probe half-width δ of a factor. */
export function factorProbeDelta(factor: PlotModelFactor): number {
  if (factor.family === "normal") return factor.std;
  if (factor.family === "uniform") return 0.1 * (factor.max - factor.min);
  return 0;
}

/** The interpretation sentence of a factor row. */
export function factorInterpretation(label: string, elasticity: number, pointMass: boolean): string {
  if (pointMass) return `Factor ${label} has no uncertainty (point mass)`;
  const a = Math.abs(elasticity);
  if (a < 0.05) return `Decision is robust to ${label} value variation`;
  if (a < 0.2) return `Decision is moderately sensitive to ${label} value`;
  return `Decision is highly sensitive to ${label} value - consider narrowing uncertainty or gathering more data`;
}

/** Elasticities of every factor on one world (probe ± δ around the centre). */
function elasticitiesOn(model: PlotModel, world: PlotWorld, reference: number, scale: number, buffers: { out: Float64Array; scratch: Float64Array }): { el: number; hi: number; lo: number; delta: number }[] {
  return model.factors.map((factor) => {
    const delta = factorProbeDelta(factor);
    if (factor.family === "point_mass") return { el: 0, hi: 0, lo: 0, delta: 0 };
    const v = factor.nodeIndex;
    world.factorValue[v] = factor.centre + delta;
    const hi = evaluateGoal(model, world, reference, buffers);
    world.factorValue[v] = factor.centre - delta;
    const lo = evaluateGoal(model, world, reference, buffers);
    world.factorValue[v] = Number.NaN;
    const denominator = (2 * delta) / Math.max(Math.abs(factor.centre), 0.01);
    const el = denominator <= 1e-10 ? 0 : (hi - lo) / scale / denominator;
    return { el, hi, lo, delta };
  });
}

/** Rank (1-based) of each finite entry by |value| desc, stable; non-finite entries rank after them. */
function ranksByMagnitude(values: readonly number[]): number[] {
  const magnitude = (v: number): number => (Number.isFinite(v) ? Math.abs(v) : -1);
  const order = values.map((_, i) => i).sort((a, b) => magnitude(values[b]!) - magnitude(values[a]!) || a - b);
  const rank = new Array<number>(values.length);
  order.forEach((i, position) => {
    rank[i] = position + 1;
  });
  return rank;
}

/** Sample standard deviation (ddof 1). */
function sampleStd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = values.reduce((s, v) => s + v, 0) / n;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) * (v - m), 0) / (n - 1));
}

/**
 * Computes the factor sensitivity rows, sorted by importance rank (|el| desc, request order on ties).
 * Rows with a non-finite elasticity are left out (never non-finite numbers on the wire).
 *
 * rank_flip_rate = share of bootstrap runs whose |el|-rank differs from the primary rank by ≥ 2; 0 for a
 * negligible elasticity (the captures show 0 there: a zero row has no rank of its own to lose).
 *
 * zero_reason (|el| < 1e-10; first match): point_mass; some option sets the factor ⇒ intervention_override;
 * δ ≈ 0 ⇒ zero_delta; hi ≈ lo ⇒ zero_outcome_diff (or `disconnected` when the structural influence is
 * exactly < 1e-10); |bm| < 0.01 ⇒ baseline_normalised; else zero_outcome_diff.
 */
export function factorSensitivity(input: FactorSensitivityInput): FactorSensitivityRow[] {
  const { model } = input;
  const reference = input.referenceOption ?? 0;
  const bm = input.referenceMean;
  const scale = Math.max(Math.abs(bm), 0.01);
  const buffers = { out: new Float64Array(model.nodes.length), scratch: new Float64Array(model.nodes.length) };
  const primary = elasticitiesOn(model, meanWorld(model), reference, scale, buffers);
  const primaryEl = primary.map((p) => p.el);
  const primaryRank = ranksByMagnitude(primaryEl);
  const bootstrap: number[][] = model.factors.map(() => []);
  let rankFlips = model.factors.map(() => 0);
  const nanFactors = new Float64Array(model.nodes.length).fill(Number.NaN);
  for (let run = 0; run < FACTOR_BOOTSTRAP_RUNS; run++) {
    input.signal?.throwIfAborted();
    const columns = sampleEdgeColumns(model, 1, phaseStream(input.streams, "factor_bootstrap", run));
    const world: PlotWorld = { edgeStrength: Float64Array.from(columns.strength, (c) => c[0] as number), factorValue: nanFactors };
    const els = elasticitiesOn(model, world, reference, scale, buffers).map((p) => p.el);
    const ranks = ranksByMagnitude(els);
    els.forEach((el, f) => {
      if (Number.isFinite(el)) bootstrap[f]!.push(el);
    });
    rankFlips = rankFlips.map((count, f) => count + (Math.abs(ranks[f]! - primaryRank[f]!) >= 2 ? 1 : 0));
  }
  const maxAbs = primaryEl.reduce((m, el) => (Number.isFinite(el) ? Math.max(m, Math.abs(el)) : m), 0);
  const n = primaryEl.filter((el) => Number.isFinite(el)).length;
  const influenceRows = input.influence?.rows ?? null;
  const influenceById = new Map((influenceRows ?? []).map((r) => [r.node_id, r]));
  const rows = model.factors.map((factor, f): FactorSensitivityRow => {
    const { el, hi, lo, delta } = primary[f]!;
    const node = model.nodes[factor.nodeIndex]!;
    const requestNode = model.request.graph.nodes.find((x) => x.id === factor.nodeId);
    const pointMass = factor.family === "point_mass";
    const std = roundHalfEven(sampleStd(bootstrap[f]!), 8);
    const band = attributionStability(el, std);
    const rank = primaryRank[f]!;
    let zeroReason: FactorZeroReason | undefined;
    if (Math.abs(el) < 1e-10) {
      if (pointMass) zeroReason = "point_mass";
      else if (model.options.some((o) => o.setMode[factor.nodeIndex] !== 0)) zeroReason = "intervention_override";
      else if (Math.abs(delta) < 1e-10) zeroReason = "zero_delta";
      else if (Math.abs(hi - lo) < 1e-10) zeroReason = input.influence && !input.influence.truncated && (input.influence.rawByNode.get(factor.nodeId) ?? 1) < 1e-10 ? "disconnected" : "zero_outcome_diff";
      else if (Math.abs(bm) < 0.01) zeroReason = "baseline_normalised";
      else zeroReason = "zero_outcome_diff";
    }
    const influence = influenceById.get(factor.nodeId);
    return {
      node_id: factor.nodeId,
      label: node.label,
      sensitivity_score: maxAbs < 1e-10 ? 0 : Math.min(1, Math.abs(el) / maxAbs),
      importance_score: n === 1 ? 1 : 1 - (rank - 1) / Math.max(n - 1, 1),
      elasticity: el,
      elasticity_display: Math.max(-100, Math.min(100, el)),
      direction: el > 0 ? "positive" : "negative",
      confidence: attributionConfidence(el, std, band, input.confidenceBlend),
      confidence_source: "bootstrap_sampling",
      confidence_provenance: { method_version: "stability-cv-blend-v1", calibrated: false },
      importance_rank: rank,
      ...(factor.centreSource === "observed_value" ? { observed_value: factor.centre } : {}),
      interpretation: factorInterpretation(node.label, el, pointMass),
      ...(requestNode?.observed_state?.source != null ? { value_source: requestNode.observed_state.source } : {}),
      ...(requestNode?.observed_state?.extractionType != null ? { value_extraction_type: String(requestNode.observed_state.extractionType) } : {}),
      ...(factor.centreSource === "default_zero" ? { value_defaulted: true as const } : {}),
      ...(zeroReason ? { zero_reason: zeroReason } : {}),
      baseline_near_zero: Math.abs(bm) < 0.01,
      ...(influence ? { influence_score: influence.influence_score, influence_rank: influence.influence_rank } : {}),
      elasticity_std: std,
      attribution_stability: band,
      rank_flip_rate: band === "negligible" ? 0 : roundHalfEven(rankFlips[f]! / FACTOR_BOOTSTRAP_RUNS, 4),
      stability_method: "bootstrap_20",
    };
  });
  // NOTE: a non-finite elasticity (a non-finite reference mean or goal) is never put on the wire.
  return rows.filter((r) => Number.isFinite(r.elasticity) && Number.isFinite(r.elasticity_std) && Number.isFinite(r.confidence)).sort((a, b) => a.importance_rank - b.importance_rank);
}

/**
 * `robustness.edge_sensitivity[]`: two elasticities per non-definitional edge of the reference option's
 * goal — existence (edge present at its mean vs absent) and magnitude (strength mean + std vs mean − std,
 * halved) — divided by max(|reference mean|, 0.01); ranked by |elasticity| and scored against the largest.
 * The earlier service estimated each expectation from n_s = min(100, ⌊S/10⌋) sampled backgrounds (other
 * edges Bernoulli(p)·Normal(mean, std), no factor draws, noise off). With noise off the goal is a
 * multilinear polynomial in the edge strengths (every path uses an edge once; independent edges), so
 * E[goal] equals the goal evaluated with every other edge at mean·p: we compute that expectation exactly
 * (4 evaluations per edge) instead of estimating it. Same target, no Monte Carlo noise.
 * Complexity: O(E·(N + E)).
 * Reference: plot-v2-engine.md §4.6 (edge_sensitivity); plot-client.md §3.5.
 */
import { evaluateGoal, meanWorld } from "./evaluate.js";
import type { PlotModel } from "./model.js";

/** Subsample cap of the earlier service's sampled sweep (advertised in /health formula_parameters; prices the block). */
export const SENSITIVITY_SUBSAMPLE_CAP = 100;
/** Subsample divisor of the earlier service's sampled sweep (advertised in /health formula_parameters). */
export const SENSITIVITY_SUBSAMPLE_DIVISOR = 10;
/** |elasticity| at or above which a row reads "highly sensitive". */
export const HIGH_SENSITIVITY_THRESHOLD = 0.2;
/** |elasticity| below which a row reads "robust". */
export const LOW_SENSITIVITY_THRESHOLD = 0.05;

/** One `edge_sensitivity[]` row. */
export interface EdgeSensitivityRow {
  edge_id: string;
  from_id: string;
  to_id: string;
  sensitivity_type: "existence" | "magnitude";
  sensitivity_score: number;
  direction: "positive" | "negative";
  elasticity: number;
  importance_rank: number;
  interpretation: string;
}

/** Result of {@link edgeSensitivity}. */
export interface EdgeSensitivityResult {
  /** Rows ranked by |elasticity| (empty on a numerical refusal). */
  readonly rows: EdgeSensitivityRow[];
  /** Per edge (model order): max |elasticity| over its two rows; NaN for definitional edges. */
  readonly maxAbsElasticity: Float64Array;
  /** True when some elasticity was not finite (warning NUMERICAL_INSTABILITY, no rows). */
  readonly numericalIssue: boolean;
}

/** Inputs of {@link edgeSensitivity}. */
export interface EdgeSensitivityInput {
  readonly model: PlotModel;
  /** Mean of the reference option's main-MC goal samples (bm). */
  readonly referenceMean: number;
  /** Reference option index (options[0] on the wire). Default 0. */
  readonly referenceOption?: number;
  readonly signal?: AbortSignal;
}

/** The wire interpretation sentence of a row. */
export function edgeSensitivityInterpretation(edgeId: string, type: "existence" | "magnitude", elasticity: number): string {
  const a = Math.abs(elasticity);
  if (type === "existence") {
    if (a < LOW_SENSITIVITY_THRESHOLD) return `Decision is robust to whether ${edgeId} exists`;
    if (a < HIGH_SENSITIVITY_THRESHOLD) return `Decision is moderately sensitive to ${edgeId} existence`;
    return `Decision is highly sensitive to ${edgeId} existence - consider validating this relationship`;
  }
  if (a < LOW_SENSITIVITY_THRESHOLD) return `Decision is robust to effect size variation in ${edgeId}`;
  if (a < HIGH_SENSITIVITY_THRESHOLD) return `Decision is moderately sensitive to ${edgeId} effect size`;
  return `Decision is highly sensitive to ${edgeId} effect size - consider narrowing uncertainty`;
}

/**
 * Ranks raw elasticities into wire rows: clamp to ±100, stable sort by |el| desc, rank = position + 1,
 * score = min(1, |el|/max|el|) (divide by 1 when max < 1e-10), direction positive iff el > 0.
 */
export function rankEdgeSensitivity(entries: readonly { edgeId: string; fromId: string; toId: string; type: "existence" | "magnitude"; elasticity: number }[]): EdgeSensitivityRow[] {
  const clamped = entries.map((e) => ({ ...e, elasticity: Math.max(-100, Math.min(100, e.elasticity)) }));
  const order = clamped.map((_, i) => i).sort((a, b) => Math.abs(clamped[b]!.elasticity) - Math.abs(clamped[a]!.elasticity) || a - b);
  const max = clamped.reduce((m, e) => Math.max(m, Math.abs(e.elasticity)), 0);
  const divisor = max < 1e-10 ? 1 : max;
  return order.map((i, position) => {
    const e = clamped[i]!;
    return {
      edge_id: e.edgeId,
      from_id: e.fromId,
      to_id: e.toId,
      sensitivity_type: e.type,
      sensitivity_score: Math.min(1, Math.abs(e.elasticity) / divisor),
      direction: e.elasticity > 0 ? "positive" : "negative",
      elasticity: e.elasticity,
      importance_rank: position + 1,
      interpretation: edgeSensitivityInterpretation(e.edgeId, e.type, e.elasticity),
    };
  });
}

/**
 * Computes the edge sensitivity rows against the reference option.
 *
 * existence el = (E[goal | edge at mean] − E[goal | edge absent]) / max(|bm|, 0.01);
 * magnitude el = (E[goal | edge at mean + std] − E[goal | edge at mean − std]) / max(|bm|, 0.01) / 2;
 * every other edge at mean·p, no factor draws (roots at their observed value or 0), noise off.
 *
 * @returns Ranked rows, the per-edge max |elasticity| (for the fragile/robust classes) and a numerical flag.
 */
export function edgeSensitivity(input: EdgeSensitivityInput): EdgeSensitivityResult {
  const { model } = input;
  const reference = input.referenceOption ?? 0;
  const scale = Math.max(Math.abs(input.referenceMean), 0.01);
  const world = meanWorld(model);
  const base = Float64Array.from(world.edgeStrength);
  const out = new Float64Array(model.nodes.length);
  const scratch = new Float64Array(model.nodes.length);
  const goalWith = (edgeIndex: number, strength: number): number => {
    world.edgeStrength.set(base);
    world.edgeStrength[edgeIndex] = strength;
    return evaluateGoal(model, world, reference, { out, scratch });
  };
  const entries: { edgeId: string; fromId: string; toId: string; type: "existence" | "magnitude"; elasticity: number }[] = [];
  const maxAbsElasticity = new Float64Array(model.edges.length).fill(Number.NaN);
  let numericalIssue = false;
  model.edges.forEach((edge, e) => {
    if (edge.definitional) return;
    input.signal?.throwIfAborted();
    const existence = (goalWith(e, edge.mean) - goalWith(e, 0)) / scale;
    const magnitude = (goalWith(e, edge.mean + edge.std) - goalWith(e, edge.mean - edge.std)) / scale / 2;
    if (!Number.isFinite(existence) || !Number.isFinite(magnitude)) numericalIssue = true;
    const ends = { edgeId: edge.id, fromId: edge.fromId, toId: edge.toId };
    entries.push({ ...ends, type: "existence", elasticity: existence }, { ...ends, type: "magnitude", elasticity: magnitude });
    maxAbsElasticity[e] = Math.max(Math.min(100, Math.abs(existence)), Math.min(100, Math.abs(magnitude)));
  });
  if (numericalIssue) return { rows: [], maxAbsElasticity, numericalIssue: true };
  return { rows: rankEdgeSensitivity(entries), maxAbsElasticity, numericalIssue: false };
}

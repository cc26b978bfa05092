/**
 * `conditional_winners[]`: for each uncertain factor, the main Monte Carlo draws split at the factor's
 * median into a low bucket (value < median) and a high bucket (the rest); the option winning most draws
 * in each bucket; a row only when the two bucket winners differ (the factor's value decides the choice).
 * Complexity: O(F·(S log S + S + O log O)).
 * Reference: plot-v2-engine.md §4.14; fixture isl-conditional-winners-20260817 (key names).
 */
import { percentile } from "../numeric/index.js";
import type { PlotModel } from "./model.js";
import type { PlotDraws } from "./monte-carlo.js";

/** Smallest bucket that is reported. */
export const CONDITIONAL_WINNER_MIN_BUCKET = 50;

/** One bucket of a row. */
export interface ConditionalWinnerBucket {
  n_samples: number;
  winner_id: string;
  winner_label: string;
  winner_probability: number;
  runner_up_id?: string;
  runner_up_probability?: number;
}

/** One `conditional_winners[]` row. */
export interface ConditionalWinnerRow {
  factor_id: string;
  factor_label: string;
  split_value: number;
  split_unit?: string;
  low_bucket: ConditionalWinnerBucket;
  high_bucket: ConditionalWinnerBucket;
  winner_flips: true;
}

/** One factor's draws. */
export interface ConditionalWinnerFactor {
  readonly id: string;
  readonly label: string;
  /** `observed_state.unit`, when sent. */
  readonly unit?: string | undefined;
  /** True for a point-mass prior (skipped). */
  readonly pointMass: boolean;
  /** The factor's value on each main-MC draw. */
  readonly values: Float64Array;
}

/** Inputs of {@link conditionalWinners}. */
export interface ConditionalWinnersInput {
  readonly factors: readonly ConditionalWinnerFactor[];
  /** Winner option index per draw (−1 = none; skipped). */
  readonly winner: Int32Array;
  readonly optionIds: readonly string[];
  readonly optionLabels: readonly string[];
  /** Each option's overall mean outcome (breaks ties between equally frequent winners, higher first). */
  readonly optionMeans: ArrayLike<number>;
}

/** Ranks the winners of a bucket: count desc, then overall mean desc, then option order. */
function bucketOf(members: readonly number[], input: ConditionalWinnersInput): ConditionalWinnerBucket | null {
  const counts = new Map<number, number>();
  for (const i of members) {
    const w = input.winner[i]!;
    if (w >= 0) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (input.optionMeans[b[0]] as number) - (input.optionMeans[a[0]] as number) || a[0] - b[0]);
  if (ranked.length === 0) return null;
  const [winner, count] = ranked[0]!;
  const bucket: ConditionalWinnerBucket = {
    n_samples: members.length,
    winner_id: input.optionIds[winner] as string,
    winner_label: input.optionLabels[winner] as string,
    winner_probability: count / members.length,
  };
  if (ranked.length > 1) {
    const [runnerUp, runnerCount] = ranked[1]!;
    bucket.runner_up_id = input.optionIds[runnerUp] as string;
    bucket.runner_up_probability = runnerCount / members.length;
  }
  return bucket;
}

/**
 * Computes the conditional-winner rows (factor order; only factors whose bucket winners differ).
 *
 * split_value = numpy median of the factor's draws; each bucket needs ≥ 50 draws; winner_probability =
 * wins in the bucket / bucket size.
 */
export function conditionalWinners(input: ConditionalWinnersInput): ConditionalWinnerRow[] {
  const rows: ConditionalWinnerRow[] = [];
  if (input.optionIds.length < 2) return rows;
  for (const factor of input.factors) {
    if (factor.pointMass || factor.values.length === 0) continue;
    const split = percentile(factor.values, 50);
    const low: number[] = [];
    const high: number[] = [];
    factor.values.forEach((v, i) => (v < split ? low : high).push(i));
    if (low.length < CONDITIONAL_WINNER_MIN_BUCKET || high.length < CONDITIONAL_WINNER_MIN_BUCKET) continue;
    const lowBucket = bucketOf(low, input);
    const highBucket = bucketOf(high, input);
    if (!lowBucket || !highBucket || lowBucket.winner_id === highBucket.winner_id) continue;
    rows.push({
      factor_id: factor.id,
      factor_label: factor.label,
      split_value: split,
      ...(factor.unit !== undefined ? { split_unit: factor.unit } : {}),
      low_bucket: lowBucket,
      high_bucket: highBucket,
      winner_flips: true,
    });
  }
  return rows;
}

/**
 * The block for a compiled model and its main Monte Carlo: every parameter-uncertain factor's draws,
 * the per-draw winners, and the options' mean outcomes. The caller omits the block when it is empty,
 * under factor correlation, or when the ranking is withheld.
 */
export function conditionalWinnersOfDraws(model: PlotModel, draws: PlotDraws): ConditionalWinnerRow[] {
  const units = new Map(model.request.graph.nodes.map((n) => [n.id, n.observed_state?.unit ?? undefined] as const));
  return conditionalWinners({
    factors: model.factors.map((f, k) => ({ id: f.nodeId, label: model.nodes[f.nodeIndex]!.label, unit: units.get(f.nodeId) ?? undefined, pointMass: f.family === "point_mass", values: draws.factorValue[k]! })),
    winner: draws.winner,
    optionIds: model.options.map((o) => o.id),
    optionLabels: model.options.map((o) => o.label),
    optionMeans: draws.outcome.map((y) => {
      let sum = 0;
      let count = 0;
      for (const v of y) if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
      return count > 0 ? sum / count : Number.NEGATIVE_INFINITY;
    }),
  });
}

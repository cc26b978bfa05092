/**
 * `factor_evppi[]`: the expected value of partial perfect information about one uncertain factor θ,
 * EVPPI = E_θ[max_o E(Y_o | θ)] − max_o E(Y_o), estimated by regressing each option's Monte Carlo outcome
 * on a polynomial in θ (degree ≤ 4) and averaging the per-draw maximum of the fitted values; a noise
 * floor from 16 permutations of θ (the estimator's value when θ carries no information); a 2-fold
 * cross-fitted decision-gain test; rows labelled `below_resolution` when not distinguishable from noise.
 * Complexity: O(S·(d + 1)²) for the basis plus O(17·S·(d + 1)·O) for the estimate and its permutations,
 * per factor.
 * Reference: M. Strong, J. E. Oakley, A. Brennan, "Estimating multiparameter partial expected value of
 * perfect information from a probabilistic sensitivity analysis sample: a nonparametric regression
 * approach", Medical Decision Making 34 (2014) 311–326; plot-v2-engine.md §4.11.
 */
import type { Rng } from "../random/index.js";
import { decisionGainSignificant } from "./evppi-decision-gain.js";
import { powerBasisFit } from "./power-basis-regression.js";
import { roundHalfEven } from "./wire-number.js";

/** Permutations of θ behind the noise floor (advertised as `evppi_null_permutations`). */
export const EVPPI_NULL_PERMUTATIONS = 16;
/** Largest polynomial degree of the regression. */
export const EVPPI_MAX_DEGREE = 4;

/** One `factor_evppi[]` row. */
export interface FactorEvppiRow {
  factor_id: string;
  evppi: number;
  evppi_raw: number;
  baseline_max_expected_utility: number;
  conditional_max_expected_utility: number;
  units: "outcome";
  method: "regression_evppi_v1";
  regression_degree: number;
  n_samples: number;
  clamped_low: boolean;
  clamped_high: boolean;
  noise_floor: number;
  status: "resolved" | "below_resolution";
  correlation_active: boolean;
  status_reason?: "at_or_below_noise_floor" | "decision_gain_not_significant";
  spread_source?: string;
}

/** The raw estimate for one factor. */
export interface EvppiEstimate {
  /** E[max_o fitted_o(θ)] − max_o mean(Y_o). */
  readonly raw: number;
  readonly baseline: number;
  readonly conditional: number;
  readonly degree: number;
  /** Max over permutations of max(0, permuted estimate). */
  readonly noiseFloor: number;
  /** Cross-fitted decision gain significantly > 0. */
  readonly gainSignificant: boolean;
}

/** Maps θ linearly onto [−1, 1]. */
function toUnitInterval(theta: ArrayLike<number>, min: number, max: number): Float64Array {
  const span = max - min;
  return Float64Array.from(theta, (t) => (2 * (t - min)) / span - 1);
}

/**
 * mean_i max_o fitted_o(i) for the orthonormal basis Q (row-major n × k) of the design, with the design's
 * rows permuted by `order` (row i of the design is x[order[i]]; null = identity). A permutation of θ
 * permutes the rows of Q, so the permutation floor reuses one basis: c_o = Q_πᵀ·y_o, fitted_o = Q_π·c_o.
 */
function conditionalMax(basis: Float64Array, k: number, outcomes: readonly Float64Array[], order: Int32Array | null, gathered: Float64Array): number {
  const n = outcomes[0]!.length;
  let q = basis;
  if (order) {
    for (let i = 0; i < n; i++) {
      const from = order[i]! * k;
      for (let j = 0; j < k; j++) gathered[i * k + j] = basis[from + j]!;
    }
    q = gathered;
  }
  const options = outcomes.length;
  const coefficients = new Float64Array(options * k);
  for (let o = 0; o < options; o++) {
    const y = outcomes[o]!;
    for (let j = 0; j < k; j++) {
      let c = 0;
      for (let i = 0, at = j; i < n; i++, at += k) c += q[at]! * y[i]!;
      coefficients[o * k + j] = c;
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < options; o++) {
      let v = 0;
      for (let j = 0; j < k; j++) v += coefficients[o * k + j]! * q[i * k + j]!;
      if (v > best) best = v;
    }
    sum += best;
  }
  return sum / n;
}

/**
 * Estimates EVPPI for one factor from main Monte Carlo arrays.
 *
 * @param theta - The factor's value on each draw.
 * @param outcomes - Per option, the pre-noise goal value on each draw (finite).
 * @param rng - Stream for the permutations and the folds (e.g. `phaseStream(streams, "evppi", id)`).
 */
export function estimateEvppi(theta: Float64Array, outcomes: readonly Float64Array[], rng: Rng): EvppiEstimate {
  const means = outcomes.map((y) => y.reduce((s, v) => s + v, 0) / y.length);
  let bestOption = 0;
  means.forEach((m, o) => {
    if (m > means[bestOption]!) bestOption = o;
  });
  const baseline = means[bestOption]!;
  let min = Infinity;
  let max = -Infinity;
  const distinct = new Set<number>();
  for (const t of theta) {
    min = Math.min(min, t);
    max = Math.max(max, t);
    if (distinct.size <= EVPPI_MAX_DEGREE + 1) distinct.add(t);
  }
  if (distinct.size < 2 || !(max > min)) return { raw: 0, baseline, conditional: baseline, degree: 0, noiseFloor: 0, gainSignificant: false };
  const degree = Math.max(1, Math.min(EVPPI_MAX_DEGREE, distinct.size - 1));
  const x = toUnitInterval(theta, min, max);
  const columns = powerBasisFit(x, degree).columns;
  const k = columns.length;
  const basis = new Float64Array(x.length * k);
  columns.forEach((column, j) => {
    for (let i = 0; i < x.length; i++) basis[i * k + j] = column[i]!;
  });
  const gathered = new Float64Array(basis.length);
  const conditional = conditionalMax(basis, k, outcomes, null, gathered);
  let noiseFloor = 0;
  const permutations = rng.fork("permutations");
  const order = new Int32Array(x.length);
  for (let p = 0; p < EVPPI_NULL_PERMUTATIONS; p++) {
    for (let i = 0; i < order.length; i++) order[i] = i;
    permutations.shuffle(order);
    noiseFloor = Math.max(noiseFloor, Math.max(0, conditionalMax(basis, k, outcomes, order, gathered) - baseline));
  }
  const gainSignificant = decisionGainSignificant(x, degree, outcomes, bestOption, rng.fork("folds"));
  return { raw: conditional - baseline, baseline, conditional, degree, noiseFloor, gainSignificant };
}

/** One factor's inputs to {@link factorEvppiRow}. */
export interface FactorEvppiInput {
  readonly factorId: string;
  readonly estimate: EvppiEstimate;
  readonly samples: number;
  /** decision_evpi (the cap: partial information is worth no more than perfect information); NaN or ∞ = no cap. */
  readonly decisionEvpi: number;
  readonly correlationActive: boolean;
  /** The PU's `spread_source`, echoed when sent. */
  readonly spreadSource?: string | undefined;
}

/**
 * Builds the wire row: evppi = min(round6(max(0, raw)), decision_evpi); status below_resolution with
 * reason `at_or_below_noise_floor` when evppi ≤ round6(floor), else `decision_gain_not_significant` when
 * the cross-fitted gain is not significant, else resolved.
 */
export function factorEvppiRow(input: FactorEvppiInput): FactorEvppiRow {
  const { estimate } = input;
  const positive = Math.max(0, estimate.raw);
  // NOTE: a non-finite cap (no decision_evpi) leaves the estimate uncapped rather than poisoning it.
  const cap = Number.isFinite(input.decisionEvpi) ? input.decisionEvpi : Number.POSITIVE_INFINITY;
  const evppi = Math.min(roundHalfEven(positive, 6), cap);
  const floor = roundHalfEven(estimate.noiseFloor, 6);
  const reason = evppi <= floor ? "at_or_below_noise_floor" : !estimate.gainSignificant ? "decision_gain_not_significant" : undefined;
  return {
    factor_id: input.factorId,
    evppi,
    evppi_raw: roundHalfEven(estimate.raw, 6),
    baseline_max_expected_utility: roundHalfEven(estimate.baseline, 6),
    conditional_max_expected_utility: roundHalfEven(estimate.conditional, 6),
    units: "outcome",
    method: "regression_evppi_v1",
    regression_degree: estimate.degree,
    n_samples: input.samples,
    clamped_low: estimate.raw < 0,
    clamped_high: positive > cap,
    noise_floor: floor,
    status: reason ? "below_resolution" : "resolved",
    correlation_active: input.correlationActive,
    ...(reason ? { status_reason: reason } : {}),
    ...(input.spreadSource !== undefined ? { spread_source: input.spreadSource } : {}),
  };
}

/** Sorts rows by evppi desc, stable. */
export function sortEvppiRows(rows: FactorEvppiRow[]): FactorEvppiRow[] {
  return rows.map((r, i) => [r, i] as const).sort((a, b) => b[0].evppi - a[0].evppi || a[1] - b[1]).map(([r]) => r);
}

/** Inputs of {@link factorEvppi}. */
export interface FactorEvppiBlockInput {
  /** Per-factor id, the factor's main-MC draws, and whether any option sets it (levers are left out). */
  readonly factors: readonly { readonly id: string; readonly values: Float64Array; readonly setByOption: boolean; readonly spreadSource?: string | undefined }[];
  /** Per option (any order; sorted by id inside), the pre-noise goal value on each draw. */
  readonly outcomes: readonly { readonly id: string; readonly values: Float64Array }[];
  readonly decisionEvpi: number;
  readonly correlationActive: boolean;
  /** Stream per factor, e.g. `(id) => phaseStream(streams, "evppi", id)`. */
  readonly streamFor: (factorId: string) => Rng;
  readonly signal?: AbortSignal;
}

/**
 * The `factor_evppi` block: one row per uncertain factor that no option sets, over the draws on which
 * every option's outcome is finite, sorted by evppi desc.
 */
export function factorEvppi(input: FactorEvppiBlockInput): FactorEvppiRow[] {
  const sorted = [...input.outcomes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted[0]?.values.length ?? 0;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (sorted.every((o) => Number.isFinite(o.values[i]!))) keep.push(i);
  const outcomes = sorted.map((o) => (keep.length === n ? o.values : Float64Array.from(keep, (i) => o.values[i]!)));
  const rows: FactorEvppiRow[] = [];
  const seen = new Set<string>();
  for (const factor of input.factors) {
    if (factor.setByOption || seen.has(factor.id) || keep.length === 0) continue;
    seen.add(factor.id);
    input.signal?.throwIfAborted();
    const theta = keep.length === n ? factor.values : Float64Array.from(keep, (i) => factor.values[i]!);
    const estimate = estimateEvppi(theta, outcomes, input.streamFor(factor.id));
    rows.push(factorEvppiRow({ factorId: factor.id, estimate, samples: n, decisionEvpi: input.decisionEvpi, correlationActive: input.correlationActive, spreadSource: factor.spreadSource }));
  }
  return sortEvppiRows(rows);
}

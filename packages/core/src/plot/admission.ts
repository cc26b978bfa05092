/**
 * PLoT compute admission: the weighted cost model of `robustness/analyze/v2` (formula
 * `v6-status-quo-alt-winners-2026-08-03`), the constants it is built from, and the
 * `compute_admission` block that `GET /health` advertises (plot-v2-engine.md §6.1–6.2,
 * plot-client.md §5). One module holds every number, so the advertisement, the admission gate and
 * the phase loops that import these constants cannot drift apart.
 *
 * Complexity: pricing is O(N + E + P + C) for N nodes, E edges, P parameter uncertainties and C
 * control candidates (counting the request); the largest n_samples under a limit is a binary
 * search, O(log S_max) pricings. Source: the earlier ISL's analyzer header (`build_compute_admission`,
 * `weighted_cost`), as restated in plot-v2-engine.md §6.1.
 */
import { PLOT_CAPS } from "@olumi/contracts";

/** The formula version advertised on `/health`; PLoT plans only for versions it knows. */
export const PLOT_COMPLEXITY_FORMULA_VERSION = "v6-status-quo-alt-winners-2026-08-03";

/** Default admission ceiling in cost units (the server's `ISL_MAX_COST_UNITS` overrides it). */
export const PLOT_DEFAULT_MAX_COST_UNITS = 24_000_000;

/**
 * The weights of the v6 formula: exactly the 14 keys PLoT expects for v6 (the 12 keys of v5 plus
 * `status_quo_coef` and `alt_winner_coef`). An extra or missing key makes PLoT treat the block as skew.
 */
export const PLOT_COST_WEIGHTS = Object.freeze({
  base_per_sample_per_option_per_struct: 1,
  evpi_sample_cap: 2000,
  evpc_coef: 1,
  evppi_full_coef: 1,
  evppi_null_permutations: 16,
  factor_flip_coef: 1,
  influence_walk_pool: 400_000,
  sensitivity_coef: 4,
  evalue_coef: 20,
  bands_coef: 200,
  path_coef: 1,
  max_decomposition_paths: 20_000,
  status_quo_coef: 1,
  alt_winner_coef: 1,
} as const);

/** The per-phase parameters of the formula (also the loop sizes of those phases). */
export const PLOT_FORMULA_PARAMETERS = Object.freeze({
  factor_flips: Object.freeze({ max_candidates: 10, stability_seeds: 10 } as const),
  sensitivity: Object.freeze({ subsample_cap: 100, subsample_divisor: 10 } as const),
  alternative_winners: Object.freeze({ max_edges: 10, marginal_k_samples: 100 } as const),
} as const);

/**
 * Request-shape ceilings advertised as `caps`: the six keys PLoT knows, read from the request
 * model's own `PLOT_CAPS` (contracts), so the advertisement is what the schema enforces.
 */
export const PLOT_REQUEST_CAPS = Object.freeze({
  max_options: PLOT_CAPS.max_options,
  max_nodes: PLOT_CAPS.max_nodes,
  max_edges: PLOT_CAPS.max_edges,
  max_parameter_uncertainties: PLOT_CAPS.max_parameter_uncertainties,
  max_control_candidates: PLOT_CAPS.max_control_candidates,
  max_control_values: PLOT_CAPS.max_control_values,
} as const);

/** `n_samples`: default when absent, and the accepted range (inclusive), from the request model. */
export const PLOT_N_SAMPLES = Object.freeze({ default: PLOT_CAPS.default_samples, min: PLOT_CAPS.min_samples, max: PLOT_CAPS.max_samples } as const);

/** Goal-threshold frames that add the status-quo reference run. */
export const STATUS_QUO_FRAMES: readonly string[] = Object.freeze(["level", "change_abs", "change_rel"]);

/** The `compute_admission` block of `GET /health` (ISL's `ComputeAdmissionInfo`). */
export interface ComputeAdmissionBlock {
  max_cost_units: number;
  complexity_formula_version: string;
  weights: Record<keyof typeof PLOT_COST_WEIGHTS, number>;
  formula_parameters: {
    factor_flips: { max_candidates: number; stability_seeds: number };
    sensitivity: { subsample_cap: number; subsample_divisor: number };
    alternative_winners: { max_edges: number; marginal_k_samples: number };
  };
  caps: Record<keyof typeof PLOT_REQUEST_CAPS, number>;
}

/**
 * The `compute_admission` block for a ceiling: fresh plain objects (callers may serialise or mutate
 * them) copied from the module constants.
 *
 * @param maxCostUnits - The live admission ceiling (a positive safe integer).
 */
export function computeAdmissionBlock(maxCostUnits: number = PLOT_DEFAULT_MAX_COST_UNITS): ComputeAdmissionBlock {
  if (!Number.isSafeInteger(maxCostUnits) || maxCostUnits <= 0) throw new RangeError(`maxCostUnits must be a positive safe integer, got ${maxCostUnits}`);
  const p = PLOT_FORMULA_PARAMETERS;
  return {
    max_cost_units: maxCostUnits,
    complexity_formula_version: PLOT_COMPLEXITY_FORMULA_VERSION,
    weights: { ...PLOT_COST_WEIGHTS },
    formula_parameters: {
      factor_flips: { ...p.factor_flips },
      sensitivity: { ...p.sensitivity },
      alternative_winners: { ...p.alternative_winners },
    },
    caps: { ...PLOT_REQUEST_CAPS },
  };
}

/** What the cost formula reads from a request (counts are of the graph as sent). */
export interface PlotCostShape {
  /** S: `n_samples` (default {@link PLOT_N_SAMPLES}.default). */
  nSamples: number;
  /** O: number of options. */
  options: number;
  /** N: number of graph nodes. */
  nodes: number;
  /** E: number of graph edges. */
  edges: number;
  /** U: number of distinct node ids among `parameter_uncertainties`. */
  distinctUncertainNodes: number;
  /** `"sensitivity"` is among `analysis_types` (absent list = all three types). */
  sensitivity: boolean;
  /** A goal threshold with a frame in {@link STATUS_QUO_FRAMES}. */
  statusQuo: boolean;
  includeVoi: boolean;
  includeEValues: boolean;
  includeFactorFlips: boolean;
  includePathDecomposition: boolean;
  /** Whether `control_candidates` was sent (non-empty). */
  controlCandidates: boolean;
  /** Σ over control candidates of `values.length`. */
  controlValueCount: number;
}

/** The names of the cost terms, in the formula's insertion order. */
export type PlotCostTerm =
  | "base_mc"
  | "status_quo"
  | "evpi"
  | "evppi_full"
  | "evpc"
  | "sensitivity"
  | "structural_influence"
  | "alternative_winners"
  | "e_values"
  | "bands"
  | "factor_flips"
  | "path_decomposition";

/** A priced request. */
export interface PlotCost {
  /** Σ of the terms. */
  costUnits: number;
  /** The terms present, in insertion order (a term is absent when its condition does not hold). */
  breakdown: Partial<Record<PlotCostTerm, number>>;
  /** The first term with the maximal value. */
  dominantTerm: PlotCostTerm;
}

/**
 * Prices a request shape with the v6 formula (plot-v2-engine.md §6.1).
 *
 * @param shape - The counts and flags of the request.
 */
export function pricePlotRequest(shape: PlotCostShape): PlotCost {
  const w = PLOT_COST_WEIGHTS;
  const { factor_flips: ff, sensitivity: sens, alternative_winners: alt } = PLOT_FORMULA_PARAMETERS;
  const S = shape.nSamples;
  const O = shape.options;
  const N = shape.nodes;
  const E = shape.edges;
  const U = shape.distinctUncertainNodes;
  const W = N + E;
  const terms: [PlotCostTerm, number][] = [["base_mc", w.base_per_sample_per_option_per_struct * S * O * W]];
  if (shape.statusQuo) terms.push(["status_quo", w.status_quo_coef * S * W]);
  if (shape.includeVoi && U > 0) {
    terms.push(["evpi", (U + 1) * Math.min(S, w.evpi_sample_cap) * O * W]);
    terms.push(["evppi_full", w.evppi_full_coef * U * (1 + w.evppi_null_permutations) * S]);
  }
  if (shape.controlCandidates) terms.push(["evpc", w.evpc_coef * S * W * shape.controlValueCount]);
  if (shape.sensitivity) {
    terms.push(["sensitivity", w.sensitivity_coef * E * Math.min(sens.subsample_cap, Math.floor(S / sens.subsample_divisor)) * W]);
    if (U > 0) terms.push(["structural_influence", w.influence_walk_pool]);
    terms.push(["alternative_winners", w.alt_winner_coef * O * (1 + Math.min(E, alt.max_edges) * alt.marginal_k_samples) * W]);
  }
  if (shape.includeEValues) {
    terms.push(["e_values", w.evalue_coef * E * O]);
    terms.push(["bands", w.bands_coef * E * O]);
  }
  if (shape.includeFactorFlips) {
    terms.push(["factor_flips", w.factor_flip_coef * O * (1 + 2 * N + 2 * ff.max_candidates * (Math.max(O - 1, 0) + ff.stability_seeds)) * W]);
  }
  if (shape.includePathDecomposition) terms.push(["path_decomposition", w.path_coef * Math.min(w.max_decomposition_paths, E * E)]);
  let costUnits = 0;
  let dominant = terms[0]!;
  const breakdown: Partial<Record<PlotCostTerm, number>> = {};
  for (const term of terms) {
    breakdown[term[0]] = term[1];
    costUnits += term[1];
    if (term[1] > dominant[1]) dominant = term;
  }
  return { costUnits, breakdown, dominantTerm: dominant[0] };
}

/**
 * The largest `n_samples` in [{@link PLOT_N_SAMPLES}.min, .max] whose price fits under `limit`, or
 * undefined when even the minimum does not fit. Exact: every term is non-decreasing in S.
 *
 * @param shape - The request shape (its `nSamples` is ignored).
 * @param limit - The admission ceiling.
 */
export function maxSamplesWithinLimit(shape: PlotCostShape, limit: number): number | undefined {
  const fits = (s: number): boolean => pricePlotRequest({ ...shape, nSamples: s }).costUnits <= limit;
  let lo: number = PLOT_N_SAMPLES.min;
  let hi: number = PLOT_N_SAMPLES.max;
  if (!fits(lo)) return undefined;
  if (fits(hi)) return hi;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The admission gate of `robustness/analyze/v2`: prices a request with the advertised formula
 * ({@link pricePlotRequest}) and refuses it with a 422 {@link IslError} naming the cost, the cap, the
 * dominant term and the largest `n_samples` that would fit, when the price is over the ceiling
 * (plot-v2-engine.md §2.3 step 3 and §6.1). A request exactly at the ceiling is admitted.
 * O(N + E + P + C) plus O(log S_max) pricings on refusal.
 */
import { IslError } from "../errors.js";
import { maxSamplesWithinLimit, PLOT_COMPLEXITY_FORMULA_VERSION, pricePlotRequest, type PlotCost, type PlotCostShape } from "./admission.js";
import { plotCostShapeOf } from "./admission-shape.js";

/** An admitted request's price. */
export interface PlotAdmission extends PlotCost {
  /** The ceiling it was checked against. */
  limit: number;
}

/**
 * The 422 error of a request priced over the ceiling.
 *
 * @param shape - The request shape.
 * @param cost - Its price.
 * @param limit - The ceiling.
 */
export function plotCostExceededError(shape: PlotCostShape, cost: PlotCost, limit: number): IslError {
  const fitting = maxSamplesWithinLimit(shape, limit);
  const sampleHint =
    fitting !== undefined
      ? `Lower n_samples to at most ${fitting} (sent ${shape.nSamples})`
      : `Even the minimum n_samples does not fit: remove options, graph nodes or edges, or optional analyses`;
  return new IslError(
    "ISL_VALIDATION_ERROR",
    `Request compute cost exceeds limit: ${cost.costUnits} cost units > max_cost_units ${limit} (dominant term: ${cost.dominantTerm}).`,
    {
      details: {
        cost_units: cost.costUnits,
        limit,
        dominant_term: cost.dominantTerm,
        cost_breakdown: { ...cost.breakdown },
        complexity_formula_version: PLOT_COMPLEXITY_FORMULA_VERSION,
        complexity_score: cost.costUnits,
        ...(fitting !== undefined ? { max_n_samples_within_limit: fitting } : {}),
      },
      recovery: {
        hints: [
          sampleHint,
          "Turn off optional analyses (include_voi, include_factor_flips, include_e_values, include_path_decomposition) or drop \"sensitivity\" from analysis_types",
          "Price requests with the compute_admission block of GET /health before sending",
        ],
        suggestion: fitting !== undefined ? `Retry with n_samples <= ${fitting}` : "Send a smaller request",
      },
    },
  );
}

/**
 * Prices a raw analyze/v2 body and enforces the ceiling.
 *
 * @param body - The parsed JSON body.
 * @param limit - The ceiling (`max_cost_units`).
 * @returns The price, or `undefined` when the body is not a plausible request (left to the schema).
 * @throws IslError `ISL_VALIDATION_ERROR` (422) when the price is over `limit`.
 */
export function admitPlotRequest(body: unknown, limit: number): PlotAdmission | undefined {
  const shape = plotCostShapeOf(body);
  if (shape === undefined) return undefined;
  const cost = pricePlotRequest(shape);
  if (cost.costUnits > limit) throw plotCostExceededError(shape, cost, limit);
  return { ...cost, limit };
}

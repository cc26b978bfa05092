/**
 * @olumi/isl-core: pure, seeded causal-inference and decision-science algorithms.
 * Domain subpaths: `@olumi/isl-core/random`, `/hash`, `/numeric`, `/graph`, `/scm`.
 */
export { IslError, isIslError, type Recovery, type IslErrorOptions } from "./errors.js";
export * from "./operations/index.js";
export * from "./random/index.js";
export * from "./hash/index.js";
export * from "./numeric/index.js";
export * from "./graph/index.js";
export * from "./identify/index.js";
export * from "./scm/index.js";
export * from "./robustness/index.js";
export * from "./conformal/index.js";
export * from "./explain/index.js";
export * from "./sensitivity/index.js";
export {
  computeAdmissionBlock, maxSamplesWithinLimit, pricePlotRequest, PLOT_COMPLEXITY_FORMULA_VERSION, PLOT_COST_WEIGHTS, PLOT_DEFAULT_MAX_COST_UNITS,
  PLOT_FORMULA_PARAMETERS, PLOT_N_SAMPLES, PLOT_REQUEST_CAPS, STATUS_QUO_FRAMES, type ComputeAdmissionBlock, type PlotCost, type PlotCostShape, type PlotCostTerm,
} from "./plot/admission.js";
export { plotCostShapeOf } from "./plot/admission-shape.js";
export { admitPlotRequest, plotCostExceededError, type PlotAdmission } from "./plot/admission-gate.js";

/**
 * `@olumi/isl-core/sensitivity`: one-at-a-time sensitivity of a structural model's outcome to its
 * parameters (elasticities, outcome ranges, tipping points) and E-values for unmeasured
 * confounding (docs/sensitivity.md).
 */
export { eValueRiskRatio, eValues, riskRatioFromStandardizedDifference } from "./e-value.js";
export type { EValues, EffectMeasure } from "./e-value.js";
export { mapModelParameter } from "./model-parameter.js";
export type { ModelParameter } from "./model-parameter.js";
export { parameterOutcome, resolveOutcome } from "./parameter-outcome.js";
export type { ParameterOutcomeOptions } from "./parameter-outcome.js";
export { sweepParameter } from "./parameter-sweep.js";
export type { SweepOptions, SweepResult } from "./parameter-sweep.js";

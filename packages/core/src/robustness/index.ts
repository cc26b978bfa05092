/**
 * `@olumi/isl-core/robustness`: FACET robustness of an intervention proposal on a structural causal
 * model — the largest certified box around the proposal in which the targets are met with the
 * required probability, the in-target fraction of the feasible region, outcome guarantees and
 * fragility. Semantics: docs/robustness.md.
 */
export { analyzeRobustness, requiredHits, FRAGILE_SCALE, MAX_ROBUSTNESS_WORK, SCALE_TOLERANCE } from "./analyze-robustness.js";
export type { RobustnessAnalysis, RobustnessOptions } from "./analyze-robustness.js";
export { resolveRobustnessInput } from "./robustness-input.js";
export type { Range, ResolvedRobustnessInput, RobustnessInput } from "./robustness-input.js";
export { boxAtScale, largestRobustScale, pointAtScale, unitCheckPoints } from "./robust-box.js";
export type { RobustScale, RobustScaleOptions, UnitCheckPoints } from "./robust-box.js";
export { inTargetVolume } from "./in-target-volume.js";
export type { InTargetVolume } from "./in-target-volume.js";
export { createPointEvaluator } from "./point-evaluator.js";
export type { PointEvaluator, PointEvaluatorOptions } from "./point-evaluator.js";
export { outcomeGuarantees } from "./outcome-guarantees.js";
export type { OutcomeGuarantee } from "./outcome-guarantees.js";
export { robustnessInterpretation, robustnessRecommendation } from "./facet-text.js";

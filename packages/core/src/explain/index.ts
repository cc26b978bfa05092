/**
 * `@olumi/isl-core/explain`: contrastive explanation — the minimal intervention that moves a
 * structural model's expected outcome into a target range, and the unit-conditioned model it
 * searches over (docs/contrastive.md).
 */
export { searchMinimalInterventions } from "./contrastive.js";
export type { ContrastiveCandidate, ContrastiveObjective, ContrastiveSearchOptions, ContrastiveSearchResult, Lever, LeverChange } from "./contrastive.js";
export { createUnitModel } from "./unit-model.js";
export type { OutcomeEvaluation, UnitModel, UnitModelOptions } from "./unit-model.js";

/**
 * PLoT `robustness/analyze/v2` engine: the evaluation model, evaluator, samplers, main Monte Carlo,
 * envelope blocks and the orchestrator that assembles the V2 envelope.
 */
export * from "./model.js";
export * from "./evaluate.js";
export * from "./streams.js";
export * from "./samplers.js";
export * from "./correlation.js";
export * from "./objective.js";
export * from "./monte-carlo.js";
export * from "./critique.js";
export * from "./blocked.js";
export * from "./seed.js";
export * from "./validation.js";
export * from "./inference-warnings.js";
export * from "./goal-anchor.js";
export * from "./options-block.js";
export * from "./outcome-critiques.js";
export * from "./recommendation.js";
export * from "./request-echo.js";
export * from "./wire.js";
export * from "./optional-blocks.js";
export * from "./analyze-v2.js";
export * from "./admission.js";
export * from "./admission-shape.js";
export * from "./admission-gate.js";
export * from "./plot-graph.js";
export * from "./expected-value-winner.js";
export * from "./wire-number.js";
export * from "./flip-stability.js";
export * from "./edge-flip-search.js";
export * from "./edge-e-values.js";
export * from "./edge-sensitivity.js";
export * from "./robustness.js";
export * from "./structural-influence.js";
export * from "./attribution-stability.js";
export * from "./factor-sensitivity.js";
export * from "./factor-flip-values.js";
export * from "./power-basis-regression.js";
export * from "./factor-evppi.js";
export * from "./p-win-sensitivity.js";
export * from "./conditional-winners.js";
export * from "./path-decomposition.js";
export * from "./sensitivity-reference.js";
export * from "./symmetric-eigen.js";
export * from "./nearest-correlation.js";

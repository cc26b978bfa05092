/**
 * `@olumi/isl-core/identify`: the complete identification algorithms on ADMGs — ID for
 * P(y | do(x)) and IDC for P(y | do(x), z) (Shpitser & Pearl 2006) — with an estimand AST, a sound
 * simplifier, text and LaTeX rendering, and the hedge that proves non-identifiability.
 *
 * Conventions: node sets are sorted by name; estimands are deterministic (factors ordered by
 * topological rank, variables by name); bound variables that would shadow a visible name are primed.
 */
export { identifyEffect } from "./identify-effect.js";
export type { EffectQuery, Hedge, Identification } from "./identify-effect.js";
export { idAlgorithm, IdRun, DEFAULT_MAX_STEPS, DEFAULT_MAX_ESTIMAND_SIZE } from "./id-algorithm.js";
export type { IdOptions, IdOutcome, IdStep } from "./id-algorithm.js";
export { idcWithRun } from "./idc-algorithm.js";
export type { IdcOutcome } from "./idc-algorithm.js";
export { ESTIMAND_ONE, estimandKey, estimandSize, freeVariables, isEstimandOne, probabilityTerm, productTerm, quotientTerm, sumTerm, variableNode } from "./estimand.js";
export type { Estimand, ProbabilityTerm, ProductTerm, QuotientTerm, SumTerm } from "./estimand.js";
export { createSimplifier, simplifyEstimand } from "./simplify-estimand.js";
export type { SimplifyOptions } from "./simplify-estimand.js";
export { renameBoundVariables } from "./rename-bound-variables.js";
export { estimandLatex, estimandText, queryLatex, queryText } from "./render-estimand.js";
export { districtsWithin } from "./districts.js";
export { ancestorsWithin } from "./ancestral-set.js";
export { mSeparated } from "./m-separation.js";
export type { Mutilation } from "./m-separation.js";

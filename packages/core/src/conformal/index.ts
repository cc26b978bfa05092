/**
 * `@olumi/isl-core/conformal`: distribution-free prediction intervals. Split conformal with the
 * exact finite-sample quantile, jackknife+ and CV+ with least-squares refits (Householder QR), the
 * SCM point predictor E[Y | do(x)], and the linearity check that decides which models can be
 * refitted. Semantics and guarantees: docs/conformal.md.
 */
export { conformalLowerRank, conformalUpperRank, decimalFraction, minimumCalibrationSize } from "./quantile-rank.js";
export type { DecimalFraction } from "./quantile-rank.js";
export { absoluteResiduals, kthSmallest, splitConformalInterval } from "./split-conformal.js";
export type { ConformalPredictionInterval, SplitConformalInterval } from "./split-conformal.js";
export { cvPlusGuaranteedCoverage, jackknifePlusInterval } from "./jackknife-plus.js";
export type { JackknifePlusInterval } from "./jackknife-plus.js";
export { leastSquaresQr } from "./least-squares.js";
export type { LeastSquaresProblem } from "./least-squares.js";
export { requireLinearInCoefficients } from "./linear-in-coefficients.js";
export { coefficientRegressors } from "./coefficient-regressors.js";
export type { CoefficientRegressors } from "./coefficient-regressors.js";
export { dotRow, heldOutFits } from "./held-out-fits.js";
export type { HeldOutFits } from "./held-out-fits.js";
export { leaveOneOutFits } from "./leave-one-out.js";
export { randomFolds, randomSplit } from "./folds.js";
export { createOutcomePredictor, reachedByExogenous } from "./scm-predictor.js";
export type { OutcomePredictor, OutcomePredictorOptions } from "./scm-predictor.js";

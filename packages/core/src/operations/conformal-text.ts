/**
 * The explanatory parts of the `causal/counterfactual/conformal` response: the coverage guarantee
 * of each method with its assumptions, summary statistics of the scores, and plain-language text.
 * Guarantees: split conformal 1 − α ≤ coverage ≤ 1 − α + 1/(n+1) (Lei et al. 2018, Theorem 2.2);
 * jackknife+ ≥ 1 − 2α (Barber et al. 2021, Theorem 1); K-fold CV+ ≥ 1 − 2α − min{2(1 − 1/K)/(n/K + 1),
 * (1 − K/n)/(K + 1)} (ibid., Theorem 4). Complexity: O(n log n) for the statistics.
 */
import type { ConformalCounterfactualResponse, ExplanationMetadata, RequestOf } from "@olumi/contracts";
import { cvPlusGuaranteedCoverage, decimalFraction, type ConformalPredictionInterval } from "../conformal/index.js";
import { mean, percentile, populationStd } from "../numeric/index.js";
import type { ConformalMethod } from "./conformal-input.js";

type Request = RequestOf<"causal/counterfactual/conformal">;

const EXCHANGEABLE = "The calibration points and the new point (inputs = the intervention, outcome unseen) are exchangeable: drawn i.i.d. (or in a random order) from one distribution.";
const FIXED_MODEL = "The structural model and its seed were chosen without looking at the calibration data (split conformal scores every point against this fixed predictor).";

/** The `coverage_guarantee` block for a method. */
export function coverageGuarantee(method: ConformalMethod, n: number, folds: number, confidenceLevel: number, infinite: boolean, stochastic: boolean): ConformalCounterfactualResponse["coverage_guarantee"] {
  const assumptions = [EXCHANGEABLE];
  if (stochastic) assumptions.push("The point prediction is a Monte Carlo mean with a fixed seed, hence a fixed function of the inputs; its Monte Carlo error widens the interval but does not void the guarantee.");
  if (infinite) {
    assumptions.push(`With ${n} calibration points a ${confidenceLevel} interval needs the ⌈(n+1)(1−α)⌉-th smallest score, which does not exist; the only valid interval is the whole real line (coverage 1).`);
    return { nominal_coverage: confidenceLevel, guaranteed_coverage: 1, coverage_upper_bound: null, finite_sample_valid: true, assumptions };
  }
  if (method === "split") {
    assumptions.push(FIXED_MODEL, "The upper bound 1 − α + 1/(n+1) holds when the scores have no ties (continuous outcomes).");
    // NOTE: 1 − α + 1/(n+1) as one exact fraction, rounded once.
    const { numerator, denominator } = decimalFraction(confidenceLevel);
    const upper = Number(numerator * BigInt(n + 1) + denominator) / Number(denominator * BigInt(n + 1));
    return { nominal_coverage: confidenceLevel, guaranteed_coverage: confidenceLevel, coverage_upper_bound: Math.min(1, upper), finite_sample_valid: true, assumptions };
  }
  if (method === "jackknife_plus") {
    assumptions.push("The least-squares fit treats the points symmetrically (it does), as jackknife+ requires. Guarantee 1 − 2α (Barber et al. 2021, Theorem 1); in practice coverage is usually close to 1 − α.");
    // NOTE: 1 − 2α = (2·num − den)/den exactly, rounded once (1 − 2·(1 − 0.8) is 0.6000000000000001 in doubles).
    const { numerator, denominator } = decimalFraction(confidenceLevel);
    return { nominal_coverage: confidenceLevel, guaranteed_coverage: Math.max(0, Number(2n * numerator - denominator) / Number(denominator)), coverage_upper_bound: null, finite_sample_valid: true, assumptions };
  }
  const equal = n % folds === 0;
  assumptions.push(
    equal
      ? `K = ${folds} folds of equal size ${n / folds}; guarantee 1 − 2α − min{2(1−1/K)/(n/K+1), (1−K/n)/(K+1)} (Barber et al. 2021, Theorem 4).`
      : `The CV+ guarantee (Barber et al. 2021, Theorem 4) is proved for equal folds; ${n} points do not split into ${folds} equal folds, so the bound shown is indicative only.`,
  );
  return { nominal_coverage: confidenceLevel, guaranteed_coverage: cvPlusGuaranteedCoverage(n, folds, confidenceLevel), coverage_upper_bound: null, finite_sample_valid: equal, assumptions };
}

/** mean, std (population), median, iqr, min, max of the scores. */
export function residualStatistics(scores: Float64Array): { mean: number; std: number; median: number; iqr: number; min: number; max: number } {
  if (scores.length === 0) return { mean: 0, std: 0, median: 0, iqr: 0, min: 0, max: 0 };
  const sorted = Float64Array.from(scores).sort();
  return {
    mean: mean(scores),
    std: populationStd(scores),
    median: percentile(sorted, 50),
    iqr: percentile(sorted, 75) - percentile(sorted, 25),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** The `interpretation` of the width ratio. */
export function widthInterpretation(ratio: number | null, infinite: boolean, monteCarloWidth: number): string {
  if (infinite) return "The conformal interval is unbounded (too few calibration points for this confidence level), so it cannot be compared with the Monte Carlo interval. Add calibration points or lower the confidence level.";
  if (ratio === null) {
    return monteCarloWidth === 0
      ? "No random input reaches the outcome under this intervention, so the model's Monte Carlo interval is a single point; the conformal interval carries all the predictive uncertainty the calibration data show."
      : "The conformal interval has zero width (every calibration residual is 0), so no ratio is reported.";
  }
  if (ratio > 1.1) return `The conformal interval is ${ratio.toFixed(2)}× as wide as the model's Monte Carlo interval: the calibration data vary more than the model's noise implies (noise understated or model misspecified). Prefer the conformal interval.`;
  if (ratio < 0.9) return `The conformal interval is ${ratio.toFixed(2)}× as wide as the model's Monte Carlo interval: the calibration data vary less than the model's noise implies (noise overstated). The conformal interval is still valid.`;
  return `The conformal and Monte Carlo intervals have similar widths (ratio ${ratio.toFixed(2)}): the model's noise matches the calibration data.`;
}

/** The `explanation` block. */
export function conformalExplanation(method: ConformalMethod, request: Request, n: number, trainingSize: number, folds: number, interval: ConformalPredictionInterval): ExplanationMetadata {
  const pct = `${+(request.confidence_level * 100).toFixed(1)}%`;
  const label = method === "split" ? "split conformal" : method === "cv_plus" ? `CV+ with ${folds} folds` : "jackknife+";
  const range = interval.infinite ? "the whole real line" : `[${interval.lower}, ${interval.upper}]`;
  const summary = `${pct} ${label} interval for ${request.outcome} under do(${Object.entries(request.intervention).map(([k, v]) => `${k} = ${v}`).join(", ")}): ${range} around the prediction ${interval.prediction}.`;
  const reasoning =
    method === "split"
      ? `The model's prediction was compared with ${n} calibration observation${n === 1 ? "" : "s"}${trainingSize > 0 ? ` (after fitting ${request.fit!.join(", ")} on ${trainingSize} others)` : ""}; the interval's half-width is the ⌈(n+1)(1−α)⌉-th smallest absolute residual.`
      : `The coefficients ${request.fit!.join(", ")} were refitted by least squares without each ${method === "cv_plus" ? "fold" : "point"}; the interval combines each held-out fit's prediction with its held-out residuals.`;
  return {
    summary,
    reasoning,
    technical_basis: method === "split" ? "Split conformal prediction (Vovk, Gammerman & Shafer 2005; Lei et al. 2018) with the exact finite-sample quantile." : "Jackknife+ / CV+ (Barber, Candès, Ramdas & Tibshirani 2021) with Householder-QR least squares.",
    assumptions: [EXCHANGEABLE],
  };
}

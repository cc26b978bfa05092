/**
 * `causal/counterfactual/conformal`: a distribution-free prediction interval for the outcome under
 * do(intervention). The point predictor is the structural model's E[Y | do(x)] (a seeded
 * simulation with common random numbers, so one fixed function of x), optionally with coefficients
 * fitted by least squares. Split conformal (Vovk et al. 2005; Lei et al. 2018) scores all calibration
 * points against the fixed model, or, with fitted coefficients, fits on a random half and scores the
 * other; jackknife+ and CV+ (Barber, Candès, Ramdas & Tibshirani 2021) refit without each point or
 * fold. The Monte Carlo interval of the model's own noise is reported alongside.
 * Complexity: split O(n · samples · model) for the predictions + O(n log n); jackknife+ adds the
 * leave-one-out fits by deletion formulas, O(n p²); CV+ K refits, O(K n p²).
 */
import type { ConformalCounterfactualResponse, RequestOf } from "@olumi/contracts";
import {
  coefficientRegressors,
  createOutcomePredictor,
  cvPlusGuaranteedCoverage,
  dotRow,
  heldOutFits,
  jackknifePlusInterval,
  leastSquaresQr,
  leaveOneOutFits,
  randomFolds,
  randomSplit,
  splitConformalInterval,
  type CoefficientRegressors,
  type ConformalPredictionInterval,
} from "../conformal/index.js";
import { IslError } from "../errors.js";
import { buildStructuralModel } from "../scm/model.js";
import { requireFiniteColumns, simulate } from "../scm/simulate.js";
import { percentile } from "../numeric/index.js";
import { calibrationPoints, checkModel, checkNames, normaliseMethod, type CalibrationPoint, type ConformalMethod } from "./conformal-input.js";
import { conformalExplanation, coverageGuarantee, residualStatistics, widthInterpretation } from "./conformal-text.js";
import type { HandlerContext } from "./context.js";

type Request = RequestOf<"causal/counterfactual/conformal">;
type Response = Omit<ConformalCounterfactualResponse, "_metadata">;

/** Most simulated samples (predictions × samples) one request may run. */
export const MAX_CONFORMAL_SIMULATED_SAMPLES = 50_000_000;

/** The interval and what it was computed from. */
interface ConformalResult {
  readonly interval: ConformalPredictionInterval;
  readonly scores: Float64Array;
  readonly rank: number;
  readonly trainingSize: number;
  readonly coefficients: ReadonlyMap<string, number> | undefined;
  readonly folds: number;
}

/** The `causal/counterfactual/conformal` handler. */
export function causalCounterfactualConformalHandler(request: Request, ctx: HandlerContext): Response {
  const method = normaliseMethod(request.method);
  checkNames(request);
  const fit = request.fit ?? [];
  const intervened = Object.keys(request.intervention);
  const model = buildStructuralModel(request.model, { inputs: [...intervened, ...fit] });
  checkModel(model, request, method);
  const points = calibrationPoints(request);
  const simulationRng = ctx.rng.fork("simulation");
  const predictor = createOutcomePredictor(model, request.outcome, { samples: request.samples, rng: simulationRng, intervened: [...intervened, ...fit], signal: ctx.signal });
  checkBudget(predictor.stochastic, points, fit.length, request.samples);
  const test = new Map(Object.entries(request.intervention));

  const result =
    fit.length === 0
      ? fixedModelSplit(points, test, predictor.predict, request.confidence_level)
      : fittedModelInterval(method, points, test, predictor.predict, fit, request, ctx);

  const atTest = new Map(test);
  for (const [name, value] of result.coefficients ?? []) atTest.set(name, value);
  const simulation = simulate(model, { samples: predictor.samples, rng: simulationRng, interventions: atTest, signal: ctx.signal });
  requireFiniteColumns(model, simulation, [request.outcome]);
  const column = simulation.columns.get(request.outcome)!;
  const alpha = 1 - request.confidence_level;
  const mc = { lower: percentile(column, 50 * alpha), upper: percentile(column, 100 - 50 * alpha), confidence_level: request.confidence_level };

  const y = request.outcome;
  const { interval } = result;
  const lower = interval.infinite ? null : interval.lower;
  const upper = interval.infinite ? null : interval.upper;
  const width = interval.infinite ? null : interval.upper - interval.lower;
  const mcWidth = mc.upper - mc.lower;
  const ratio = width === null || !(mcWidth > 0) ? null : width / mcWidth;
  const stats = residualStatistics(result.scores);
  const n = points.length - result.trainingSize;
  return {
    prediction_interval: { lower_bound: { [y]: lower }, upper_bound: { [y]: upper }, point_estimate: { [y]: interval.prediction }, interval_width: { [y]: width }, infinite: interval.infinite },
    coverage_guarantee: coverageGuarantee(method, n, result.folds, request.confidence_level, interval.infinite, predictor.stochastic),
    calibration_quality: {
      calibration_size: n,
      training_size: result.trainingSize,
      residual_statistics: stats,
      interval_adaptivity: stats.mean === 0 ? 0 : stats.std / stats.mean,
      quantile_rank: Number.isFinite(result.rank) ? result.rank : null,
      ...(result.coefficients === undefined ? {} : { fitted_coefficients: Object.fromEntries(result.coefficients) }),
    },
    comparison_to_standard: {
      monte_carlo_interval: { [y]: mc },
      conformal_interval: { [y]: [lower, upper] },
      width_ratio: { [y]: ratio },
      interpretation: widthInterpretation(ratio, interval.infinite, mcWidth),
    },
    method,
    outcome: y,
    samples: predictor.samples,
    seed: ctx.seed,
    warnings: [...model.warnings],
    explanation: conformalExplanation(method, request, n, result.trainingSize, result.folds, interval),
  };
}

/** Split conformal with the model as given: every point calibrates. */
function fixedModelSplit(points: readonly CalibrationPoint[], test: ReadonlyMap<string, number>, predict: (x: ReadonlyMap<string, number>) => number, confidenceLevel: number): ConformalResult {
  const scores = Float64Array.from(points, (p) => Math.abs(p.outcome - predict(p.inputs)));
  const interval = splitConformalInterval(scores, predict(test), confidenceLevel);
  return { interval, scores, rank: interval.rank, trainingSize: 0, coefficients: undefined, folds: 0 };
}

/** Split (fit on a random half), jackknife+ or CV+ with least-squares coefficients. */
function fittedModelInterval(method: ConformalMethod, points: readonly CalibrationPoint[], test: ReadonlyMap<string, number>, predict: (x: ReadonlyMap<string, number>) => number, fit: readonly string[], request: Request, ctx: HandlerContext): ConformalResult {
  const n = points.length;
  const all = coefficientRegressors(predict, [...points.map((p) => p.inputs), test], fit);
  const p = fit.length;
  const data: CoefficientRegressors = { offsets: all.offsets.subarray(0, n), design: all.design.subarray(0, n * p), columns: p, names: fit };
  const testRow = { offset: all.offsets[n]!, row: all.design.subarray(n * p) };
  const observed = Float64Array.from(points, (pt) => pt.outcome);
  if (method === "split") {
    const trainSize = Math.floor(n / 2);
    if (trainSize < p || n - trainSize < 1) {
      throw new IslError("ISL_VALIDATION_ERROR", `Split conformal with ${p} fitted coefficient${p > 1 ? "s" : ""} fits on half of the calibration data and calibrates on the other half, so it needs at least ${2 * p} points (got ${n}).`, {
        details: { field: "calibration_data", points: n, coefficients: p },
        recovery: { hints: ["Add calibration points.", 'Or use "jackknife_plus", which uses every point for both.'], suggestion: `Give at least ${2 * p} calibration points.` },
      });
    }
    const { train, calibration } = randomSplit(n, trainSize, ctx.rng.fork("split"));
    const beta = fitRows(data, observed, train);
    const scores = Float64Array.from(calibration, (i) => Math.abs(observed[i]! - (data.offsets[i]! + dotRow(data.design, i * p, beta))));
    const interval = splitConformalInterval(scores, testRow.offset + dotRow(testRow.row, 0, beta), request.confidence_level);
    return { interval, scores, rank: interval.rank, trainingSize: trainSize, coefficients: namedCoefficients(fit, beta), folds: 0 };
  }
  const beta = fitRows(data, observed, Array.from({ length: n }, (_, i) => i));
  let foldOf: Int32Array;
  let folds: number;
  if (method === "jackknife_plus") {
    foldOf = Int32Array.from({ length: n }, (_, i) => i);
    folds = n;
  } else {
    if (request.folds !== undefined && request.folds > n) {
      throw new IslError("ISL_INVALID_INPUT", `CV+ with ${request.folds} folds needs at least ${request.folds} calibration points (got ${n}).`, {
        details: { field: "folds", folds: request.folds, points: n },
        recovery: { hints: [`Use at most ${n} folds.`, 'Or "jackknife_plus" (one point per fold).'], suggestion: `Set folds to ${Math.max(2, Math.min(n, 10))} or fewer.` },
      });
    }
    folds = request.folds ?? Math.max(2, Math.min(10, n));
    foldOf = randomFolds(n, folds, ctx.rng.fork("folds"));
  }
  if (n - Math.ceil(n / folds) < p) {
    throw new IslError("ISL_VALIDATION_ERROR", `Each held-out fit must estimate ${p} coefficient${p > 1 ? "s" : ""} from the remaining points, so ${method} needs more than ${p} calibration points here (got ${n}).`, {
      details: { field: "calibration_data", points: n, coefficients: p, folds },
      recovery: { hints: ["Add calibration points or fit fewer coefficients."], suggestion: "Give more calibration points." },
    });
  }
  const fits = method === "jackknife_plus" ? leaveOneOutFits(data, observed, testRow, ctx.signal) : heldOutFits(data, observed, foldOf, testRow, ctx.signal);
  const prediction = testRow.offset + dotRow(testRow.row, 0, beta);
  const interval = jackknifePlusInterval(fits.predictionsAtTest, fits.residuals, prediction, request.confidence_level);
  return { interval, scores: fits.residuals, rank: interval.upperRank, trainingSize: 0, coefficients: namedCoefficients(fit, beta), folds };
}

/** Least squares on the listed rows. */
function fitRows(data: CoefficientRegressors, observed: Float64Array, rows: readonly number[]): Float64Array {
  const p = data.columns;
  const design = new Float64Array(rows.length * p);
  const response = new Float64Array(rows.length);
  rows.forEach((i, r) => {
    for (let k = 0; k < p; k++) design[r * p + k] = data.design[i * p + k]!;
    response[r] = observed[i]! - data.offsets[i]!;
  });
  return leastSquaresQr({ design, response, columns: p, names: data.names });
}

function namedCoefficients(names: readonly string[], beta: Float64Array): Map<string, number> {
  return new Map(names.map((name, k) => [name, beta[k]!]));
}

/** Refuses requests whose simulations would exceed {@link MAX_CONFORMAL_SIMULATED_SAMPLES}. */
function checkBudget(stochastic: boolean, points: readonly CalibrationPoint[], coefficients: number, samples: number): void {
  if (!stochastic) return;
  const distinct = new Set(points.map((p) => [...p.inputs.values()].join(","))).size + 1;
  const total = distinct * (coefficients + 1) * samples;
  if (total > MAX_CONFORMAL_SIMULATED_SAMPLES) {
    const most = Math.max(1, Math.floor(MAX_CONFORMAL_SIMULATED_SAMPLES / (distinct * (coefficients + 1))));
    throw new IslError("ISL_INVALID_INPUT", `${distinct} distinct predictions × ${coefficients + 1} simulation${coefficients > 0 ? "s" : ""} each × ${samples} samples = ${total} simulated samples, more than the ${MAX_CONFORMAL_SIMULATED_SAMPLES} one request may run. Use at most ${most} samples.`, {
      details: { field: "samples", samples, predictions: distinct, limit: MAX_CONFORMAL_SIMULATED_SAMPLES, maxSamples: most },
      recovery: { hints: [`Set samples to ${most} or fewer.`, "Each prediction is a Monte Carlo mean; its error shrinks with √samples."], suggestion: `Reduce samples to ${most}.` },
    });
  }
}

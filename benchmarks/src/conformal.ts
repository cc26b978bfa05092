/**
 * Conformal intervals on n = 1,000 calibration points: split conformal (scores + exact-rank order
 * statistic), jackknife+ by the deletion formulas and by n explicit least-squares refits of a
 * 3-coefficient model (Householder QR), and
 * CV+ with 10 folds; and the whole `causal/counterfactual/conformal` operation with a noise-free
 * model (split, and jackknife+ with fit). Baseline in the same run: sorting the 1,000 residuals
 * (Float64Array.sort), the floor of any split-conformal interval.
 */
import { createRng, heldOutFits, jackknifePlusInterval, leastSquaresQr, leaveOneOutFits, randomFolds, runOperation, splitConformalInterval } from "@olumi/isl-core";
import { medianMs, printTable } from "../support/timing.js";

const n = 1000;
const rng = createRng("conformal-benchmark");
const x1 = Array.from({ length: n }, () => rng.uniform(0, 10));
const x2 = Array.from({ length: n }, () => rng.uniform(0, 5));
const y = x1.map((v, i) => 2 + 3 * v - x2[i]! + rng.normal(0, 1));
const predict = (a: number, b: number) => 2 + 3 * a - b;
const design = Float64Array.from(x1.flatMap((v, i) => [1, v, x2[i]!]));
const observed = Float64Array.from(y);
const data = { offsets: new Float64Array(n), design, columns: 3, names: ["a", "b", "c"] };
const test = { offset: 0, row: [1, 5, 2.5] };

const residuals = Float64Array.from(y, (v, i) => Math.abs(v - predict(x1[i]!, x2[i]!)));
const sortMs = medianMs(() => Float64Array.from(residuals).sort(), { reps: 51 });
const splitMs = medianMs(() => splitConformalInterval(Float64Array.from(y, (v, i) => Math.abs(v - predict(x1[i]!, x2[i]!))), predict(5, 2.5), 0.9), { reps: 51 });
const jackknifeFolds = Int32Array.from({ length: n }, (_, i) => i);
const jackknifeMs = medianMs(() => {
  const fits = heldOutFits(data, observed, jackknifeFolds, test);
  const beta = leastSquaresQr({ design, response: observed, columns: 3 });
  return jackknifePlusInterval(fits.predictionsAtTest, fits.residuals, beta[0]! + 5 * beta[1]! + 2.5 * beta[2]!, 0.9);
}, { reps: 5, warmup: 1 });
const fastJackknifeMs = medianMs(() => {
  const fits = leaveOneOutFits(data, observed, test);
  const beta = leastSquaresQr({ design, response: observed, columns: 3 });
  return jackknifePlusInterval(fits.predictionsAtTest, fits.residuals, beta[0]! + 5 * beta[1]! + 2.5 * beta[2]!, 0.9);
}, { reps: 51 });
const cvFolds = randomFolds(n, 10, rng.fork("folds"));
const cvMs = medianMs(() => {
  const fits = heldOutFits(data, observed, cvFolds, test);
  return jackknifePlusInterval(fits.predictionsAtTest, fits.residuals, 0, 0.9);
}, { reps: 21 });

const model = { variables: [], equations: { Y: "a + b*X1 + c*X2" }, distributions: {} };
const fixed = { variables: [], equations: { Y: "2 + 3*X1 - X2" }, distributions: {} };
const calibration = x1.map((v, i) => ({ inputs: { X1: v, X2: x2[i]! }, outcome: y[i]! }));
const request = { model: fixed, intervention: { X1: 5, X2: 2.5 }, outcome: "Y", calibration_data: calibration, confidence_level: 0.9 };
const opSplitMs = medianMs(() => runOperation("causal/counterfactual/conformal", request), { reps: 5, warmup: 1 });
const opJackknifeMs = medianMs(() => runOperation("causal/counterfactual/conformal", { ...request, model, fit: ["a", "b", "c"], method: "jackknife_plus" }), { reps: 3, warmup: 1 });

const ratio = (ms: number) => `${(ms / sortMs).toFixed(1)}×`;
printTable(`Conformal intervals, n = ${n} calibration points (baseline: sorting the residuals, ${sortMs.toFixed(3)} ms)`, ["what", "median ms", "× sort"], [
  ["sort 1,000 residuals (baseline)", sortMs.toFixed(3), "1.0×"],
  ["split conformal (scores + exact rank)", splitMs.toFixed(3), ratio(splitMs)],
  ["jackknife+ by deletion formulas (used)", fastJackknifeMs.toFixed(3), ratio(fastJackknifeMs)],
  ["jackknife+ by 1,000 explicit QR refits, p = 3", jackknifeMs.toFixed(2), ratio(jackknifeMs)],
  ["CV+ (10 folds, p = 3)", cvMs.toFixed(3), ratio(cvMs)],
  ["operation, split (fixed model, 1,001 predictions)", opSplitMs.toFixed(2), ratio(opSplitMs)],
  ["operation, jackknife+ (fit a, b, c)", opJackknifeMs.toFixed(2), ratio(opJackknifeMs)],
]);

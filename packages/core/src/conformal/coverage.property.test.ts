/**
 * Coverage of conformal intervals on synthetic exchangeable data (seeded). For each repetition,
 * n calibration points and one test point are drawn from Y = 2 + 3X + ε, X ~ U(0, 10), with normal
 * or skewed (centred exponential) noise; the interval is built and we record whether it covers the
 * test Y. Guarantees checked over R repetitions with tolerance 4·√(p(1−p)/R) (binomial standard
 * error at the bound p, so a correct method fails with probability below 1e-4 per check):
 * split conformal 1 − α ≤ coverage ≤ 1 − α + 1/(n+1) (Lei et al. 2018, Theorem 2.2);
 * jackknife+ and CV+ ≥ 1 − 2α (Barber et al. 2021, Theorems 1 and 4).
 */
import { describe, expect, it } from "vitest";
import { createRng, exponentialScale, type Rng } from "../random/index.js";
import { heldOutFits } from "./held-out-fits.js";
import { leaveOneOutFits } from "./leave-one-out.js";
import { cvPlusGuaranteedCoverage, jackknifePlusInterval } from "./jackknife-plus.js";
import { randomFolds } from "./folds.js";
import { leastSquaresQr } from "./least-squares.js";
import { splitConformalInterval } from "./split-conformal.js";

type Noise = (rng: Rng) => number;
const normalNoise: Noise = (rng) => rng.normal(0, 1);
const skewedNoise: Noise = (rng) => exponentialScale(rng, 2) - 2;

function draw(rng: Rng, n: number, noise: Noise): { x: number[]; y: number[] } {
  const x = Array.from({ length: n }, () => rng.uniform(0, 10));
  return { x, y: x.map((v) => 2 + 3 * v + noise(rng)) };
}

const tolerance = (p: number, reps: number) => 4 * Math.sqrt((p * (1 - p)) / reps);

describe("split conformal coverage", () => {
  it.each([
    [19, 0.9, "normal", normalNoise],
    [9, 0.8, "skewed", skewedNoise],
    [49, 0.95, "skewed", skewedNoise],
  ] as const)("n = %i, 1−α = %f, %s noise, misspecified fixed predictor", (n, c, _name, noise) => {
    const reps = 4000;
    const rng = createRng(`split-coverage-${n}-${c}`);
    // NOTE: a deliberately wrong predictor: conformal validity does not need a correct model.
    const predict = (x: number) => 1 + 3.2 * x;
    let covered = 0;
    let coveredOneRankLower = 0;
    for (let r = 0; r < reps; r++) {
      const { x, y } = draw(rng, n + 1, noise);
      const scores = x.slice(0, n).map((v, i) => Math.abs(y[i]! - predict(v)));
      const interval = splitConformalInterval(scores, predict(x[n]!), c);
      if (interval.lower <= y[n]! && y[n]! <= interval.upper) covered++;
      // NOTE: one rank lower must visibly under-cover (so this test can fail).
      if (Math.abs(y[n]! - predict(x[n]!)) <= [...scores].sort((a, b) => a - b)[interval.rank - 2]!) coveredOneRankLower++;
    }
    if (1 / (n + 1) > 2 * tolerance(c, reps)) expect(coveredOneRankLower / reps).toBeLessThan(c - tolerance(c, reps));
    const coverage = covered / reps;
    const upper = c + 1 / (n + 1);
    expect(coverage).toBeGreaterThanOrEqual(c - tolerance(c, reps));
    expect(coverage).toBeLessThanOrEqual(upper + tolerance(upper, reps));
  });
});

/** Coverage of jackknife+ (folds = n) or CV+ with a least-squares line refitted per fold. */
function heldOutCoverage(n: number, c: number, folds: number, reps: number, noise: Noise, seed: string): number {
  const rng = createRng(seed);
  let covered = 0;
  for (let r = 0; r < reps; r++) {
    const { x, y } = draw(rng, n + 1, noise);
    const design = Float64Array.from(x.slice(0, n).flatMap((v) => [1, v]));
    const observed = Float64Array.from(y.slice(0, n));
    const data = { offsets: new Float64Array(n), design, columns: 2, names: ["a", "b"] };
    // NOTE: jackknife+ through the deletion formulas the operation uses; CV+ through explicit refits.
    const fits = folds === n ? leaveOneOutFits(data, observed, { offset: 0, row: [1, x[n]!] }) : heldOutFits(data, observed, randomFolds(n, folds, rng.fork(`folds-${r}`)), { offset: 0, row: [1, x[n]!] });
    const beta = leastSquaresQr({ design, response: observed, columns: 2 });
    const interval = jackknifePlusInterval(fits.predictionsAtTest, fits.residuals, beta[0]! + beta[1]! * x[n]!, c);
    if (interval.lower <= y[n]! && y[n]! <= interval.upper) covered++;
  }
  return covered / reps;
}

describe("jackknife+ and CV+ coverage", () => {
  it("jackknife+ n = 19, 1−α = 0.9: coverage ≥ 1 − 2α", () => {
    const reps = 1500;
    const coverage = heldOutCoverage(19, 0.9, 19, reps, skewedNoise, "jackknife-coverage");
    expect(coverage).toBeGreaterThanOrEqual(0.8 - tolerance(0.8, reps));
    expect(coverage).toBeLessThanOrEqual(1);
  });

  it("CV+ n = 20, K = 5, 1−α = 0.9: coverage ≥ Theorem 4 bound", () => {
    const reps = 1500;
    const bound = cvPlusGuaranteedCoverage(20, 5, 0.9);
    const coverage = heldOutCoverage(20, 0.9, 5, reps, normalNoise, "cv-plus-coverage");
    expect(coverage).toBeGreaterThanOrEqual(bound - tolerance(bound, reps));
  });
});

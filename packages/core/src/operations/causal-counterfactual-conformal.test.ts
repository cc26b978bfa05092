/**
 * `causal/counterfactual/conformal` end to end: hand-computed residuals on a noise-free model,
 * the unbounded interval when n is too small, fitted coefficients (split, jackknife+, CV+), the
 * refusals and input errors, determinism, a Monte Carlo predictor against its analytic mean, and
 * empirical coverage of the operation on seeded synthetic data.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createRng } from "../random/index.js";
import { runOperation } from "./run.js";

const linearModel = { variables: ["Price", "Revenue"], equations: { Revenue: "1000 + 50*Price" }, distributions: {} };
/** Prices 10…18; residuals +10, −20, +30, … so the scores are 10, 20, …, 90. */
const nine = Array.from({ length: 9 }, (_, i) => ({ inputs: { Price: 10 + i }, outcome: 1000 + 50 * (10 + i) + (i % 2 === 0 ? 1 : -1) * 10 * (i + 1) }));
const base = { model: linearModel, intervention: { Price: 20 }, outcome: "Revenue", calibration_data: nine, confidence_level: 0.9 };
const run = (request: object) => runOperation("causal/counterfactual/conformal", request);

describe("split conformal on a noise-free model", () => {
  it("n = 9, α = 0.1: half-width = 9th smallest score = 90", () => {
    const r = run(base);
    expect(r.prediction_interval).toEqual({ lower_bound: { Revenue: 1910 }, upper_bound: { Revenue: 2090 }, point_estimate: { Revenue: 2000 }, interval_width: { Revenue: 180 }, infinite: false });
    expect(r.calibration_quality).toMatchObject({ calibration_size: 9, training_size: 0, quantile_rank: 9 });
    expect(r.calibration_quality.residual_statistics).toMatchObject({ mean: 50, median: 50, min: 10, max: 90 });
    expect(r.coverage_guarantee).toMatchObject({ nominal_coverage: 0.9, guaranteed_coverage: 0.9, coverage_upper_bound: 1, finite_sample_valid: true });
    expect(r.comparison_to_standard.monte_carlo_interval.Revenue).toEqual({ lower: 2000, upper: 2000, confidence_level: 0.9 });
    expect(r.comparison_to_standard.width_ratio.Revenue).toBeNull();
    expect(r.comparison_to_standard.conformal_interval.Revenue).toEqual([1910, 2090]);
    expect(r.samples).toBe(1);
    expect(r.method).toBe("split");
  });

  it("1−α = 0.8: rank ⌈10·0.8⌉ = 8 → half-width 80", () => {
    const r = run({ ...base, confidence_level: 0.8 });
    expect(r.prediction_interval.lower_bound.Revenue).toBe(1920);
    expect(r.prediction_interval.upper_bound.Revenue).toBe(2080);
    expect(r.calibration_quality.quantile_rank).toBe(8);
  });

  it("n = 8, α = 0.1: the interval is unbounded (null bounds, infinite: true)", () => {
    const r = run({ ...base, calibration_data: nine.slice(0, 8) });
    expect(r.prediction_interval).toEqual({ lower_bound: { Revenue: null }, upper_bound: { Revenue: null }, point_estimate: { Revenue: 2000 }, interval_width: { Revenue: null }, infinite: true });
    expect(r.coverage_guarantee.guaranteed_coverage).toBe(1);
    expect(r.calibration_quality.quantile_rank).toBeNull();
    expect(r.comparison_to_standard.conformal_interval.Revenue).toEqual([null, null]);
    expect(JSON.parse(JSON.stringify(r)).prediction_interval.lower_bound.Revenue).toBeNull();
  });

  it("accepts upstream's outcome map and refuses one without the outcome", () => {
    const mapped = nine.map((p) => ({ inputs: p.inputs, outcome: { Revenue: p.outcome, Other: 1 } }));
    expect(run({ ...base, calibration_data: mapped }).prediction_interval.upper_bound.Revenue).toBe(2090);
    const error = expectIslError(() => run({ ...base, calibration_data: [{ inputs: { Price: 1 }, outcome: { Sales: 3 } }] }), "ISL_INVALID_INPUT");
    expect(error.message).toContain("'Revenue'");
  });
});

describe("input errors", () => {
  it("names unknown and missing calibration inputs", () => {
    const unknown = expectIslError(() => run({ ...base, calibration_data: [{ inputs: { Price: 1, Prise: 2 }, outcome: 3 }] }), "ISL_INVALID_INPUT");
    expect(unknown.message).toContain("unknown variable 'Prise'");
    const missing = expectIslError(() => run({ ...base, calibration_data: [{ inputs: {}, outcome: 3 }] }), "ISL_INVALID_INPUT");
    expect(missing.message).toContain("missing 'Price'");
  });

  it("refuses CV+ and jackknife+ without fitted coefficients, saying which method works", () => {
    for (const method of ["jackknife_plus", "cv_plus", "jackknife+", "cv+"]) {
      const error = expectIslError(() => run({ ...base, method }), "ISL_INVALID_INPUT");
      expect(error.message).toContain('use method "split"');
    }
  });

  it("refuses an unknown intervention, an intervened outcome, a non-finite value and an unknown outcome", () => {
    const withPrice = { ...linearModel, distributions: { Price: { type: "uniform", parameters: { min: 0, max: 30 } } } };
    const typo = expectIslError(() => run({ ...base, model: withPrice, intervention: { Prise: 20 }, calibration_data: [{ inputs: { Prise: 1 }, outcome: 1 }] }), "ISL_INVALID_INTERVENTION");
    expect(typo.message).toContain("'Prise'");
    expectIslError(() => run({ ...base, intervention: { Prise: 20 }, calibration_data: [{ inputs: { Prise: 1 }, outcome: 1 }] }), "ISL_MISSING_VARIABLE");
    expectIslError(() => run({ ...base, intervention: { Price: 20, Revenue: 1 } }), "ISL_INVALID_INPUT");
    expectIslError(() => run({ ...base, calibration_data: [{ inputs: { Price: 1 }, outcome: Number.NaN }] }), "ISL_VALIDATION_ERROR");
    expectIslError(() => run({ ...base, outcome: "Profit" }), "ISL_NODE_NOT_FOUND");
  });

  it("refuses fit lists that cannot be least squares", () => {
    const model = { variables: [], equations: { Revenue: "a * exp(b*Price)" }, distributions: {} };
    const nonlinear = expectIslError(() => run({ ...base, model, fit: ["a", "b"], method: "jackknife_plus" }), "ISL_INVALID_MODEL");
    expect(nonlinear.message).toContain("exp()");
    const notInEquation = { variables: [], equations: { Revenue: "a + 50*Price", Cost: "c*Price" }, distributions: {} };
    expectIslError(() => run({ ...base, model: notInEquation, fit: ["a", "c"], method: "jackknife_plus" }), "ISL_INVALID_MODEL");
    expectIslError(() => run({ ...base, model: { ...linearModel, equations: { Revenue: "a + 50*Price" } }, fit: ["a", "a"] }), "ISL_INVALID_INPUT");
    expectIslError(() => run({ ...base, model: { ...linearModel, equations: { Revenue: "a + b*Price" } }, fit: ["a", "b"], method: "cv_plus", folds: 20 }), "ISL_INVALID_INPUT");
  });
});

describe("fitted coefficients", () => {
  const fitted = { ...linearModel, equations: { Revenue: "a + b*Price" } };
  it("jackknife+ on data exactly on a line: a = 1000, b = 50, zero width", () => {
    const exact = nine.map((p) => ({ inputs: p.inputs, outcome: 1000 + 50 * p.inputs.Price }));
    const r = run({ ...base, model: fitted, fit: ["a", "b"], method: "jackknife_plus", calibration_data: [...exact, ...exact] });
    expect(r.calibration_quality.fitted_coefficients!.a).toBeCloseTo(1000, 8);
    expect(r.calibration_quality.fitted_coefficients!.b).toBeCloseTo(50, 9);
    expect(r.prediction_interval.point_estimate.Revenue).toBeCloseTo(2000, 8);
    expect(r.prediction_interval.interval_width.Revenue!).toBeCloseTo(0, 8);
    expect(r.coverage_guarantee.guaranteed_coverage).toBeCloseTo(0.8, 12);
  });

  it("split with fit trains on ⌊n/2⌋ points and calibrates on the rest; CV+ reports its folds", () => {
    const data = Array.from({ length: 40 }, (_, i) => ({ inputs: { Price: i }, outcome: 1000 + 50 * i + ((i * 37) % 11) - 5 }));
    const split = run({ ...base, model: fitted, fit: ["a", "b"], calibration_data: data });
    expect(split.calibration_quality).toMatchObject({ training_size: 20, calibration_size: 20, quantile_rank: 19 });
    const cv = run({ ...base, model: fitted, fit: ["a", "b"], method: "cv_plus", folds: 5, calibration_data: data });
    expect(cv.method).toBe("cv_plus");
    expect(cv.coverage_guarantee.finite_sample_valid).toBe(true);
    expect(cv.prediction_interval.lower_bound.Revenue!).toBeLessThan(2000);
    expect(cv.prediction_interval.upper_bound.Revenue!).toBeGreaterThan(2000);
  });

  it("CV+ defaults to min(10, n) folds; with K = n it is jackknife+", () => {
    const six = nine.slice(0, 6);
    const cv = run({ ...base, model: fitted, fit: ["a", "b"], method: "cv_plus", confidence_level: 0.7, calibration_data: six });
    expect(cv.explanation.summary).toContain("CV+ with 6 folds");
    const jk = run({ ...base, model: fitted, fit: ["a", "b"], method: "jackknife_plus", confidence_level: 0.7, calibration_data: six });
    expect(cv.prediction_interval.lower_bound.Revenue!).toBeCloseTo(jk.prediction_interval.lower_bound.Revenue!, 8);
    expect(cv.prediction_interval.upper_bound.Revenue!).toBeCloseTo(jk.prediction_interval.upper_bound.Revenue!, 8);
    expect(cv.coverage_guarantee.guaranteed_coverage).toBeCloseTo(jk.coverage_guarantee.guaranteed_coverage, 12);
  });
});

describe("stochastic models", () => {
  const noisy = { variables: ["Price", "Revenue"], equations: { Revenue: "10000 + 500*Price + noise" }, distributions: { noise: { type: "normal", parameters: { mean: 0, std: 500 } } } };
  const data = Array.from({ length: 20 }, (_, i) => ({ inputs: { Price: 5 + i }, outcome: 10000 + 500 * (5 + i) + ((i * 7) % 5) * 100 - 200 }));
  const request = { model: noisy, intervention: { Price: 15 }, outcome: "Revenue", calibration_data: data, seed: 7 };

  it("predicts E[Y | do(Price = 15)] = 17500 within 5 Monte Carlo standard errors, identically twice", () => {
    const a = run(request);
    expect(Math.abs(a.prediction_interval.point_estimate.Revenue! - 17500)).toBeLessThan(5 * (500 / Math.sqrt(10_000)));
    expect(a.samples).toBe(10_000);
    // NOTE: the Monte Carlo interval of N(17500, 500²) at 95%: ±1.96·500.
    const mc = a.comparison_to_standard.monte_carlo_interval.Revenue!;
    expect(Math.abs(mc.upper - mc.lower - 2 * 1.959964 * 500)).toBeLessThan(40);
    expect(JSON.stringify(run(request))).toBe(JSON.stringify(a));
  });

  it("refuses a request that would simulate too much", () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ inputs: { Price: i }, outcome: 0 }));
    expectIslError(() => run({ ...request, calibration_data: many, samples: 1_000_000 }), "ISL_INVALID_INPUT");
  });
});

describe("coverage of the operation on exchangeable data", () => {
  it("split conformal with the model Y = 2 + 3X: 0.9 ≤ coverage ≤ 0.95 (± 4 binomial SE)", () => {
    const reps = 300;
    const n = 19;
    const rng = createRng("operation-coverage");
    const model = { variables: [], equations: { Y: "2 + 3*X" }, distributions: {} };
    let covered = 0;
    for (let r = 0; r < reps; r++) {
      const points = Array.from({ length: n + 1 }, () => {
        const x = rng.uniform(0, 10);
        return { x, y: 2 + 3 * x + rng.normal(0, 2) };
      });
      const test = points[n]!;
      const res = run({ model, intervention: { X: test.x }, outcome: "Y", confidence_level: 0.9, calibration_data: points.slice(0, n).map((p) => ({ inputs: { X: p.x }, outcome: p.y })) });
      if (res.prediction_interval.lower_bound.Y! <= test.y && test.y <= res.prediction_interval.upper_bound.Y!) covered++;
    }
    const tol = (p: number) => 4 * Math.sqrt((p * (1 - p)) / reps);
    expect(covered / reps).toBeGreaterThanOrEqual(0.9 - tol(0.9));
    expect(covered / reps).toBeLessThanOrEqual(0.95 + tol(0.95));
  });
});

/**
 * Monte Carlo tests of Beta via two gammas: moments within 5 SE and KS against closed-form CDFs.
 */
import { describe, expect, it } from "vitest";
import { createRng } from "./rng.js";
import { expectKolmogorovSmirnov, expectMoments } from "./statistical-checks.test-support.js";

const N = 100_000;

/** Mean, variance and excess kurtosis of Beta(a, b). */
function betaMoments(a: number, b: number): { mean: number; variance: number; excessKurtosis: number } {
  const s = a + b;
  return {
    mean: a / s,
    variance: (a * b) / (s * s * (s + 1)),
    excessKurtosis: (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3)),
  };
}

describe("beta(alpha, beta) via gammas", () => {
  it.each([
    { alpha: 2, beta: 3 },
    { alpha: 0.5, beta: 0.5 },
    { alpha: 0.2, beta: 5 },
    { alpha: 1, beta: 1 },
    { alpha: 30, beta: 0.4 },
    { alpha: 0.05, beta: 0.05 },
  ])("Beta($alpha, $beta): mean and variance within 5 SE", ({ alpha, beta }) => {
    const sample = createRng(`beta-${alpha}-${beta}`).fillBeta(new Float64Array(N), alpha, beta);
    expectMoments(sample, betaMoments(alpha, beta));
  });

  it.each([
    { alpha: 1, beta: 1, cdf: (x: number) => x, name: "uniform" },
    { alpha: 0.5, beta: 0.5, cdf: (x: number) => (2 / Math.PI) * Math.asin(Math.sqrt(x)), name: "arcsine" },
    { alpha: 2, beta: 1, cdf: (x: number) => x * x, name: "x²" },
    { alpha: 1, beta: 3, cdf: (x: number) => 1 - (1 - x) ** 3, name: "1 − (1 − x)³" },
  ])("Beta($alpha, $beta) has CDF $name: KS at α = 0.001", ({ alpha, beta, cdf }) => {
    const sample = createRng(`beta-ks-${alpha}-${beta}`).fillBeta(new Float64Array(N), alpha, beta);
    expectKolmogorovSmirnov(sample, cdf);
  });

  it("draws lie in [0, 1] and are never NaN, even for tiny shapes", () => {
    const sample = createRng("beta-support").fillBeta(new Float64Array(20_000), 0.001, 0.002);
    expect(sample.every((x) => x >= 0 && x <= 1)).toBe(true);
  });
});

/**
 * Test support for the samplers' Monte Carlo checks: sample moments against theory within five
 * standard errors, and the one-sample Kolmogorov–Smirnov statistic against its α = 0.001 critical
 * value. O(n log n) per check. Used only by `*.test.ts` files.
 *
 * Tolerances, derived (not fitted): for n i.i.d. draws with variance σ² and excess kurtosis κ,
 *   SE(sample mean) = σ/√n, and SE(population variance) ≈ √((μ₄ − σ⁴)/n) = σ²·√((κ + 2)/n),
 * since μ₄ = (κ + 3)σ⁴. We require |estimate − truth| ≤ 5·SE: a correct sampler fails such a check
 * with probability ≈ 6e-7. The KS check rejects when Dₙ > √(−½ ln(α/2))/√n with α = 0.001, i.e.
 * Dₙ > 1.9495/√n (Smirnov's asymptotic distribution, accurate for n in the thousands).
 * Reference: A. Stuart, J. K. Ord, "Kendall's Advanced Theory of Statistics", Vol. 1, §10.5
 * (standard errors of moments); Smirnov (1948).
 */
import { expect } from "vitest";
import { mean } from "../numeric/mean.js";
import { populationVariance } from "../numeric/population-std.js";
import { ksCriticalValue, ksStatistic } from "../numeric/kolmogorov-smirnov.js";

/** Theoretical mean, variance and excess kurtosis of a distribution. */
export interface TheoreticalMoments {
  /** E[X]. */
  mean: number;
  /** Var[X]. */
  variance: number;
  /** E[(X − μ)⁴]/σ⁴ − 3. */
  excessKurtosis: number;
}

/** Number of standard errors allowed in moment checks. */
export const STANDARD_ERRORS = 5;
/** Significance level of the Kolmogorov–Smirnov checks. */
export const KS_ALPHA = 0.001;

/**
 * Asserts that the sample mean and variance match theory within {@link STANDARD_ERRORS} standard
 * errors (formulas in the file header).
 *
 * @param sample - The draws.
 * @param theory - True moments of the sampled distribution.
 */
export function expectMoments(sample: Float64Array, theory: TheoreticalMoments): void {
  const n = sample.length;
  const seMean = Math.sqrt(theory.variance / n);
  const seVariance = theory.variance * Math.sqrt((theory.excessKurtosis + 2) / n);
  const m = mean(sample);
  const v = populationVariance(sample);
  expect(Math.abs(m - theory.mean), `mean ${m} vs ${theory.mean} (SE ${seMean})`).toBeLessThanOrEqual(STANDARD_ERRORS * seMean);
  expect(Math.abs(v - theory.variance), `variance ${v} vs ${theory.variance} (SE ${seVariance})`).toBeLessThanOrEqual(
    STANDARD_ERRORS * seVariance,
  );
}

/**
 * Asserts that the Kolmogorov–Smirnov distance between the sample and `cdf` is below the critical
 * value at α = {@link KS_ALPHA}.
 *
 * @param sample - The draws.
 * @param cdf - The exact CDF of the sampled distribution.
 */
export function expectKolmogorovSmirnov(sample: Float64Array, cdf: (x: number) => number): void {
  const d = ksStatistic(sample, cdf);
  const critical = ksCriticalValue(sample.length, KS_ALPHA);
  expect(d, `KS D = ${d}, critical ${critical}`).toBeLessThan(critical);
}

/**
 * Monte Carlo tests of the Marsaglia–Tsang gamma sampler (moments within 5 SE for shapes < 1 and
 * ≥ 1, KS for shapes 1 and ½) and of the log-space gamma used for tiny shapes.
 */
import { describe, expect, it } from "vitest";
import { normalCdf } from "../numeric/normal-cdf.js";
import { logStandardGamma } from "./gamma.js";
import { createRng } from "./rng.js";
import { expectKolmogorovSmirnov, expectMoments, STANDARD_ERRORS } from "./statistical-checks.test-support.js";

const N = 100_000;
const EULER_GAMMA = 0.5772156649015329;

describe("gamma(shape, scale), Marsaglia–Tsang", () => {
  // Gamma(k, θ): mean kθ, variance kθ², excess kurtosis 6/k. Tolerances: 5 SE (see support file).
  it.each([
    { shape: 0.05, scale: 1 },
    { shape: 0.3, scale: 1 },
    { shape: 0.5, scale: 2 },
    { shape: 1, scale: 0.5 },
    { shape: 2.5, scale: 1 },
    { shape: 9, scale: 3 },
    { shape: 150, scale: 0.01 },
  ])("shape $shape, scale $scale: mean kθ, variance kθ²", ({ shape, scale }) => {
    const sample = createRng(`gamma-${shape}-${scale}`).fillGamma(new Float64Array(N), shape, scale);
    expectMoments(sample, { mean: shape * scale, variance: shape * scale * scale, excessKurtosis: 6 / shape });
  });

  it("shape 1 is exponential: KS against 1 − exp(−x/θ)", () => {
    const scale = 0.5;
    const sample = createRng("gamma-ks-1").fillGamma(new Float64Array(N), 1, scale);
    expectKolmogorovSmirnov(sample, (x) => 1 - Math.exp(-x / scale));
  });

  it("shape ½ (boost path) is θ·χ²₁/2: KS against 2Φ(√(2x/θ)) − 1", () => {
    const scale = 2;
    const sample = createRng("gamma-ks-half").fillGamma(new Float64Array(N), 0.5, scale);
    expectKolmogorovSmirnov(sample, (x) => 2 * normalCdf(Math.sqrt((2 * x) / scale)) - 1);
  });

  it("draws are positive and finite", () => {
    const sample = createRng("gamma-support").fillGamma(new Float64Array(10_000), 3, 2);
    expect(sample.every((x) => x > 0 && Number.isFinite(x))).toBe(true);
  });
});

describe("logStandardGamma", () => {
  // ln G for G ~ Gamma(k, 1): mean ψ(k), variance ψ′(k), excess kurtosis ψ‴(k)/ψ′(k)².
  // ψ(½) = −γ − 2 ln 2, ψ′(½) = π²/2, ψ‴(½) = π⁴; ψ(2) = 1 − γ, ψ′(2) = π²/6 − 1, ψ‴(2) = π⁴/15 − 6.
  it.each([
    { shape: 0.5, mean: -EULER_GAMMA - 2 * Math.LN2, trigamma: Math.PI ** 2 / 2, tetragamma3: Math.PI ** 4 },
    { shape: 2, mean: 1 - EULER_GAMMA, trigamma: Math.PI ** 2 / 6 - 1, tetragamma3: Math.PI ** 4 / 15 - 6 },
  ])("shape $shape: mean ψ(k), variance ψ′(k)", ({ shape, mean, trigamma, tetragamma3 }) => {
    const rng = createRng(`log-gamma-${shape}`);
    const sample = Float64Array.from({ length: N }, () => logStandardGamma(rng, shape));
    expectMoments(sample, { mean, variance: trigamma, excessKurtosis: tetragamma3 / (trigamma * trigamma) });
  });

  it("stays finite for tiny shapes where the variate itself underflows to 0", () => {
    const k = 1e-3;
    const c = 745; // exp(−745) underflows to 0 in double precision.
    const draws = 10_000;
    const rng = createRng("log-gamma-tiny");
    const logs = Array.from({ length: draws }, () => logStandardGamma(rng, k));
    expect(logs.every(Number.isFinite)).toBe(true);
    // ln G = ln G₁ + ln(U)/k with G₁ ~ Gamma(1 + k), so P(ln G < −c) = P(U < e^(−kc)·G₁^(−k)) =
    // e^(−kc)·E[G₁^(−k)] = e^(−kc)/Γ(1 + k), and 1/Γ(1 + k) = 1 + γk + O(k²).
    const p = Math.exp(-k * c) * (1 + EULER_GAMMA * k);
    const underflowing = logs.filter((l) => l < -c).length;
    // Count ~ Binomial(N, p): tolerance 5·√(N p (1 − p)).
    expect(Math.abs(underflowing - draws * p)).toBeLessThanOrEqual(STANDARD_ERRORS * Math.sqrt(draws * p * (1 - p)));
  });
});

/**
 * Monte Carlo tests of the inversion samplers (uniform, exponential, triangular, Bernoulli):
 * moments within 5 SE and KS against exact CDFs at α = 0.001.
 */
import { describe, expect, it } from "vitest";
import { triangularInverse } from "./inverse-transform.js";
import { createRng } from "./rng.js";
import { expectKolmogorovSmirnov, expectMoments, STANDARD_ERRORS } from "./statistical-checks.test-support.js";

const N = 100_000;

describe("uniform(min, max)", () => {
  it.each([
    { min: 0, max: 1 },
    { min: -2, max: 5 },
    { min: 1e6, max: 1e6 + 1e-3 },
  ])("U($min, $max): mean (a+b)/2, variance (b−a)²/12, κ = −6/5; KS", ({ min, max }) => {
    const sample = createRng(`uniform-${min}-${max}`).fillUniform(new Float64Array(N), min, max);
    expectMoments(sample, { mean: (min + max) / 2, variance: (max - min) ** 2 / 12, excessKurtosis: -1.2 });
    expectKolmogorovSmirnov(sample, (x) => Math.min(1, Math.max(0, (x - min) / (max - min))));
    expect(sample.every((x) => x >= min && x <= max)).toBe(true);
  });

  it("min = max returns min", () => {
    expect(createRng(1).uniform(4, 4)).toBe(4);
  });
});

describe("triangular on a subnormal-scale interval", () => {
  it.each([
    { min: -1.6175153588772387e-162, mode: 0, max: 0, u: 1 - 2 ** -53 },
    { min: 0, mode: 0, max: 1.6175153588772387e-162, u: 0 },
  ])("stays in [$min, $max] although the root overshoots (u = $u)", ({ min, mode, max, u }) => {
    // (max − min)² ≈ 2.6e-324 rounds up to the smallest subnormal 4.9e-324, whose root exceeds the width.
    expect(Math.sqrt((max - min) * (max - min))).toBeGreaterThan(max - min);
    const t = triangularInverse({ next: () => u, nextUint32: () => 0 }, min, mode, max);
    expect(t >= min && t <= max).toBe(true);
  });
});

describe("exponential(scale)", () => {
  it.each([{ scale: 1 }, { scale: 2.5 }, { scale: 1e-3 }])("Exp(scale $scale): mean θ, variance θ², κ = 6; KS", ({ scale }) => {
    const rng = createRng(`exponential-${scale}`);
    const sample = Float64Array.from({ length: N }, () => rng.exponential(scale));
    expectMoments(sample, { mean: scale, variance: scale * scale, excessKurtosis: 6 });
    expectKolmogorovSmirnov(sample, (x) => 1 - Math.exp(-x / scale));
  });
});

describe("triangular(min, mode, max)", () => {
  /** CDF of the triangular distribution with bounds a < b and mode c. */
  const cdf = (a: number, c: number, b: number) => (x: number): number => {
    if (x <= a) return 0;
    if (x >= b) return 1;
    return x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
  };

  it.each([
    { min: 0, mode: 0.3, max: 1 },
    { min: -1, mode: -1, max: 2 },
    { min: 2, mode: 5, max: 5 },
    { min: 10, mode: 15, max: 20 },
  ])("Tri($min, $mode, $max): mean (a+b+c)/3, variance (a²+b²+c²−ab−ac−bc)/18, κ = −3/5; KS", ({ min, mode, max }) => {
    const sample = createRng(`triangular-${min}-${mode}-${max}`).fillTriangular(new Float64Array(N), min, mode, max);
    const variance = (min * min + max * max + mode * mode - min * max - min * mode - max * mode) / 18;
    expectMoments(sample, { mean: (min + mode + max) / 3, variance, excessKurtosis: -0.6 });
    expectKolmogorovSmirnov(sample, cdf(min, mode, max));
    expect(sample.every((x) => x >= min && x <= max)).toBe(true);
  });
});

describe("bernoulli(p)", () => {
  it.each([{ p: 0.3 }, { p: 0.5 }, { p: 0.01 }])("Bernoulli($p): success count within 5 SE of np", ({ p }) => {
    const sample = createRng(`bernoulli-${p}`).fillBernoulli(new Float64Array(N), p);
    const successes = sample.reduce((s, v) => s + v, 0);
    // Count ~ Binomial(N, p): SE = √(N p (1 − p)).
    expect(Math.abs(successes - N * p)).toBeLessThanOrEqual(STANDARD_ERRORS * Math.sqrt(N * p * (1 - p)));
    expect(sample.every((v) => v === 0 || v === 1)).toBe(true);
  });

  it.each([
    { p: 0, value: 0 },
    { p: 1, value: 1 },
  ])("Bernoulli($p) is always $value", ({ p, value }) => {
    const rng = createRng(`bernoulli-edge-${p}`);
    expect(Array.from({ length: 1000 }, () => rng.bernoulli(p)).every((v) => v === value)).toBe(true);
  });
});

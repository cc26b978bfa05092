/**
 * Tests of the 256-layer ziggurat (Marsaglia–Tsang 2000): table geometry, moments within 5 SE, KS
 * against Φ at α = 0.001, and tail frequency and shape; also the lognormal sampler.
 */
import { describe, expect, it } from "vitest";
import { normalCdf } from "../numeric/normal-cdf.js";
import { createRng } from "./rng.js";
import { expectKolmogorovSmirnov, expectMoments, STANDARD_ERRORS } from "./statistical-checks.test-support.js";
import { ZIGGURAT_AREA, ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_TABLES } from "./ziggurat-normal.js";

const N = 100_000;
const density = (x: number): number => Math.exp(-0.5 * x * x);

describe("ziggurat tables", () => {
  const { x, fi, area } = ZIGGURAT_TABLES;

  it("the area literal is r·f(r) + √(2π)·Φ(−r) to within 2 ulp", () => {
    const computed = ZIGGURAT_R * density(ZIGGURAT_R) + Math.sqrt(2 * Math.PI) * normalCdf(-ZIGGURAT_R);
    expect(area).toBe(ZIGGURAT_AREA);
    expect(Math.abs(ZIGGURAT_AREA - computed)).toBeLessThanOrEqual(2 * Number.EPSILON * ZIGGURAT_AREA);
  });

  it("layer edges decrease from x[0] = V/f(r) through x[1] = r to x[256] = 0", () => {
    expect(x[1]).toBe(ZIGGURAT_R);
    expect(x[0]).toBeCloseTo(area / density(ZIGGURAT_R), 14);
    expect(x[ZIGGURAT_LAYERS]).toBe(0);
    for (let i = 0; i < ZIGGURAT_LAYERS; i++) expect(x[i]!).toBeGreaterThan(x[i + 1]!);
  });

  it("every layer has the same area V", () => {
    expect(x[0]! * density(ZIGGURAT_R)).toBeCloseTo(area, 15);
    for (let i = 1; i < ZIGGURAT_LAYERS; i++) {
      expect(Math.abs(x[i]! * (fi[i + 1]! - fi[i]!) - area) / area).toBeLessThan(1e-9);
    }
  });

  it("the recurrence closes at the top: f(x[255]) + V/x[255] = f(0) = 1", () => {
    // The published r makes the 256th layer reach the mode exactly; rounding leaves ~1e-12.
    const top = x[ZIGGURAT_LAYERS - 1]!;
    expect(Math.abs(density(top) + area / top - 1)).toBeLessThan(1e-9);
  });
});

describe("standard normal sampler", () => {
  it("N(0, 1): mean 0, variance 1 (κ = 0) within 5 SE; KS against Φ at α = 0.001", () => {
    const sample = createRng("normal-standard").fillNormal(new Float64Array(N));
    expectMoments(sample, { mean: 0, variance: 1, excessKurtosis: 0 });
    expectKolmogorovSmirnov(sample, normalCdf);
  });

  it("N(3, 2²) through the scalar method: moments and KS", () => {
    const rng = createRng("normal-scaled");
    const sample = Float64Array.from({ length: N }, () => rng.normal(3, 2));
    expectMoments(sample, { mean: 3, variance: 4, excessKurtosis: 0 });
    expectKolmogorovSmirnov(sample, (v) => normalCdf((v - 3) / 2));
  });

  it.each([
    { threshold: 3, label: "|Z| > 3 (wedges of the lower layers and the tail)" },
    { threshold: ZIGGURAT_R, label: "|Z| > r (the tail sampler alone)" },
  ])("tail frequency and conditional distribution: $label", ({ threshold }) => {
    const draws = 1_000_000;
    const sample = createRng(`normal-tail-${threshold}`).fillNormal(new Float64Array(draws));
    const tail = sample.filter((z) => Math.abs(z) > threshold).map(Math.abs);
    // Count ~ Binomial(n, q) with q = 2Φ(−t): tolerance 5·√(n q (1 − q)).
    const q = 2 * normalCdf(-threshold);
    const se = Math.sqrt(draws * q * (1 - q));
    expect(Math.abs(tail.length - draws * q)).toBeLessThanOrEqual(STANDARD_ERRORS * se);
    // |Z| given |Z| > t has CDF 1 − Φ(−x)/Φ(−t) for x > t.
    expectKolmogorovSmirnov(tail, (v) => 1 - normalCdf(-v) / normalCdf(-threshold));
  });

  it("lognormal(mu, sigma) = exp(N(mu, sigma²)): moments and KS", () => {
    const mu = 0.2;
    const sigma = 0.5;
    const sample = createRng("lognormal").fillLognormal(new Float64Array(N), mu, sigma);
    const s2 = sigma * sigma;
    expectMoments(sample, {
      mean: Math.exp(mu + s2 / 2),
      variance: (Math.exp(s2) - 1) * Math.exp(2 * mu + s2),
      excessKurtosis: Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6,
    });
    expectKolmogorovSmirnov(sample, (v) => normalCdf((Math.log(v) - mu) / sigma));
  });

  it("sd = 0 returns the mean exactly", () => {
    const rng = createRng("degenerate");
    expect(rng.normal(5, 0)).toBe(5);
    expect(rng.lognormal(0, 0)).toBe(1);
  });
});

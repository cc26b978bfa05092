/**
 * FACET robustness against closed forms. For Y = a·X + b + U with U ~ N(0, σ²),
 * P(Y ∈ [lo, hi] | do(X = x)) = Φ((hi − m)/σ) − Φ((lo − m)/σ) with m = a·x + b, which is
 * unimodal in m with its peak at the target's centre, so the exact robust set {x : P ≥ p} is an
 * interval, found here by bisection on the closed form (normalCdf) — independent of the Monte
 * Carlo code. For several intervened variables and a linear m, a box is robust iff its corners are.
 *
 * Tolerances: with n samples the estimated probability has standard error ≤ √(p(1 − p)/n); the
 * found region must lie inside the exact set for p − δ and cover the exact set for p + δ, with
 * δ = 5 standard errors, up to the bisection tolerance SCALE_TOLERANCE. Seeds are fixed.
 */
import { describe, expect, it } from "vitest";
import { normalCdf } from "../numeric/index.js";
import { createRng } from "../random/index.js";
import { analyzeRobustness, SCALE_TOLERANCE, type RobustnessOptions } from "./index.js";

const normal = (mean: number, std: number) => ({ type: "normal", parameters: { mean, std } });

/** P(m + σZ ∈ [lo, hi]). */
function inRange(m: number, sigma: number, lo: number, hi: number): number {
  return normalCdf((hi - m) / sigma) - normalCdf((lo - m) / sigma);
}

/** Largest s ∈ [0, 1] such that pred(s) holds (pred monotone: true then false), by bisection to 1e-12. */
function largestTrue(pred: (s: number) => boolean): number {
  if (!pred(0)) return -1;
  if (pred(1)) return 1;
  let lo = 0;
  let hi = 1;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (pred(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Exact certified scale for a box homothetic about `p` in [L, U] given a pointwise probability. */
function exactScale(prob: (x: number[]) => number, level: number, p: number[], lower: number[], upper: number[]): number {
  const corners = (s: number): number[][] => {
    let out: number[][] = [[]];
    p.forEach((pi, i) => {
      const lo = pi - s * (pi - lower[i]!);
      const hi = pi + s * (upper[i]! - pi);
      out = out.flatMap((c) => [
        [...c, lo],
        [...c, hi],
      ]);
    });
    return out;
  };
  return largestTrue((s) => corners(s).every((x) => prob(x) >= level));
}

function base(overrides: Partial<RobustnessOptions>): RobustnessOptions {
  return {
    interventionProposal: {},
    targetOutcome: {},
    perturbationRadius: 0.1,
    confidenceLevel: 0.9,
    pointsPerBox: 50,
    samples: 20_000,
    rng: createRng(7),
    ...overrides,
  };
}

const delta = (p: number, n: number): number => 5 * Math.sqrt((p * (1 - p)) / n);

describe("one intervened variable, Y = a·X + b + N(0, σ²)", () => {
  const cases = [
    { name: "centred proposal", a: 2, b: 0, sigma: 1, x: 5, target: [8, 12] as [number, number], radius: 0.3, feasible: undefined, p: 0.9 },
    { name: "asymmetric feasible range", a: 2, b: 0, sigma: 1, x: 4.8, target: [8, 12] as [number, number], radius: 0.1, feasible: [4, 7] as [number, number], p: 0.9 },
    { name: "negative slope, negative proposal", a: -3, b: 1, sigma: 2, x: -2, target: [0, 14] as [number, number], radius: 0.5, feasible: undefined, p: 0.8 },
    { name: "edge close to the proposal", a: 1, b: 0, sigma: 0.5, x: 10, target: [9, 12] as [number, number], radius: 0.2, feasible: undefined, p: 0.95 },
  ];
  for (const c of cases) {
    it(`${c.name}: the region lies in the exact robust set and covers it to the tolerance`, () => {
      const options = base({
        structuralModel: { variables: ["X", "Y", "U"], equations: { Y: `${c.a} * X + ${c.b} + U` }, distributions: { U: normal(0, c.sigma) } },
        interventionProposal: { X: c.x },
        targetOutcome: { Y: c.target },
        perturbationRadius: c.radius,
        feasibleRanges: c.feasible ? { X: c.feasible } : undefined,
        confidenceLevel: c.p,
      });
      const a = analyzeRobustness(options);
      const [L, U] = a.feasibleRanges.X!;
      if (c.feasible) expect([L, U]).toEqual(c.feasible);
      else expect([L, U]).toEqual([Math.min(c.x * (1 - c.radius), c.x * (1 + c.radius)), Math.max(c.x * (1 - c.radius), c.x * (1 + c.radius))]);
      const prob = (x: number[]) => inRange(c.a * x[0]! + c.b, c.sigma, c.target[0], c.target[1]);
      const d = delta(c.p, options.samples);
      const inner = exactScale(prob, c.p + d, [c.x], [L], [U]);
      const outer = exactScale(prob, c.p - d, [c.x], [L], [U]);
      expect(inner).toBeGreaterThan(0);
      expect(a.scale).toBeGreaterThanOrEqual(inner - SCALE_TOLERANCE);
      expect(a.scale).toBeLessThanOrEqual(outer + 1e-12);
      // The box itself: inside the exact set for p − δ.
      const [lo, hi] = a.robustRegion!.X!;
      expect(prob([lo])).toBeGreaterThanOrEqual(c.p - d);
      expect(prob([hi])).toBeGreaterThanOrEqual(c.p - d);
      expect(a.regionVolume).toBeCloseTo(a.scale, 12);
      expect(Math.abs(a.probabilityAtProposal - prob([c.x]))).toBeLessThanOrEqual(d);
      // Outcome guarantee: the central p-interval of Y at the box's ends, closed form a·x + b ± σ z.
      const g = a.guarantees[0]!;
      const z = -inverse((t) => normalCdf(t), (1 - c.p) / 2);
      const means = [c.a * lo + c.b, c.a * hi + c.b, c.a * c.x + c.b];
      expect(g.minimum).toBeCloseTo(Math.min(...means) - c.sigma * z, 0);
      expect(Math.abs(g.minimum - (Math.min(...means) - c.sigma * z))).toBeLessThan(0.05 * c.sigma);
      expect(Math.abs(g.maximum - (Math.max(...means) + c.sigma * z))).toBeLessThan(0.05 * c.sigma);
    });
  }

  it("estimates the in-target fraction of the feasible range within its standard error", () => {
    const p = 0.9;
    const options = base({
      structuralModel: { variables: ["X", "Y", "U"], equations: { Y: "2 * X + U" }, distributions: { U: normal(0, 1) } },
      interventionProposal: { X: 5 },
      targetOutcome: { Y: [8, 12] },
      perturbationRadius: 0.3,
      confidenceLevel: p,
      pointsPerBox: 1000,
      samples: 5000,
    });
    const a = analyzeRobustness(options);
    // Exact in-target interval of X for level q: Φ((12 − 2x)) − Φ((8 − 2x)) ≥ q, centred at 5.
    const width = (q: number) => 2 * largestTrue((s) => inRange(2 * (5 + s * 1.5), 1, 8, 12) >= q) * 1.5;
    const d = delta(p, options.samples);
    const lower = width(p + d) / 3;
    const upper = width(p - d) / 3;
    expect(a.inTargetFraction).toBeGreaterThanOrEqual(lower - 5 * a.inTargetFractionStandardError - 0.01);
    expect(a.inTargetFraction).toBeLessThanOrEqual(upper + 5 * a.inTargetFractionStandardError + 0.01);
    expect(a.inTargetFractionStandardError).toBeCloseTo(Math.sqrt((a.inTargetFraction * (1 - a.inTargetFraction)) / 1000), 12);
  });

  it("reports no region, score 0 and fragility when the proposal itself misses the target", () => {
    const a = analyzeRobustness(
      base({
        structuralModel: { variables: ["X", "Y", "U"], equations: { Y: "2 * X + U" }, distributions: { U: normal(0, 1) } },
        interventionProposal: { X: 5 },
        targetOutcome: { Y: [20, 30] },
      }),
    );
    expect(a.robustRegion).toBeNull();
    expect(a.scale).toBe(0);
    expect(a.regionVolume).toBe(0);
    expect(a.isFragile).toBe(true);
    expect(a.status).toBe("fragile");
    expect(a.fragilityReasons[0]).toMatch(/below the required 0.9/);
    expect(a.guarantees).toEqual([]);
  });

  it("certifies the whole feasible range when every point is safely in target", () => {
    const a = analyzeRobustness(
      base({
        structuralModel: { variables: ["X", "Y", "U"], equations: { Y: "2 * X + U" }, distributions: { U: normal(0, 1) } },
        interventionProposal: { X: 5 },
        targetOutcome: { Y: [-100, 100] },
      }),
    );
    expect(a.scale).toBe(1);
    expect(a.failingScale).toBeNull();
    expect(a.regionVolume).toBe(1);
    expect(a.inTargetFraction).toBe(1);
    expect(a.isFragile).toBe(false);
    expect(a.robustRegion).toEqual({ X: a.feasibleRanges.X });
  });
});

describe("several intervened variables and several targets", () => {
  it("two levers: the box matches the exact largest box (corners of a linear slab)", () => {
    const p = 0.9;
    const options = base({
      structuralModel: { variables: ["A", "B", "Y", "U"], equations: { Y: "A + 2 * B + U" }, distributions: { U: normal(0, 1) } },
      interventionProposal: { A: 4, B: 3 },
      targetOutcome: { Y: [7, 14] },
      feasibleRanges: { A: [2, 8], B: [1, 4] },
      confidenceLevel: p,
    });
    const a = analyzeRobustness(options);
    const prob = (x: number[]) => inRange(x[0]! + 2 * x[1]!, 1, 7, 14);
    const d = delta(p, options.samples);
    const inner = exactScale(prob, p + d, [4, 3], [2, 1], [8, 4]);
    const outer = exactScale(prob, p - d, [4, 3], [2, 1], [8, 4]);
    expect(a.allCornersChecked).toBe(true);
    expect(a.scale).toBeGreaterThanOrEqual(inner - SCALE_TOLERANCE);
    expect(a.scale).toBeLessThanOrEqual(outer + 1e-12);
    expect(a.regionVolume).toBeCloseTo(a.scale ** 2, 12);
    expect(a.pointsChecked).toBe(1 + 4 + 4 + 50);
  });

  it("enforces every target (joint probability), not only the first", () => {
    const p = 0.85;
    const model = {
      variables: ["X", "Y1", "Y2", "U1", "U2"],
      equations: { Y1: "X + U1", Y2: "10 - X + U2" },
      distributions: { U1: normal(0, 1), U2: normal(0, 1) },
    };
    const common = { structuralModel: model, interventionProposal: { X: 5 }, perturbationRadius: 0.4, confidenceLevel: p };
    const both = analyzeRobustness(base({ ...common, targetOutcome: { Y1: [2, 8], Y2: [3, 7.5] } }));
    const firstOnly = analyzeRobustness(base({ ...common, targetOutcome: { Y1: [2, 8] } }));
    const joint = (x: number[]) => inRange(x[0]!, 1, 2, 8) * inRange(10 - x[0]!, 1, 3, 7.5);
    const d = delta(p, 20_000);
    const inner = exactScale(joint, p + d, [5], [3], [7]);
    const outer = exactScale(joint, p - d, [5], [3], [7]);
    expect(both.scale).toBeGreaterThanOrEqual(inner - SCALE_TOLERANCE);
    expect(both.scale).toBeLessThanOrEqual(outer + 1e-12);
    // The second target binds: with the first alone the region is clearly larger.
    expect(firstOnly.scale).toBeGreaterThan(outer + 0.05);
    expect(both.guarantees.map((g) => g.outcome)).toEqual(["Y1", "Y2"]);
  });
});

describe("deterministic models, determinism and relative volumes", () => {
  it("a model without random inputs uses one sample per point and finds the exact interval", () => {
    const a = analyzeRobustness(
      base({
        structuralModel: { variables: ["Price", "Revenue"], equations: { Revenue: "2000 * Price" }, distributions: {} },
        interventionProposal: { Price: 55 },
        targetOutcome: { Revenue: [100000, 115000] },
      }),
    );
    expect(a.samplesPerPoint).toBe(1);
    // Revenue ∈ target ⇔ Price ∈ [50, 57.5]; feasible [49.5, 60.5]; exact s* = 2.5 / 5.5.
    expect(a.scale).toBeLessThanOrEqual(2.5 / 5.5);
    expect(a.scale).toBeGreaterThanOrEqual(2.5 / 5.5 - SCALE_TOLERANCE);
    expect(a.robustRegion!.Price![1]).toBeLessThanOrEqual(57.5);
  });

  it("the same options give the same analysis; a different seed changes the random points only", () => {
    const options = () =>
      base({
        structuralModel: { variables: ["X", "Y", "U"], equations: { Y: "2 * X + U" }, distributions: { U: normal(0, 1) } },
        interventionProposal: { X: 5 },
        targetOutcome: { Y: [8, 12] },
        perturbationRadius: 0.3,
        samples: 2000,
      });
    expect(JSON.stringify(analyzeRobustness(options()))).toBe(JSON.stringify(analyzeRobustness(options())));
  });

  it("volumes and the score are relative to the feasible ranges and lie in [0, 1] at every scale of the ranges", () => {
    for (const scaleOfUnits of [1e-3, 1, 1e4]) {
      const a = analyzeRobustness(
        base({
          structuralModel: { variables: ["X", "Y", "U"], equations: { Y: `2 * X / ${scaleOfUnits} + U` }, distributions: { U: normal(0, 1) } },
          interventionProposal: { X: 5 * scaleOfUnits },
          targetOutcome: { Y: [8, 12] },
          perturbationRadius: 0.3,
          samples: 2000,
        }),
      );
      for (const v of [a.scale, a.regionVolume, a.inTargetFraction]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      // Unit changes leave the relative answer unchanged (up to the rounding of the rescaled model).
      expect(a.scale).toBeGreaterThan(0.15);
      expect(a.scale).toBeLessThan(0.35);
    }
  });
});

/** Inverse of an increasing function by bisection on [−10, 10]. */
function inverse(f: (t: number) => number, y: number): number {
  let lo = -10;
  let hi = 10;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < y) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Properties of FACET robustness on random deterministic linear models Y = Σ a_i·X_i + b (one
 * sample per point, so every probability is exactly 0 or 1): the in-target set is a slab, a box is
 * in it iff its corners are, so the exact largest scale is known independently (bisection on the
 * corners to 1e-12). The found scale must be within SCALE_TOLERANCE below it; the region volume is
 * s^d; the score, volume and in-target fraction lie in [0, 1]; for one lever the in-target fraction
 * matches the exact length ratio within 5 standard errors (+ 1/m).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../random/index.js";
import { analyzeRobustness, SCALE_TOLERANCE } from "./index.js";

const coefficient = fc.integer({ min: -40, max: 40 }).filter((v) => v !== 0).map((v) => v / 8);

function exactScale(inTarget: (x: number[]) => boolean, p: number[], lower: number[], upper: number[]): number {
  const corners = (s: number): number[][] =>
    p.reduce<number[][]>((acc, pi, i) => acc.flatMap((c) => [[...c, pi - s * (pi - lower[i]!)], [...c, pi + s * (upper[i]! - pi)]]), [[]]);
  const ok = (s: number) => corners(s).every(inTarget);
  if (!ok(0)) return -1;
  if (ok(1)) return 1;
  let lo = 0;
  let hi = 1;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe("analyzeRobustness on deterministic linear models", () => {
  it("finds the exact largest box to the bisection tolerance, with relative volumes in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: coefficient, x: fc.integer({ min: 1, max: 80 }).map((v) => v / 4), radius: fc.integer({ min: 1, max: 10 }).map((v) => v / 10) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 1, max: 40 }).map((v) => v / 4),
        fc.integer({ min: 1, max: 40 }).map((v) => v / 4),
        (levers, b, below, above) => {
          const names = levers.map((_, i) => `X${i}`);
          const equation = levers.map((l, i) => `${l.a} * X${i}`).join(" + ") + ` + ${b}`;
          const atProposal = levers.reduce((sum, l) => sum + l.a * l.x, b);
          const target: [number, number] = [atProposal - below, atProposal + above];
          const lower = levers.map((l) => l.x * (1 - l.radius));
          const upper = levers.map((l) => l.x * (1 + l.radius));
          const a = analyzeRobustness({
            structuralModel: { variables: [...names, "Y"], equations: { Y: equation }, distributions: {} },
            interventionProposal: Object.fromEntries(levers.map((l, i) => [names[i]!, l.x])),
            targetOutcome: { Y: target },
            perturbationRadius: 0.5,
            feasibleRanges: Object.fromEntries(names.map((name, i) => [name, [lower[i]!, upper[i]!]])),
            confidenceLevel: 0.9,
            pointsPerBox: 20,
            samples: 1000,
            rng: createRng(11),
          });
          const y = (x: number[]) => levers.reduce((sum, l, i) => sum + l.a * x[i]!, b);
          // NOTE: a relative slack of 1e-9 absorbs the rounding of the engine's arithmetic at the exact edge.
          const slack = 1e-9 * (1 + Math.abs(target[0]) + Math.abs(target[1]));
          const exact = exactScale((x) => y(x) >= target[0] + slack && y(x) <= target[1] - slack, levers.map((l) => l.x), lower, upper);
          const loose = exactScale((x) => y(x) >= target[0] - slack && y(x) <= target[1] + slack, levers.map((l) => l.x), lower, upper);
          expect(a.samplesPerPoint).toBe(1);
          expect(a.scale).toBeGreaterThanOrEqual(exact - SCALE_TOLERANCE);
          expect(a.scale).toBeLessThanOrEqual(loose + 1e-12);
          expect(a.regionVolume).toBe(a.robustRegion === null ? 0 : a.scale ** levers.length);
          for (const v of [a.scale, a.regionVolume, a.inTargetFraction]) expect(v >= 0 && v <= 1).toBe(true);
          expect(a.probabilityAtProposal).toBe(1);
          if (levers.length === 1) {
            const l = levers[0]!;
            const ends = [(target[0] - b) / l.a, (target[1] - b) / l.a].sort((p, q) => p - q);
            const length = Math.max(0, Math.min(ends[1]!, upper[0]!) - Math.max(ends[0]!, lower[0]!));
            const fraction = length / (upper[0]! - lower[0]!);
            expect(Math.abs(a.inTargetFraction - fraction)).toBeLessThanOrEqual(5 * Math.sqrt((fraction * (1 - fraction)) / 20) + 1 / 20 + 1e-9);
          }
        },
      ),
      { seed: 20261127, numRuns: 60 },
    );
  });
});

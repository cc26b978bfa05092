/**
 * Property: on random linear models the minimal-intervention search is valid (in target, within
 * bounds, at most max_changes) and never worse than a brute-force grid over every subset.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { searchMinimalInterventions, type Lever } from "./contrastive.js";

interface Case {
  intercept: number;
  coefs: number[];
  currents: number[];
  widths: [number, number][];
  target: [number, number];
  maxChanges: number;
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 3 }).chain((k) =>
  fc.record({
    intercept: fc.double({ min: -10, max: 10, noNaN: true }),
    coefs: fc.array(fc.double({ min: -5, max: 5, noNaN: true }).filter((b) => Math.abs(b) > 0.05), { minLength: k, maxLength: k }),
    currents: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
    widths: fc.array(fc.tuple(fc.double({ min: 0.5, max: 10, noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true })), { minLength: k, maxLength: k }),
    target: fc.tuple(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0.1, max: 20, noNaN: true })).map(([a, w]): [number, number] => [a, a + w]),
    maxChanges: fc.integer({ min: 1, max: 2 }),
  }),
);

const names = ["a", "b", "c"];

/** Brute force: every subset of size ≤ maxChanges, a grid of `points` per axis; smallest relative L1 change reaching the target. */
function bruteForce(c: Case, levers: Lever[], points: number): number | undefined {
  const f = (x: number[]): number => c.intercept + x.reduce((s, v, i) => s + c.coefs[i]! * v, 0);
  const scale = levers.map((l) => (l.current !== 0 ? Math.abs(l.current) : l.upper - l.lower));
  const axis = (l: Lever) => Array.from({ length: points }, (_, i) => l.lower + ((l.upper - l.lower) * i) / (points - 1));
  let best: number | undefined;
  const consider = (x: number[]) => {
    const y = f(x);
    if (y < c.target[0] || y > c.target[1]) return;
    const m = x.reduce((s, v, i) => s + Math.abs(v - levers[i]!.current) / scale[i]!, 0);
    if (best === undefined || m < best) best = m;
  };
  const k = levers.length;
  for (let i = 0; i < k; i++) for (const v of axis(levers[i]!)) consider(levers.map((l, j) => (j === i ? v : l.current)));
  if (c.maxChanges >= 2) {
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) for (const u of axis(levers[i]!)) for (const v of axis(levers[j]!)) consider(levers.map((l, h) => (h === i ? u : h === j ? v : l.current)));
  }
  return best;
}

describe("searchMinimalInterventions on random linear models", () => {
  it("is valid and at least as good as a brute-force grid", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const levers: Lever[] = c.currents.map((current, i) => ({ variable: names[i]!, current, lower: current - c.widths[i]![0], upper: current + c.widths[i]![1] }));
        const f = (changes: ReadonlyMap<string, number>) => c.intercept + levers.reduce((s, l, i) => s + c.coefs[i]! * (changes.get(l.variable) ?? l.current), 0);
        const result = searchMinimalInterventions({ outcomeOf: f, levers, target: { lower: c.target[0], upper: c.target[1] }, maxChanges: c.maxChanges, maxEvaluations: 20000 });
        if (result.status === "already_in_target") {
          expect(f(new Map())).toBeGreaterThanOrEqual(c.target[0]);
          return;
        }
        for (const candidate of result.interventions) {
          const y = f(new Map(candidate.changes.map((ch) => [ch.variable, ch.to])));
          expect(y).toBeGreaterThanOrEqual(c.target[0]);
          expect(y).toBeLessThanOrEqual(c.target[1]);
          expect(candidate.changes.length).toBeLessThanOrEqual(c.maxChanges);
          for (const ch of candidate.changes) {
            const lever = levers.find((l) => l.variable === ch.variable)!;
            expect(ch.to).toBeGreaterThanOrEqual(lever.lower);
            expect(ch.to).toBeLessThanOrEqual(lever.upper);
          }
        }
        const brute = bruteForce(c, levers, 41);
        if (brute !== undefined) {
          expect(result.status).toBe("found");
          expect(result.interventions[0]!.magnitude).toBeLessThanOrEqual(brute + 1e-7);
        }
        if (result.status === "unreachable") expect(result.closest.distance).toBeGreaterThan(0);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });
});

/**
 * Properties of the conditional-instrument search on random DAGs (with latent nodes) and ADMGs,
 * against the definition applied to every conditioning subset: a node is listed iff some subset
 * makes it an instrument, every listed pair satisfies the definition, results do not depend on
 * input order, and in linear models with random coefficients the instrumental-variable ratio
 * Cov(Y, Z | W) / Cov(X, Z | W) of every listed pair equals the total effect.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explicitLatents, type PlainGraph } from "../../test/graph/brute-force.reference.js";
import { bruteInstruments, bruteIsInstrument } from "../../test/graph/identification-strategies.reference.js";
import { covarianceOf } from "../../test/graph/linear-sem.reference.js";
import { admgWithRolesArbitrary, dagWithRolesArbitrary, permutedGraphArbitrary, type GraphWithRoles } from "../testing/index.js";
import { conditionalInstruments, createDag } from "./index.js";

const SEED = 20_261_127;

const cases = fc.oneof(
  dagWithRolesArbitrary({ minNodes: 4, maxNodes: 9, minDensity: 15, maxDensity: 55, maxLatent: 35 }),
  admgWithRolesArbitrary({ minNodes: 4, maxNodes: 8, minDensity: 15, maxDensity: 50, maxBidirected: 35 }),
);

describe("conditional instruments against the definition", () => {
  it("finds a conditioning set for a node iff one exists, and every returned pair is valid", () => {
    fc.assert(
      fc.property(cases, (g) => {
        const plain = explicitLatents(g);
        const [x] = g.exposure;
        const [y] = g.outcome;
        const brute = bruteInstruments(plain, x!, y!);
        const { instruments, truncated } = conditionalInstruments(createDag(g), x!, y!, { maxResults: 1000 });
        expect(truncated).toBe(false);
        expect(instruments.map((i) => i.instrument)).toEqual([...brute.keys()].sort());
        for (const { instrument, conditioningSet } of instruments) {
          expect(bruteIsInstrument(plain, x!, y!, instrument, conditioningSet)).toBe(true);
          // When the empty set works it is the one reported.
          if (brute.get(instrument)!.some((w) => w.length === 0)) expect(conditioningSet).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("does not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(
        dagWithRolesArbitrary({ minNodes: 5, maxNodes: 10, maxLatent: 30 }).chain((g) => fc.tuple(fc.constant(g), permutedGraphArbitrary(g))),
        ([g, permuted]) => {
          const reference = conditionalInstruments(createDag(g), g.exposure[0]!, g.outcome[0]!);
          expect(conditionalInstruments(createDag(permuted), g.exposure[0]!, g.outcome[0]!)).toEqual(reference);
        },
      ),
      { seed: SEED + 1, numRuns: 100 },
    );
  });
});

/** Partial covariance Cov(a, b | W) from a covariance matrix, by solving Σ_WW β = Σ_Wb. */
function partialCovariance(sigma: number[][], a: number, b: number, w: readonly number[]): number {
  const k = w.length;
  const m = w.map((i) => [...w.map((j) => sigma[i]![j]!), sigma[i]![b]!]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let j = c; j <= k; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  let out = sigma[a]![b]!;
  for (let i = 0; i < k; i++) out -= sigma[a]![w[i]!]! * (m[i]![k]! / m[i]![i]!);
  return out;
}

/** The total effect of x on y in a linear SEM: the sum over directed paths of coefficient products. */
function totalEffect(graph: PlainGraph, weight: Map<string, number>, x: string, y: string): number {
  const memo = new Map<string, number>();
  const children = new Map(graph.nodes.map((v) => [v, graph.edges.filter(([a]) => a === v).map(([, b]) => b)]));
  const from = (v: string): number => {
    if (v === y) return 1;
    if (memo.has(v)) return memo.get(v)!;
    let s = 0;
    for (const c of children.get(v)!) s += weight.get(`${v}→${c}`)! * from(c);
    memo.set(v, s);
    return s;
  };
  return from(x);
}

describe("conditional instruments in linear models", () => {
  it("Cov(Y, Z | W) / Cov(X, Z | W) equals the total effect for every listed instrument", () => {
    const withWeights = cases.chain((g) => {
      const plain = explicitLatents(g);
      const coefficient = fc.double({ min: 0.3, max: 1.5, noNaN: true }).chain((m) => fc.constantFrom(m, -m));
      return fc.tuple(
        fc.constant(g),
        fc.constant(plain),
        fc.array(coefficient, { minLength: plain.edges.length, maxLength: plain.edges.length }),
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: plain.nodes.length, maxLength: plain.nodes.length }),
      );
    });
    fc.assert(
      fc.property(withWeights, ([g, plain, coefficients, noise]) => {
        const weight = new Map(plain.edges.map(([a, b], i) => [`${a}→${b}`, coefficients[i]!]));
        const sigma = covarianceOf(plain, { names: plain.nodes, weight, noise });
        const index = new Map(plain.nodes.map((v, i) => [v, i]));
        const [x] = g.exposure;
        const [y] = g.outcome;
        const effect = totalEffect(plain, weight, x!, y!);
        for (const { instrument, conditioningSet } of conditionalInstruments(createDag(g), x!, y!).instruments) {
          const w = conditioningSet.map((v) => index.get(v)!);
          const z = index.get(instrument)!;
          const denominator = partialCovariance(sigma, index.get(x!)!, z, w);
          // A valid instrument is relevant for generic coefficients; skip the measure-zero exceptions.
          if (Math.abs(denominator) < 1e-6) continue;
          const ratio = partialCovariance(sigma, index.get(y!)!, z, w) / denominator;
          expect(Math.abs(ratio - effect)).toBeLessThan(1e-7 * Math.max(1, Math.abs(effect)));
        }
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });
});

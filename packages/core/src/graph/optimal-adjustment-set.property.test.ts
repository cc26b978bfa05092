/**
 * Properties of the O-set on random DAGs. Validity: with one exposure and every outcome a
 * descendant of it, O is given exactly when no causal node has a latent parent outside the
 * forbidden set and some valid set exists, and then it is valid (literal criterion, every subset).
 * Optimality: in random linear Gaussian SEMs the exact asymptotic variance of the OLS coefficient of
 * X, σ²(y | x, Z) / σ²(x | Z) from the population covariance (I − B)⁻¹ Ω (I − B)⁻ᵀ, is smallest for
 * O among every valid adjustment set Z, for every outcome (relative tolerance 1e-9).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteAdjustment, bruteDescendants, maskOfNames, type PlainGraph } from "../../test/graph/brute-force.reference.js";
import { covarianceOf, olsCoefficientVariance, type LinearSem } from "../../test/graph/linear-sem.reference.js";
import { graphCaseArbitrary } from "../testing/index.js";
import { createDag, optimalAdjustmentSet } from "./index.js";

const SEED = 91_173;

/** Parents outside Forb of causal nodes, by brute force: O by its definition. */
function bruteOptimal(graph: PlainGraph, x: string, ys: string[]): { set: string[]; latent: boolean } {
  const brute = bruteAdjustment(graph, [x], ys);
  // cn: nodes other than x on proper causal paths = descendants of x (not through x again) that reach Y.
  const causal = graph.nodes.filter((v) => v !== x && bruteDescendants(graph, x).has(v) && ys.some((y) => bruteDescendants(graph, v).has(y)));
  const parents = new Set(graph.edges.filter(([, b]) => causal.includes(b)).map(([a]) => a));
  const set = [...parents].filter((p) => !brute.forbidden.has(p)).sort();
  const latent = new Set(graph.latent);
  return { set, latent: set.some((v) => latent.has(v)) };
}

describe("O-set (Henckel, Perković & Maathuis 2022)", () => {
  it("is given exactly when defined and measurable, and is then a valid adjustment set", () => {
    let given = 0;
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 4, maxNodes: 10, minDensity: 20, maxDensity: 60, maxLatent: 25, maxSetSize: 2 }), ({ graph, xs, ys }) => {
        const result = optimalAdjustmentSet(createDag(graph), xs, ys);
        if (xs.length > 1) {
          expect(result.unavailable).toBe("multiple_exposures");
          return;
        }
        const x = xs[0]!;
        const below = bruteDescendants(graph, x);
        const notReached = ys.filter((y) => !below.has(y)).sort();
        if (notReached.length > 0) {
          expect(result.unavailable).toBe("outcome_not_descendant");
          expect(result.nodes).toEqual(notReached);
          return;
        }
        const brute = bruteAdjustment(graph, [x], ys);
        const expected = bruteOptimal(graph, x, ys);
        if (brute.minimal.length === 0) expect(result.unavailable).toBe("no_valid_set");
        else if (expected.latent) expect(result.unavailable).toBe("latent_in_optimal_set");
        else {
          expect(result.unavailable).toBeNull();
          expect(result.set).toEqual(expected.set);
          expect(brute.valid[maskOfNames(brute.candidates, result.set!)]).toBe(true);
          given++;
        }
      }),
      { seed: SEED, numRuns: 600 },
    );
    expect(given).toBeGreaterThan(100);
  });

  it("has the smallest asymptotic OLS variance among all valid sets in linear Gaussian SEMs", () => {
    let compared = 0;
    let discriminating = 0;
    const semCase = fc
      .tuple(
        graphCaseArbitrary({ minNodes: 4, maxNodes: 9, minDensity: 25, maxDensity: 60, maxLatent: 0, outcomeLast: true }),
        graphCaseArbitrary({ minNodes: 4, maxNodes: 8, minDensity: 25, maxDensity: 60, maxLatent: 0, maxSetSize: 2 }),
        fc.boolean(),
      )
      .map(([a, b, pick]) => (pick ? a : b))
      .filter((c) => c.xs.length === 1)
      .chain((c) =>
        fc.tuple(
          fc.constant(c),
          fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.boolean()), { minLength: c.graph.edges.length, maxLength: c.graph.edges.length }),
          fc.array(fc.integer({ min: 0, max: 15 }), { minLength: c.graph.nodes.length, maxLength: c.graph.nodes.length }),
        ),
      );
    fc.assert(
      fc.property(semCase, ([{ graph, xs, ys }, weights, noise]) => {
        const result = optimalAdjustmentSet(createDag(graph), xs, ys);
        if (result.set === null) return;
        const sem: LinearSem = {
          names: graph.nodes,
          weight: new Map(graph.edges.map(([a, b], i) => [`${a}→${b}`, (weights[i]![1] ? 1 : -1) * (0.3 + 0.1 * weights[i]![0])])),
          noise: noise.map((k) => 0.5 + 0.1 * k),
        };
        const sigma = covarianceOf(graph, sem);
        const index = (v: string): number => graph.nodes.indexOf(v);
        const brute = bruteAdjustment(graph, xs, ys);
        const x = index(xs[0]!);
        for (const y of ys.map(index)) {
          const optimal = olsCoefficientVariance(sigma, x, y, result.set.map(index));
          let best = Infinity;
          let worst = 0;
          for (let mask = 0; mask < brute.valid.length; mask++) {
            if (!brute.valid[mask]) continue;
            const z = brute.candidates.filter((_, i) => (mask >> i) & 1).map(index);
            const variance = olsCoefficientVariance(sigma, x, y, z);
            best = Math.min(best, variance);
            worst = Math.max(worst, variance);
          }
          expect(optimal).toBeLessThanOrEqual(best * (1 + 1e-9));
          compared++;
          if (worst > optimal * 1.01) discriminating++;
        }
      }),
      { seed: SEED + 1, numRuns: 400 },
    );
    // Enough comparisons, and in many of them some valid set is clearly worse than O.
    expect(compared).toBeGreaterThan(150);
    expect(discriminating).toBeGreaterThan(75);
  });
});

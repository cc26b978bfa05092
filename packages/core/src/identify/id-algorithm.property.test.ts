/**
 * Properties of ID on random ADMGs built from explicit latent confounders:
 *  - the verdict equals the closure criterion (Tian & Pearl 2002; Shpitser 2023), found by exhaustive
 *    search, and a hedge found by exhaustive search always means "not identifiable";
 *  - every identifiable effect's estimand, simplified and literal, equals the true P(y | do(x))
 *    exactly on a random discrete model with the latent variables made explicit;
 *  - every hedge returned is a hedge by definition;
 *  - adding a bidirected edge never makes a non-identifiable effect identifiable;
 *  - results do not depend on the order of the input lists, and simplification is idempotent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdmg, type Admg } from "../graph/admg.js";
import { identifyCaseArbitrary, type IdentifyCase } from "../../test/identify/admg-arbitraries.js";
import { hedgeExists, identifiableByClosure, isHedgeFor } from "../../test/identify/hedge-reference.js";
import { randomModel } from "../../test/identify/discrete-model.js";
import { verifyEstimands } from "../../test/identify/verify-estimand.js";
import { estimandKey } from "./estimand.js";
import { idAlgorithm } from "./id-algorithm.js";
import { identifyEffect } from "./identify-effect.js";
import { simplifyEstimand } from "./simplify-estimand.js";

function admgOf(c: IdentifyCase): Admg {
  return createAdmg(c.admg.nodes, c.admg.directed, c.admg.bidirected);
}

function indices(admg: Admg, names: readonly string[]): number[] {
  return names.map((v) => admg.indexOf.get(v)!).sort((a, b) => a - b);
}

describe("ID on random ADMGs", () => {
  it("agrees with the exhaustive closure criterion, and its hedges are hedges by definition", () => {
    let hedges = 0;
    let identified = 0;
    fc.assert(
      fc.property(identifyCaseArbitrary({ maxNodes: 6 }), (c) => {
        const admg = admgOf(c);
        const result = identifyEffect(admg, { treatment: c.x, outcome: c.y });
        expect(result.identifiable).toBe(identifiableByClosure(c.admg, c.x, c.y));
        if (hedgeExists(c.admg, c.x, c.y)) expect(result.identifiable).toBe(false);
        if (result.identifiable) {
          identified++;
          return;
        }
        hedges++;
        const { f, fPrime } = result.hedge!;
        expect(isHedgeFor(c.admg, new Set(f), new Set(fPrime), new Set(c.x), new Set(c.y))).toBe(true);
      }),
      { seed: 20260301, numRuns: 600 },
    );
    expect(hedges).toBeGreaterThan(60);
    expect(identified).toBeGreaterThan(200);
  });

  it("gives estimands equal to the true interventional distribution, exactly", () => {
    let checked = 0;
    fc.assert(
      fc.property(identifyCaseArbitrary({ maxNodes: 6, maxLatents: 4 }), (c) => {
        const admg = admgOf(c);
        const y = indices(admg, c.y);
        const x = indices(admg, c.x);
        const simplified = idAlgorithm(admg, y, x);
        const literal = idAlgorithm(admg, y, x, { simplify: false });
        expect(literal.outcome.identifiable).toBe(simplified.outcome.identifiable);
        if (!simplified.outcome.identifiable || !literal.outcome.identifiable) return;
        verifyEstimands(randomModel(c.spec, c.seed), [simplified.outcome.estimand, literal.outcome.estimand], c.x, c.y);
        checked++;
      }),
      { seed: 20260302, numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(200);
  });

  it("never becomes identifiable when a bidirected edge is added", () => {
    let nonIdentifiable = 0;
    fc.assert(
      fc.property(identifyCaseArbitrary({ maxNodes: 7, maxLatents: 3 }), fc.nat(), fc.nat(), (c, i, j) => {
        const admg = admgOf(c);
        const before = identifyEffect(admg, { treatment: c.x, outcome: c.y });
        const n = c.admg.nodes.length;
        const a = c.admg.nodes[i % n]!;
        const b = c.admg.nodes[((i % n) + 1 + (j % (n - 1))) % n]!;
        const after = identifyEffect(createAdmg(c.admg.nodes, c.admg.directed, [...c.admg.bidirected, [a, b]]), { treatment: c.x, outcome: c.y });
        if (!before.identifiable) {
          nonIdentifiable++;
          expect(after.identifiable).toBe(false);
        }
        // And conversely, removing confounding never hurts: identifiable after ⇒ identifiable before.
        if (after.identifiable) expect(before.identifiable).toBe(true);
      }),
      { seed: 20260303, numRuns: 400 },
    );
    expect(nonIdentifiable).toBeGreaterThan(40);
  });

  it("does not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(
        identifyCaseArbitrary({ maxNodes: 7 }).chain((c) =>
          fc.record({
            c: fc.constant(c),
            nodes: fc.shuffledSubarray(c.admg.nodes, { minLength: c.admg.nodes.length, maxLength: c.admg.nodes.length }),
            directed: fc.shuffledSubarray(c.admg.directed, { minLength: c.admg.directed.length, maxLength: c.admg.directed.length }),
            bidirected: fc.shuffledSubarray(c.admg.bidirected, { minLength: c.admg.bidirected.length, maxLength: c.admg.bidirected.length }),
            flip: fc.boolean(),
          }),
        ),
        ({ c, nodes, directed, bidirected, flip }) => {
          const reference = identifyEffect(admgOf(c), { treatment: c.x, outcome: c.y });
          const flipped = bidirected.map(([a, b]) => (flip ? ([b, a] as [string, string]) : ([a, b] as [string, string])));
          const permuted = identifyEffect(createAdmg(nodes, directed, flipped), { treatment: [...c.x].reverse(), outcome: [...c.y].reverse() });
          expect(permuted).toEqual(reference);
        },
      ),
      { seed: 20260304, numRuns: 200 },
    );
  });

  it("simplification is idempotent", () => {
    fc.assert(
      fc.property(identifyCaseArbitrary({ maxNodes: 7 }), (c) => {
        const admg = admgOf(c);
        const literal = idAlgorithm(admg, indices(admg, c.y), indices(admg, c.x), { simplify: false });
        if (!literal.outcome.identifiable) return;
        const rank = new Map(admg.topologicalOrder.map((v, i) => [admg.names[v]!, i]));
        const once = simplifyEstimand(literal.outcome.estimand, { rank });
        const twice = simplifyEstimand(once, { rank });
        expect(estimandKey(twice)).toBe(estimandKey(once));
      }),
      { seed: 20260305, numRuns: 300 },
    );
  });
});

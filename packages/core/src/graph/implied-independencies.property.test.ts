/**
 * Properties of the implied independencies on random DAGs with latent nodes: the minimal
 * statements equal the brute-force minimal d-separators among observed nodes of every pair; the
 * local Markov basis of a latent-free DAG equals its literal definition; with latent nodes every
 * basis statement holds (brute-force d-separation) and uses observed nodes only; caps truncate;
 * results do not depend on the order of the input lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteDSeparated } from "../../test/graph/brute-force.reference.js";
import { bruteLocalMarkov, bruteMinimalIndependencies } from "../../test/graph/implied-independencies.reference.js";
import { graphCaseArbitrary, permutedGraphArbitrary } from "../testing/index.js";
import { createDag, localMarkovBasis, minimalImpliedIndependencies } from "./index.js";

const SEED = 5_550_123;

describe("implied independencies", () => {
  it("minimal: exactly the brute-force minimal separators among observed nodes, every pair", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 3, maxNodes: 8, minDensity: 15, maxDensity: 55, maxLatent: 35 }), ({ graph }) => {
        const result = minimalImpliedIndependencies(createDag(graph), { maxResults: 100_000 });
        expect(result.truncated).toBe(false);
        expect(result.independencies).toEqual(bruteMinimalIndependencies(graph));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("basis without latent nodes: v ⫫ w | Pa(v) for every non-descendant non-parent w", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 2, maxNodes: 10, maxLatent: 0 }), ({ graph }) => {
        const result = localMarkovBasis(createDag(graph), { maxResults: 100_000 });
        expect(result.truncated).toBe(false);
        expect(result.independencies).toEqual(bruteLocalMarkov(graph));
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it("basis with latent nodes: every statement holds, over observed nodes, one per listed pair", () => {
    let statements = 0;
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 3, maxNodes: 9, minDensity: 15, maxDensity: 50, maxLatent: 40 }), ({ graph }) => {
        const latent = new Set(graph.latent);
        const result = localMarkovBasis(createDag(graph), { maxResults: 100_000 });
        const pairs = new Set<string>();
        for (const s of result.independencies) {
          expect([s.x, s.y, ...s.given].some((v) => latent.has(v))).toBe(false);
          expect(bruteDSeparated(graph, [s.x], [s.y], s.given)).toBe(true);
          const key = `${s.x}|${s.y}`;
          expect(pairs.has(key)).toBe(false);
          pairs.add(key);
          statements++;
        }
      }),
      { seed: SEED + 2, numRuns: 200 },
    );
    expect(statements).toBeGreaterThan(300);
  });

  it("caps truncate to the requested number of statements", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 5, maxNodes: 9, maxLatent: 20 }), fc.integer({ min: 1, max: 4 }), ({ graph }, cap) => {
        const dag = createDag(graph);
        for (const list of [minimalImpliedIndependencies, localMarkovBasis]) {
          const all = list(dag, { maxResults: 100_000 }).independencies;
          const capped = list(dag, { maxResults: cap });
          expect(capped.truncated).toBe(all.length > cap);
          expect(capped.independencies).toHaveLength(Math.min(cap, all.length));
          const every = new Set(all.map((s) => JSON.stringify(s)));
          for (const s of capped.independencies) expect(every.has(JSON.stringify(s))).toBe(true);
        }
      }),
      { seed: SEED + 3, numRuns: 100 },
    );
  });

  it("does not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(
        graphCaseArbitrary({ maxNodes: 12, maxLatent: 30 }).chain((c) => fc.tuple(fc.constant(c.graph), permutedGraphArbitrary(c.graph))),
        ([graph, permuted]) => {
          const a = createDag(graph);
          const b = createDag(permuted);
          expect(minimalImpliedIndependencies(b, { maxResults: 60 })).toEqual(minimalImpliedIndependencies(a, { maxResults: 60 }));
          expect(localMarkovBasis(b, { maxResults: 60 })).toEqual(localMarkovBasis(a, { maxResults: 60 }));
        },
      ),
      { seed: SEED + 4, numRuns: 150 },
    );
  });
});

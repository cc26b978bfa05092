/**
 * Properties of the adjustment functions on random DAGs with latent nodes, against the literal
 * criterion applied to every subset: the enumerated minimal sets are exactly the brute-force
 * minimal sets, every one is valid, no proper subset of one is valid (checked over all subsets),
 * the canonical and minimum sets agree, and results do not depend on input order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphCaseArbitrary, permutedGraphArbitrary } from "../testing/index.js";
import { bruteAdjustment, maskOfNames } from "../../test/graph/brute-force.reference.js";
import { canonicalAdjustmentSet, createDag, isAdjustmentSet, minimalAdjustmentSets, minimumAdjustmentSet } from "./index.js";

const SEED = 7_340_021;

/** General random queries (several exposures and outcomes) mixed with confounding-rich ones. */
const adjustmentCases = fc.oneof(
  graphCaseArbitrary({ minNodes: 6, maxNodes: 11, minDensity: 20, maxDensity: 60, maxSetSize: 2 }),
  graphCaseArbitrary({ minNodes: 7, maxNodes: 11, minDensity: 20, maxDensity: 50, maxLatent: 20, outcomeLast: true }),
);

describe("adjustment-set properties", () => {
  it("lists exactly the brute-force minimal sets; each valid with no valid proper subset", () => {
    fc.assert(
      fc.property(adjustmentCases, ({ graph, xs, ys }) => {
        const dag = createDag(graph);
        const brute = bruteAdjustment(graph, xs, ys);
        const { sets, truncated } = minimalAdjustmentSets(dag, xs, ys, { maxResults: 100_000 });
        expect(truncated).toBe(false);
        expect(sets).toEqual(brute.minimal);
        for (const set of sets) {
          const mask = maskOfNames(brute.candidates, set);
          expect(brute.valid[mask]).toBe(true);
          for (let sub = (mask - 1) & mask; sub !== mask; sub = (sub - 1) & mask) {
            expect(brute.valid[sub]).toBe(false);
            if (sub === 0) break;
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("agrees with brute force on 12-node graphs", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 12, maxNodes: 12, minDensity: 15, maxDensity: 35, maxLatent: 20, outcomeLast: true }), ({ graph, xs, ys }) => {
        const brute = bruteAdjustment(graph, xs, ys);
        expect(minimalAdjustmentSets(createDag(graph), xs, ys, { maxResults: 100_000 }).sets).toEqual(brute.minimal);
      }),
      { seed: SEED + 1, numRuns: 40 },
    );
  });

  it("canonical set, minimum set and the membership test agree with the literal criterion", () => {
    fc.assert(
      fc.property(adjustmentCases, fc.nat(), ({ graph, xs, ys }, pick) => {
        const dag = createDag(graph);
        const brute = bruteAdjustment(graph, xs, ys);
        expect(canonicalAdjustmentSet(dag, xs, ys)).toEqual(brute.canonical);
        const minimum = minimumAdjustmentSet(dag, xs, ys);
        if (brute.minimal.length === 0) expect(minimum).toBeNull();
        else {
          const smallest = Math.min(...brute.minimal.map((s) => s.length));
          expect(minimum).toEqual(brute.minimal.find((s) => s.length === smallest));
        }
        const mask = pick % (1 << brute.candidates.length);
        const z = brute.candidates.filter((_, i) => (mask >> i) & 1);
        expect(isAdjustmentSet(dag, xs, ys, z)).toBe(brute.valid[mask]);
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it("does not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(
        graphCaseArbitrary({ maxNodes: 14, maxSetSize: 2 }).chain((c) => fc.tuple(fc.constant(c), permutedGraphArbitrary(c.graph))),
        ([{ graph, xs, ys }, permuted]) => {
          const a = createDag(graph);
          const b = createDag(permuted);
          expect(minimalAdjustmentSets(b, [...xs].reverse(), ys, { maxResults: 50 })).toEqual(minimalAdjustmentSets(a, xs, ys, { maxResults: 50 }));
          expect(canonicalAdjustmentSet(b, xs, ys)).toEqual(canonicalAdjustmentSet(a, xs, ys));
          expect(minimumAdjustmentSet(b, xs, ys)).toEqual(minimumAdjustmentSet(a, xs, ys));
        },
      ),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});

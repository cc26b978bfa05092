/**
 * Properties of back-door path reporting on random DAGs against brute force: the listed paths are
 * exactly the open back-door paths (in order); a cap returns a prefix; and the obstruction report
 * matches its definitions (identifiable iff a canonical set exists; open paths given the
 * candidate; collider-free paths through non-admissible nodes).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphCaseArbitrary, permutedGraphArbitrary } from "../testing/index.js";
import { bruteAdjustment, bruteBackdoorPaths } from "../../test/graph/brute-force.reference.js";
import { adjustmentObstructions, backdoorPaths, createDag, type PathList } from "./index.js";

const SEED = 99_173;
const nodesOf = (list: PathList): string[][] => list.paths.map((p) => p.nodes);

describe("back-door path properties", () => {
  it("lists exactly the open back-door paths, shortest first then by name, with correct arrows", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 4, maxNodes: 9, maxDensity: 55 }), ({ graph, xs, ys, zs }) => {
        const dag = createDag(graph);
        const x = xs[0]!;
        const y = ys[0]!;
        const result = backdoorPaths(dag, x, y, { given: zs, maxPaths: 100_000 });
        expect(result.truncated).toBe(false);
        expect(nodesOf(result)).toEqual(bruteBackdoorPaths(graph, x, y, zs));
        const edges = new Set(graph.edges.map(([a, b]) => `${a}>${b}`));
        for (const p of result.paths) {
          p.arrows.forEach((arrow, i) => {
            const [a, b] = arrow === "->" ? [p.nodes[i]!, p.nodes[i + 1]!] : [p.nodes[i + 1]!, p.nodes[i]!];
            expect(edges.has(`${a}>${b}`)).toBe(true);
          });
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("a cap returns a prefix of the full list", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 5, maxNodes: 10, minDensity: 30, maxDensity: 60 }), fc.integer({ min: 1, max: 5 }), ({ graph, xs, ys }, cap) => {
        const dag = createDag(graph);
        const full = backdoorPaths(dag, xs[0]!, ys[0]!, { maxPaths: 100_000 });
        const capped = backdoorPaths(dag, xs[0]!, ys[0]!, { maxPaths: cap });
        expect(capped.paths).toEqual(full.paths.slice(0, cap));
        expect(capped.truncated).toBe(full.paths.length > cap);
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it("obstructions match their definitions", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 4, maxNodes: 9, minDensity: 20, maxDensity: 55, maxLatent: 45, outcomeLast: true }), ({ graph, xs, ys }) => {
        const dag = createDag(graph);
        const x = xs[0]!;
        const y = ys[0]!;
        const brute = bruteAdjustment(graph, [x], [y]);
        const result = adjustmentObstructions(dag, x, y, { maxPaths: 100_000 });
        expect(result.identifiable).toBe(brute.canonical !== null);
        expect(result.identifiable).toBe(result.openGivenCandidate.paths.length === 0);
        expect(result.candidate).toEqual(brute.canonicalCandidate);
        expect(nodesOf(result.openGivenCandidate)).toEqual(bruteBackdoorPaths(brute.backdoorGraph, x, y, brute.canonicalCandidate));
        const admissible = new Set(brute.candidates.filter((v) => !brute.forbidden.has(v)));
        expect(nodesOf(result.unblockable)).toEqual(bruteBackdoorPaths(brute.backdoorGraph, x, y, [], (v) => !admissible.has(v)));
        if (result.unblockable.paths.length > 0) expect(brute.minimal).toEqual([]);
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it("does not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(
        graphCaseArbitrary({ minNodes: 5, maxNodes: 12, maxLatent: 40 }).chain((c) => fc.tuple(fc.constant(c), permutedGraphArbitrary(c.graph))),
        ([{ graph, xs, ys, zs }, permuted]) => {
          const a = createDag(graph);
          const b = createDag(permuted);
          expect(backdoorPaths(b, xs[0]!, ys[0]!, { given: [...zs].reverse(), maxPaths: 20 })).toEqual(backdoorPaths(a, xs[0]!, ys[0]!, { given: zs, maxPaths: 20 }));
          expect(adjustmentObstructions(b, xs[0]!, ys[0]!, { maxPaths: 20 })).toEqual(adjustmentObstructions(a, xs[0]!, ys[0]!, { maxPaths: 20 }));
        },
      ),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});

/**
 * Properties of d-separation on random DAGs: the linear-time test equals the brute-force path
 * check, the witness is a genuine d-connecting simple path, separation is symmetric, adding an
 * edge never adds a separation, and nothing depends on the order of the input lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphCaseArbitrary, permutedGraphArbitrary } from "../testing/index.js";
import { bruteDSeparated, pathIsOpen } from "../../test/graph/brute-force.reference.js";
import { createDag, dSeparated, openPath, topologicalNames } from "./index.js";

const SEED = 20240611;

describe("d-separation properties", () => {
  it("equals brute force, and the witness is an open simple path exactly when connected", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ maxNodes: 10, maxSetSize: 3 }), ({ graph, xs, ys, zs }) => {
        const dag = createDag(graph);
        const expected = bruteDSeparated(graph, xs, ys, zs);
        expect(dSeparated(dag, xs, ys, zs)).toBe(expected);
        const path = openPath(dag, xs, ys, zs);
        expect(path === null).toBe(expected);
        if (path !== null) {
          expect(xs).toContain(path[0]);
          expect(ys).toContain(path[path.length - 1]);
          expect(new Set(path).size).toBe(path.length);
          const edges = new Set(graph.edges.map(([a, b]) => `${a}>${b}`));
          for (let i = 0; i + 1 < path.length; i++) {
            expect(edges.has(`${path[i]}>${path[i + 1]}`) || edges.has(`${path[i + 1]}>${path[i]}`)).toBe(true);
          }
          expect(pathIsOpen(graph, path, new Set(zs))).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("is symmetric in X and Y", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ maxNodes: 14, maxSetSize: 3 }), ({ graph, xs, ys, zs }) => {
        const dag = createDag(graph);
        expect(dSeparated(dag, xs, ys, zs)).toBe(dSeparated(dag, ys, xs, zs));
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it("never gains a separation when an edge is added", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ maxNodes: 12, maxSetSize: 2 }), fc.nat(), fc.nat(), ({ graph, xs, ys, zs }, i, j) => {
        const order = topologicalNames(createDag(graph));
        const a = i % order.length;
        const b = j % order.length;
        fc.pre(a !== b);
        const edge: [string, string] = [order[Math.min(a, b)]!, order[Math.max(a, b)]!];
        const bigger = createDag({ ...graph, edges: [...graph.edges, edge] });
        if (dSeparated(bigger, xs, ys, zs)) expect(dSeparated(createDag(graph), xs, ys, zs)).toBe(true);
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });

  it("does not depend on the order of nodes, edges or latent nodes (answers and witnesses)", () => {
    fc.assert(
      fc.property(
        graphCaseArbitrary({ maxNodes: 12, maxSetSize: 2 }).chain((c) => fc.tuple(fc.constant(c), permutedGraphArbitrary(c.graph))),
        ([{ graph, xs, ys, zs }, permuted]) => {
          const a = createDag(graph);
          const b = createDag(permuted);
          expect(dSeparated(b, xs, ys, zs)).toBe(dSeparated(a, xs, ys, zs));
          expect(openPath(b, [...xs].reverse(), ys, zs)).toEqual(openPath(a, xs, ys, zs));
          expect(topologicalNames(b)).toEqual(topologicalNames(a));
        },
      ),
      { seed: SEED + 3, numRuns: 200 },
    );
  });
});

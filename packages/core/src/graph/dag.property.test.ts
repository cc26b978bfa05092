/**
 * Properties of graph construction on random DAGs: the topological order respects every edge
 * and is the same for any order of the input lists; adding a backward edge makes a cycle, and the
 * reported cycle is a genuine directed cycle of the graph.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { graphCaseArbitrary, permutedGraphArbitrary } from "../testing/index.js";
import { IslError } from "../errors.js";
import { createDag, edgeList, topologicalNames } from "./index.js";

const SEED = 4_411;

describe("graph construction properties", () => {
  it("orders every edge forwards, independently of input order", () => {
    fc.assert(
      fc.property(
        graphCaseArbitrary({ maxNodes: 16 }).chain((c) => fc.tuple(fc.constant(c.graph), permutedGraphArbitrary(c.graph))),
        ([graph, permuted]) => {
          const dag = createDag(graph);
          const order = topologicalNames(dag);
          const position = new Map(order.map((v, i) => [v, i]));
          expect([...order].sort()).toEqual([...graph.nodes].sort());
          for (const [a, b] of graph.edges) expect(position.get(a)!).toBeLessThan(position.get(b)!);
          const other = createDag(permuted);
          expect(topologicalNames(other)).toEqual(order);
          expect(edgeList(other)).toEqual(edgeList(dag));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("reports a genuine cycle when a backward edge closes one", () => {
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 3, maxNodes: 14, minDensity: 20 }), fc.nat(), ({ graph }, pick) => {
        fc.pre(graph.edges.length > 0);
        const dag = createDag(graph);
        const order = topologicalNames(dag);
        // Close a cycle: an edge from a descendant back to an ancestor along an existing edge path.
        const [a, b] = graph.edges[pick % graph.edges.length]!;
        let error: unknown;
        try {
          createDag({ ...graph, edges: [...graph.edges, [b, a]] });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(IslError);
        expect((error as IslError).code).toBe("ISL_DAG_CYCLIC");
        const cycle = (error as IslError).details["cycle"] as string[];
        expect(cycle[0]).toBe(cycle[cycle.length - 1]);
        expect(new Set(cycle.slice(0, -1)).size).toBe(cycle.length - 1);
        const edges = new Set([...graph.edges, [b, a]].map(([u, v]) => `${u}>${v}`));
        for (let i = 0; i + 1 < cycle.length; i++) expect(edges.has(`${cycle[i]}>${cycle[i + 1]}`)).toBe(true);
        expect(order.length).toBe(graph.nodes.length);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });
});

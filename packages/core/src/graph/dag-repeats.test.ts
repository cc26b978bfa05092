/**
 * Repeated input in `createDag`: repeated nodes are all reported (sorted, once each), repeated
 * edges are dropped and listed in input order — checked against a direct hash-set reference on
 * random edge lists with many repeats.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createDag, edgeList } from "./index.js";

describe("createDag with repeated input", () => {
  it("lists each repeated node once, sorted", () => {
    const error = expectIslError(() => createDag({ nodes: ["b", "a", "b", "c", "a", "b"], edges: [] }), "ISL_INVALID_DAG");
    expect(error.message).toBe("Duplicate nodes found: 'a', 'b'. Each node must be unique.");
    expect(error.details.duplicateNodes).toEqual(["a", "b"]);
  });

  it("drops repeated edges and lists the repeats in input order", () => {
    const dag = createDag({ nodes: ["a", "b", "c"], edges: [["b", "c"], ["a", "b"], ["b", "c"], ["a", "c"], ["a", "b"], ["b", "c"]] });
    expect(edgeList(dag)).toEqual([["a", "b"], ["a", "c"], ["b", "c"]]);
    expect(dag.duplicateEdges).toEqual([["b", "c"], ["a", "b"], ["b", "c"]]);
  });

  it("agrees with a hash-set reference on random edge lists", () => {
    const n = 6;
    const names = Array.from({ length: n }, (_, i) => `v${i}`);
    const pair = fc.tuple(fc.integer({ min: 0, max: n - 2 }), fc.integer({ min: 1, max: n - 1 })).map(([a, b]): [string, string] => [names[Math.min(a, b - 1)]!, names[Math.max(b, a + 1)]!]);
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 40 }), (edges) => {
        const dag = createDag({ nodes: names, edges });
        const seen = new Set<string>();
        const repeats: [string, string][] = [];
        for (const [a, b] of edges) {
          const key = `${a}>${b}`;
          if (seen.has(key)) repeats.push([a, b]);
          seen.add(key);
        }
        expect(dag.duplicateEdges).toEqual(repeats);
        expect(edgeList(dag).map(([a, b]) => `${a}>${b}`)).toEqual([...seen].sort());
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});

/**
 * The example property test of docs/testing.md, run as a test (docs/testing-doc.test.ts checks
 * that the page shows this file verbatim). It property-tests a small function of "your own code"
 * with ISL's graph arbitraries: a hand-written check that a set blocks every back-door path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backdoorPaths, createDag, isAdjustmentSet, minimalAdjustmentSets, type Dag } from "@olumi/isl-core/graph";
import { dagWithRolesArbitrary } from "@olumi/isl-core/testing";

/** Your code: does `set` block every back-door path from x to y? (Pearl's back-door test, paths part only.) */
function blocksEveryBackdoorPath(dag: Dag, x: string, y: string, set: string[]): boolean {
  return backdoorPaths(dag, x, y, { given: set, maxPaths: 1 }).paths.length === 0;
}

describe("my back-door check", () => {
  it("accepts every minimal adjustment set that ISL finds", () => {
    fc.assert(
      fc.property(dagWithRolesArbitrary({ maxNodes: 9, maxLatent: 20 }), (g) => {
        const dag = createDag(g);
        const [x, y] = [g.exposure[0]!, g.outcome[0]!];
        for (const set of minimalAdjustmentSets(dag, x, y, { maxResults: 5 }).sets) {
          expect(isAdjustmentSet(dag, x, y, set)).toBe(true);
          expect(blocksEveryBackdoorPath(dag, x, y, set)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

/**
 * Properties of the front-door functions on random DAGs (with latent nodes) and ADMGs, against
 * Pearl's criterion checked path by path on every subset of the observed nodes: the constructed
 * set is the union of all front-door sets (null iff there is none), the verdict agrees with the
 * criterion on every subset, the listed minimal sets are exactly the brute-force minimal sets, the
 * single minimal set is one of them, and results do not depend on input order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explicitLatents } from "../../test/graph/brute-force.reference.js";
import { bruteFrontDoorChecker, bruteFrontDoorSets, minimalMembers, subsetsOf } from "../../test/graph/identification-strategies.reference.js";
import { admgWithRolesArbitrary, dagWithRolesArbitrary, permutedGraphArbitrary, type GraphWithRoles } from "../testing/index.js";
import { createDag, frontDoorSet, frontDoorVerdict, minimalFrontDoorSet, minimalFrontDoorSets } from "./index.js";

const SEED = 1_995_082;

/**
 * ADMGs where front-door sets are common: X first and Y last in a random order, sparse directed
 * edges but never X → Y, X ↔ Y always (so back-door adjustment fails), a few more bidirected edges.
 */
const frontDoorRich: fc.Arbitrary<GraphWithRoles> = fc.integer({ min: 4, max: 8 }).chain((n) =>
  fc
    .record({
      edgeRolls: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: n * n, maxLength: n * n }),
      density: fc.integer({ min: 20, max: 55 }),
      bidirectedRate: fc.integer({ min: 0, max: 15 }),
    })
    .map(({ edgeRolls, density, bidirectedRate }) => {
      const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
      const edges: [string, string][] = [];
      const bidirected: [string, string][] = [["v0", `v${n - 1}`]];
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const roll = edgeRolls[i * n + j]!;
          if (roll < density && !(i === 0 && j === n - 1)) edges.push([nodes[i]!, nodes[j]!]);
          if (edgeRolls[j * n + i]! < bidirectedRate && !(i === 0 && j === n - 1)) bidirected.push([nodes[i]!, nodes[j]!]);
        }
      }
      return { nodes, edges, latent: [], bidirected, exposure: ["v0"], outcome: [`v${n - 1}`] };
    }),
);

const cases = fc.oneof(
  dagWithRolesArbitrary({ minNodes: 4, maxNodes: 9, minDensity: 15, maxDensity: 50, maxLatent: 35 }),
  admgWithRolesArbitrary({ minNodes: 4, maxNodes: 8, minDensity: 15, maxDensity: 50, maxBidirected: 40 }),
  frontDoorRich,
  frontDoorRich,
);

describe("front-door sets against the criterion", () => {
  it("construction, verdict, minimal sets and listing agree with the brute force", () => {
    fc.assert(
      fc.property(cases, (g) => {
        const plain = explicitLatents(g);
        const [x] = g.exposure;
        const [y] = g.outcome;
        const dag = createDag(g);
        const valid = bruteFrontDoorSets(plain, x!, y!);
        const union = [...new Set(valid.flat())].sort();
        expect(frontDoorSet(dag, x!, y!)).toEqual(valid.length === 0 ? null : union);
        const check = bruteFrontDoorChecker(plain, x!, y!);
        const observed = g.nodes.filter((v) => v !== x && v !== y && !g.latent.includes(v)).sort();
        for (const set of subsetsOf(observed)) expect(frontDoorVerdict(dag, x!, y!, set).valid).toBe(check(set));
        const minimal = minimalMembers(valid);
        const listed = minimalFrontDoorSets(dag, x!, y!, { maxResults: 10_000 });
        expect(listed).toEqual({ sets: minimal, truncated: false });
        const one = minimalFrontDoorSet(dag, x!, y!);
        if (one === null) expect(minimal).toEqual([]);
        else expect(minimal).toContainEqual(one);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("does not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(
        admgWithRolesArbitrary({ minNodes: 5, maxNodes: 10, maxBidirected: 30 }).chain((g) => fc.tuple(fc.constant(g), permutedGraphArbitrary(g))),
        ([g, permuted]) => {
          const x = g.exposure[0]!;
          const y = g.outcome[0]!;
          const withBidirected = { ...permuted, bidirected: g.bidirected };
          expect(minimalFrontDoorSets(createDag(withBidirected), x, y)).toEqual(minimalFrontDoorSets(createDag(g), x, y));
          expect(frontDoorSet(createDag(withBidirected), x, y)).toEqual(frontDoorSet(createDag(g), x, y));
        },
      ),
      { seed: SEED + 1, numRuns: 100 },
    );
  });
});

/**
 * Properties of the latent projection on random graphs with latent nodes and bidirected edges:
 * its edges equal those found by listing every simple path of the canonical DAG (brute force), and
 * m-separation in the projection (brute force over the ADMG's paths) equals d-separation in the
 * DAG for sets of observed nodes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bruteMSeparated, bruteProjection, explicitLatentGraph } from "../../test/graph/brute-force-admg.reference.js";
import { admgWithRolesArbitrary } from "../testing/index.js";
import { bidirectedEdges, createDag, dSeparated, latentProjection } from "./index.js";

const SEED = 19900712;

const graphs = admgWithRolesArbitrary({ minNodes: 3, maxNodes: 8, maxLatent: 50, maxBidirected: 25, maxDensity: 45 });

describe("latent projection properties", () => {
  it("equals the projection found by enumerating every path", () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const admg = latentProjection(createDag(g));
        const brute = bruteProjection(explicitLatentGraph(g));
        expect(admg.names).toEqual(brute.observed);
        const directed = new Set<string>();
        admg.children.forEach((list, a) => list.forEach((b) => directed.add(`${admg.names[a]}>${admg.names[b]}`)));
        expect([...directed].sort()).toEqual([...brute.directed].sort());
        expect(bidirectedEdges(admg).map(([a, b]) => `${a}<>${b}`)).toEqual([...brute.bidirected].sort());
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("m-separation in the projection equals d-separation in the DAG for observed sets", () => {
    const withQuery = graphs.chain((g) =>
      fc.tuple(
        fc.constant(g),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: g.nodes.length, maxLength: g.nodes.length }),
      ),
    );
    fc.assert(
      fc.property(withQuery, ([g, roles]) => {
        const dag = createDag(g);
        const admg = latentProjection(dag);
        const observed = new Set(admg.names);
        const pick = (r: number) => g.nodes.filter((v, i) => observed.has(v) && roles[i] === r);
        const xs = pick(1);
        const ys = pick(2);
        const zs = pick(3);
        fc.pre(xs.length > 0 && ys.length > 0);
        const directed: [string, string][] = [];
        admg.children.forEach((list, a) => list.forEach((b) => directed.push([admg.names[a]!, admg.names[b]!])));
        expect(bruteMSeparated(admg.names, directed, bidirectedEdges(admg), xs, ys, zs)).toBe(dSeparated(dag, xs, ys, zs));
      }),
      { seed: SEED + 1, numRuns: 400 },
    );
  });
});

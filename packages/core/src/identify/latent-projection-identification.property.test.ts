/**
 * Identification through latent projection: on random DAGs whose latent nodes may have parents,
 * latent parents and many children (not only the root confounders of a semi-Markovian model), ID on
 * the latent projection must give an estimand equal, exactly, to the true P(y | do(x)) of a random
 * discrete model on the full DAG, latent variables included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDag } from "../graph/dag.js";
import { latentProjection } from "../graph/latent-projection.js";
import { graphCaseArbitrary } from "../testing/graph-case-arbitrary.js";
import { randomDagModel } from "../../test/identify/discrete-model.js";
import { identifiableByClosure } from "../../test/identify/hedge-reference.js";
import { verifyEstimands } from "../../test/identify/verify-estimand.js";
import { bidirectedEdges } from "../graph/admg.js";
import { identifyEffect } from "./identify-effect.js";

describe("ID on the latent projection of random DAGs", () => {
  it("gives estimands equal to the full model's interventional distribution, exactly", () => {
    let identified = 0;
    let notIdentified = 0;
    fc.assert(
      fc.property(graphCaseArbitrary({ minNodes: 4, maxNodes: 8, maxLatent: 60, minDensity: 30, maxDensity: 70, maxSetSize: 2 }), fc.integer({ min: 1, max: 2 ** 30 }), (c, seed) => {
        const latent = new Set(c.graph.latent);
        fc.pre([...c.xs, ...c.ys].every((v) => !latent.has(v)));
        const admg = latentProjection(createDag(c.graph));
        const result = identifyEffect(admg, { treatment: c.xs, outcome: c.ys });
        const plain = { nodes: [...admg.names], directed: admg.names.flatMap((b, v) => admg.parents[v]!.map((p) => [admg.names[p]!, b] as [string, string])), bidirected: bidirectedEdges(admg) };
        expect(result.identifiable).toBe(identifiableByClosure(plain, c.xs, c.ys));
        if (!result.identifiable) {
          notIdentified++;
          return;
        }
        identified++;
        const model = randomDagModel({ nodes: c.graph.nodes, edges: c.graph.edges, latent: c.graph.latent }, seed);
        verifyEstimands(model, [result.estimand!], c.xs, c.ys);
      }),
      { seed: 20260306, numRuns: 300 },
    );
    expect(identified).toBeGreaterThan(200);
    expect(notIdentified).toBeGreaterThan(8);
  });
});

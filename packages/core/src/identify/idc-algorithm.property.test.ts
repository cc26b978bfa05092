/**
 * Properties of IDC on random ADMGs built from explicit latent confounders:
 *  - the verdict and the conditioning nodes moved by rule 2 equal an independent reference (the same
 *    rule applied with brute-force d-separation on the explicit-latent DAG, then the closure
 *    criterion for the joint effect, which IDC's completeness theorem says decides the question);
 *  - every identifiable conditional effect's estimand, simplified and literal, equals the true
 *    P(y | do(x), z) = P(y, z | do(x)) / P(z | do(x)) exactly on a random discrete model;
 *  - every hedge returned is a hedge, by definition, for the joint effect ID was finally asked.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdmg } from "../graph/admg.js";
import { bruteDSeparated, type PlainGraph } from "../../test/graph/brute-force.reference.js";
import { identifyCaseArbitrary, type IdentifyCase } from "../../test/identify/admg-arbitraries.js";
import { dagOfSpec, randomModel } from "../../test/identify/discrete-model.js";
import { identifiableByClosure, isHedgeFor } from "../../test/identify/hedge-reference.js";
import { verifyEstimands } from "../../test/identify/verify-estimand.js";
import { IdRun } from "./id-algorithm.js";
import { idcWithRun } from "./idc-algorithm.js";
import { identifyEffect } from "./identify-effect.js";

/** The explicit-latent DAG with the edges into `cutIn` and out of `cutOut` removed. */
function mutilatedDag(c: IdentifyCase, cutIn: ReadonlySet<string>, cutOut: ReadonlySet<string>): PlainGraph {
  const dag = dagOfSpec(c.spec);
  return { nodes: dag.nodes, edges: dag.edges.filter(([a, b]) => !cutIn.has(b) && !cutOut.has(a)), latent: dag.latent };
}

/** IDC line 1 by brute-force d-separation: the conditioning nodes rule 2 moves, in the order moved. */
function referenceMoves(c: IdentifyCase): { x: string[]; z: string[]; moved: string[] } {
  let x = [...c.x];
  let z = [...c.z].sort();
  const moved: string[] = [];
  for (let found = true; found; ) {
    found = false;
    for (const candidate of z) {
      const others = z.filter((v) => v !== candidate);
      if (!bruteDSeparated(mutilatedDag(c, new Set(x), new Set([candidate])), c.y, [candidate], [...x, ...others])) continue;
      x = [...x, candidate].sort();
      z = others;
      moved.push(candidate);
      found = true;
      break;
    }
  }
  return { x, z, moved };
}

describe("IDC on random ADMGs", () => {
  it("agrees with the reference, gives exact estimands, and returns hedges by definition", () => {
    let identified = 0;
    let hedges = 0;
    let movedAny = 0;
    let stayedAny = 0;
    fc.assert(
      fc.property(identifyCaseArbitrary({ minNodes: 3, maxNodes: 6, maxLatents: 3, maxGiven: 2 }), (c) => {
        const admg = createAdmg(c.admg.nodes, c.admg.directed, c.admg.bidirected);
        const result = identifyEffect(admg, { treatment: c.x, outcome: c.y, given: c.z });
        const reference = referenceMoves(c);
        expect(result.movedToTreatment).toEqual(reference.moved);
        const jointY = [...c.y, ...reference.z];
        expect(result.identifiable).toBe(identifiableByClosure(c.admg, reference.x, jointY));
        if (reference.moved.length > 0) movedAny++;
        if (reference.z.length > 0) stayedAny++;
        if (!result.identifiable) {
          hedges++;
          const { f, fPrime } = result.hedge!;
          expect(isHedgeFor(c.admg, new Set(f), new Set(fPrime), new Set(reference.x), new Set(jointY))).toBe(true);
          return;
        }
        identified++;
        const index = (names: string[]): number[] => names.map((v) => admg.indexOf.get(v)!).sort((a, b) => a - b);
        const literal = idcWithRun(new IdRun(admg, { simplify: false }), index(c.y), index(c.x), index(c.z));
        expect(literal.outcome.identifiable).toBe(true);
        const estimands = [result.estimand!, ...(literal.outcome.identifiable ? [literal.outcome.estimand] : [])];
        verifyEstimands(randomModel(c.spec, c.seed), estimands, c.x, c.y, c.z);
      }),
      { seed: 20260307, numRuns: 400 },
    );
    expect(identified).toBeGreaterThan(150);
    expect(hedges).toBeGreaterThan(40);
    expect(movedAny).toBeGreaterThan(50);
    expect(stayedAny).toBeGreaterThan(50);
  });
});

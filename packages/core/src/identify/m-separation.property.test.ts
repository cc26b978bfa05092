/**
 * m-separation in (mutilated) ADMGs against brute-force d-separation — every simple path checked —
 * on the DAG with the latent confounders made explicit and the same edges removed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdmg } from "../graph/admg.js";
import { bruteDSeparated } from "../../test/graph/brute-force.reference.js";
import { identifyCaseArbitrary } from "../../test/identify/admg-arbitraries.js";
import { dagOfSpec } from "../../test/identify/discrete-model.js";
import { mSeparated } from "./m-separation.js";

describe("mSeparated", () => {
  it("equals brute-force d-separation on the explicit-latent DAG, with and without mutilation", () => {
    let separated = 0;
    let connected = 0;
    fc.assert(
      fc.property(
        identifyCaseArbitrary({ minNodes: 3, maxNodes: 7, maxLatents: 4, maxGiven: 3 }),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
        (c, inRolls, outRolls) => {
          const admg = createAdmg(c.admg.nodes, c.admg.directed, c.admg.bidirected);
          const cutIn = new Set(c.admg.nodes.filter((_, i) => inRolls[i]));
          const cutOut = new Set(c.admg.nodes.filter((_, i) => outRolls[i]));
          const dag = dagOfSpec(c.spec);
          const mutilated = { nodes: dag.nodes, edges: dag.edges.filter(([a, b]) => !cutIn.has(b) && !cutOut.has(a)), latent: dag.latent };
          const mask = (set: ReadonlySet<string>): Uint8Array => Uint8Array.from(admg.names, (v) => (set.has(v) ? 1 : 0));
          const index = (names: string[]): number[] => names.map((v) => admg.indexOf.get(v)!);
          const expected = bruteDSeparated(mutilated, c.x, c.y, c.z);
          const actual = mSeparated(admg, index(c.x), index(c.y), index(c.z), { cutIncoming: mask(cutIn), cutOutgoing: mask(cutOut) });
          expect(actual).toBe(expected);
          expect(mSeparated(admg, index(c.x), index(c.y), index(c.z))).toBe(bruteDSeparated(dagOfSpec(c.spec), c.x, c.y, c.z));
          if (expected) separated++;
          else connected++;
        },
      ),
      { seed: 20260308, numRuns: 500 },
    );
    expect(separated).toBeGreaterThan(80);
    expect(connected).toBeGreaterThan(80);
  });
});

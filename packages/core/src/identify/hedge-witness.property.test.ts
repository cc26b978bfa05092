/**
 * Non-identifiability made concrete: for hedges returned by ID whose roots are outcome nodes, the two
 * parity models of Shpitser & Pearl's proof (test/identify/hedge-models.ts) are built explicitly and
 * enumerated exactly. They must agree on the whole observational distribution and disagree on
 * P(y | do(x)) for some values — so no estimand could exist, independently of ID's own reasoning.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAdmg } from "../graph/admg.js";
import { identifyCaseArbitrary } from "../../test/identify/admg-arbitraries.js";
import { interventionalConditional, observedJoint, valuesOf } from "../../test/identify/discrete-model.js";
import { parityModels } from "../../test/identify/hedge-models.js";
import { identifyEffect } from "./identify-effect.js";

describe("hedges returned by ID", () => {
  it("carry two models with the same observational distribution and different effects", () => {
    let witnessed = 0;
    fc.assert(
      fc.property(identifyCaseArbitrary({ maxNodes: 6, maxLatents: 3 }), (c) => {
        const result = identifyEffect(createAdmg(c.admg.nodes, c.admg.directed, c.admg.bidirected), { treatment: c.x, outcome: c.y });
        if (result.identifiable) return;
        const models = parityModels(c.admg, result.hedge!.f, result.hedge!.fPrime, c.y);
        if (models === null) return;
        const [m1, m2] = models;
        const joint1 = observedJoint(m1);
        const joint2 = observedJoint(m2);
        expect(joint2.names).toEqual(joint1.names);
        joint1.table.forEach((p, k) => expect(p.equals(joint2.table[k]!)).toBe(true));
        const effect1 = interventionalConditional(m1, c.x, c.y);
        const effect2 = interventionalConditional(m2, c.x, c.y);
        const vars = [...c.x, ...c.y];
        const differs = valuesOf(m1, vars.map((v) => m1.names.indexOf(v))).some((values) => {
          const env = new Map(vars.map((v, i) => [v, values[i]!]));
          return !effect1(env).equals(effect2(env));
        });
        expect(differs).toBe(true);
        witnessed++;
      }),
      { seed: 20260309, numRuns: 500 },
    );
    expect(witnessed).toBeGreaterThan(40);
  });
});

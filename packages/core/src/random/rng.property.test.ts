/**
 * Property tests (fast-check, seeded) of `Rng`: forks depend only on their path; uniform and gamma
 * column fills equal scalar draws, lognormal fills are exp of normal fills.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "./rng.js";

const seed = fc.oneof(fc.integer(), fc.string({ minLength: 1, maxLength: 12 }));
const name = fc.string({ minLength: 1, maxLength: 8 });

describe("Rng properties", () => {
  it("a fork's sequence depends only on its path, whatever is drawn elsewhere", () => {
    fc.assert(
      fc.property(seed, name, name, fc.nat({ max: 50 }), fc.nat({ max: 50 }), (s, a, b, parentDraws, siblingDraws) => {
        const expected = Array.from({ length: 5 }, ((r) => () => r.next())(createRng(s).fork(a)));
        const root = createRng(s);
        for (let i = 0; i < parentDraws; i++) root.next();
        const sibling = root.fork(b);
        for (let i = 0; i < siblingDraws; i++) sibling.normal();
        const fork = root.fork(a);
        expect(Array.from({ length: 5 }, () => fork.next())).toEqual(expected);
      }),
      { seed: 4128, numRuns: 100 },
    );
  });

  it("uniform and gamma fills equal scalar draws; lognormal fills are exp of normal fills", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 64 }), (s, n) => {
        const uniforms = createRng(s).fillUniform(new Float64Array(n), -2, 5);
        const scalarUniform = createRng(s);
        expect(Array.from(uniforms)).toEqual(Array.from({ length: n }, () => scalarUniform.uniform(-2, 5)));
        // Normal and lognormal fills use the four-lane layout instead (normal-lanes.property.test.ts).
        const lognormals = createRng(s).fillLognormal(new Float64Array(n), 0.3, 0.8);
        expect(Array.from(lognormals)).toEqual(Array.from(createRng(s).fillNormal(new Float64Array(n), 0.3, 0.8), (v) => Math.exp(v)));
        const gammas = createRng(s).fillGamma(new Float64Array(n), 0.7, 3);
        const scalarGamma = createRng(s);
        expect(Array.from(gammas)).toEqual(Array.from({ length: n }, () => scalarGamma.gamma(0.7, 3)));
      }),
      { seed: 2000, numRuns: 100 },
    );
  });
});

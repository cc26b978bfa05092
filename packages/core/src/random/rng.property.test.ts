/**
 * Property tests (fast-check, seeded) of `Rng`: forks depend only on their path; column fills equal
 * scalar draws.
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

  it("column fills equal the same number of scalar draws from the same stream", () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 64 }), (s, n) => {
        const column = createRng(s).fillNormal(new Float64Array(n), 1, 2);
        const scalar = createRng(s);
        expect(Array.from(column)).toEqual(Array.from({ length: n }, () => scalar.normal(1, 2)));
        const uniforms = createRng(s).fillUniform(new Float64Array(n), -2, 5);
        const scalarUniform = createRng(s);
        expect(Array.from(uniforms)).toEqual(Array.from({ length: n }, () => scalarUniform.uniform(-2, 5)));
        const lognormals = createRng(s).fillLognormal(new Float64Array(n), 0.3, 0.8);
        const scalarLognormal = createRng(s);
        expect(Array.from(lognormals)).toEqual(Array.from({ length: n }, () => scalarLognormal.lognormal(0.3, 0.8)));
        const gammas = createRng(s).fillGamma(new Float64Array(n), 0.7, 3);
        const scalarGamma = createRng(s);
        expect(Array.from(gammas)).toEqual(Array.from({ length: n }, () => scalarGamma.gamma(0.7, 3)));
      }),
      { seed: 2000, numRuns: 100 },
    );
  });
});

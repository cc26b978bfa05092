/**
 * Magnitude bounds (magnitude-bound.ts) against the reference interpreter on random expressions
 * (fast-check, seeded): whenever the bound is below FINITE_BOUND, every evaluation with variables
 * inside their bounds is finite and within the bound; and `simulate` still counts non-finite
 * values in the columns the bound cannot clear.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VARIABLES, expressionArbitrary } from "../../test/scm/expression-support.js";
import { createRng } from "../random/index.js";
import { FINITE_BOUND, magnitudeBound } from "./magnitude-bound.js";
import { buildStructuralModel, evaluateScalar, parseExpression, printExpression, simulate } from "./index.js";

const KNOWN = new Set<string>(VARIABLES);

describe("magnitudeBound", () => {
  it("bounds every evaluation with variables inside their bounds, and proves it finite", () => {
    let bounded = 0;
    fc.assert(
      fc.property(
        expressionArbitrary(5),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: VARIABLES.length, maxLength: VARIABLES.length }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: VARIABLES.length, maxLength: VARIABLES.length }),
        (tree, bounds, fractions) => {
          const node = parseExpression(printExpression(tree), { knownVariables: KNOWN });
          const boundOf = (name: string): number => bounds[VARIABLES.indexOf(name as (typeof VARIABLES)[number])]!;
          const bound = magnitudeBound(node, boundOf);
          if (!(bound < FINITE_BOUND)) return;
          bounded++;
          const env = new Map<string, number>(VARIABLES.map((name, i) => [name, bounds[i]! * fractions[i]!]));
          const value = evaluateScalar(node, env);
          expect(Number.isFinite(value)).toBe(true);
          expect(Math.abs(value)).toBeLessThanOrEqual(bound * (1 + 1e-12));
        },
      ),
      { seed: 4_301, numRuns: 3000 },
    );
    // The property must have been exercised, not vacuously passed.
    expect(bounded).toBeGreaterThan(300);
  });

  it("gives no bound for division, powers and unbounded functions, or for unbounded variables", () => {
    const unbounded = (text: string, bound = 1): number => magnitudeBound(parseExpression(text), () => bound);
    for (const text of ["a / b", "a ** 2", "exp(a)", "log(a)", "sqrt(a)", "tan(a)", "a // b", "a % b", "pow(a, 2)"]) expect(unbounded(text)).toBe(Number.POSITIVE_INFINITY);
    expect(unbounded("a + 1", Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(unbounded("logistic(a)", Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(unbounded("if(a, 1, 2)", Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(unbounded("(a < b) + 2 * -a", Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(unbounded("(a < b) + 2 * -a", 3)).toBe(7);
  });
});

describe("simulate with bounded columns", () => {
  it("still counts overflow in a product of bounded variables whose bound is too large", () => {
    const model = buildStructuralModel({
      variables: ["X", "Y", "Z"],
      equations: { Y: "X * 1e200 * 1e200", Z: "X + 1" },
      distributions: { X: { type: "normal", parameters: { mean: 0, std: 1 } } },
    });
    const sim = simulate(model, { samples: 2000, rng: createRng(3) });
    const overflowed = Array.from(sim.columns.get("Y")!).filter((v) => !Number.isFinite(v)).length;
    expect(overflowed).toBeGreaterThan(0);
    expect(sim.nonFinite.get("Y")).toBe(overflowed);
    expect(sim.nonFinite.has("Z")).toBe(false);
  });

  it("counts the non-finite values of an unbounded family and of equations fed by it", () => {
    const model = buildStructuralModel({
      variables: ["X", "Y"],
      equations: { Y: "2 * X" },
      distributions: { X: { type: "lognormal", parameters: { mu: 700, sigma: 5 } } },
    });
    const sim = simulate(model, { samples: 2000, rng: createRng(4) });
    const infinite = Array.from(sim.columns.get("X")!).filter((v) => !Number.isFinite(v)).length;
    expect(infinite).toBeGreaterThan(0);
    expect(sim.nonFinite.get("X")).toBe(infinite);
    expect(sim.nonFinite.get("Y")).toBe(Array.from(sim.columns.get("Y")!).filter((v) => !Number.isFinite(v)).length);
  });
});

/**
 * Abduction planning: the symbolic affinity test, numeric literals, and which observations are
 * solved, checked or refused (with the equation named).
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { planAbduction } from "./abduction.js";
import { affineDegree } from "./affine-occurrence.js";
import { numericLiterals, withLiteral } from "./literals.js";
import { buildStructuralModel, evaluateScalar, parseExpression, type StructuralModelInput } from "./index.js";

/** expectIslError with a message fragment instead of the whole message. */
function refuses(fn: () => unknown, code: string, fragment: string) {
  const error = expectIslError(fn, code);
  expect(error.message).toContain(fragment);
  return error;
}

const normal = { type: "normal", parameters: { mean: 0, std: 1 } };

describe("affineDegree", () => {
  it.each([
    ["3 + 2*X + U", 1],
    ["U", 1],
    ["-U * (1 + X*X) / 4", 1],
    ["X * Y", 0],
    ["if(X > 0, U, 2*U + 1)", 1],
    ["U*U", "nonlinear"],
    ["exp(U)", "nonlinear"],
    ["U ** 2", "nonlinear"],
    ["X / U", "nonlinear"],
    ["if(U > 0, 1, 2)", "nonlinear"],
    ["U % 2", "nonlinear"],
    ["max(U, 0)", "nonlinear"],
    ["sqrt(X) + log(2)", 0],
  ] as const)("%s has degree %s in U", (text, degree) => {
    expect(affineDegree(parseExpression(text), "U")).toBe(degree);
  });
});

describe("numeric literals", () => {
  it("lists literals in source order and replaces one", () => {
    const node = parseExpression("10 + 500*Price - 200*Brand");
    expect(numericLiterals(node).map((l) => [l.value, l.start])).toEqual([[10, 0], [500, 5], [200, 17]]);
    const changed = withLiteral(node, 1, 505);
    expect(evaluateScalar(changed, new Map([["Price", 2], ["Brand", 1]]))).toBe(10 + 1010 - 200);
    expect(evaluateScalar(node, new Map([["Price", 2], ["Brand", 1]]))).toBe(10 + 1000 - 200);
  });
});

function model(equations: Record<string, string>, exogenous: string[], inputs: string[] = []) {
  const input: StructuralModelInput = { equations, distributions: Object.fromEntries(exogenous.map((u) => [u, normal])) };
  return buildStructuralModel(input, { inputs });
}

describe("planAbduction", () => {
  const chain = model({ X: "1 + Ux", M: "2*X + Um", Y: "3 + 0.5*X + 1.5*M + Uy" }, ["Ux", "Um", "Uy"]);

  it("solves each observed variable for its own noise term, in dependency order", () => {
    const plan = planAbduction(chain, new Map([["Y", 9], ["X", 1.5]]));
    expect([...plan.solvedBy]).toEqual([["Ux", "X"], ["Uy", "Y"]]);
    expect(plan.steps).toEqual([
      { kind: "solve", variable: "X", exogenous: "Ux", value: 1.5 },
      { kind: "compute", variable: "M" },
      { kind: "solve", variable: "Y", exogenous: "Uy", value: 9 },
    ]);
    expect(plan.free).toEqual(["Um"]);
  });

  it("fixes exogenous context values and checks an observation without a free term", () => {
    const m = model({ Y: "2*X + U" }, ["U", "X"]);
    const plan = planAbduction(m, new Map([["U", 0.5], ["X", 1], ["Y", 2.5]]));
    expect([...plan.fixed]).toEqual([["U", 0.5], ["X", 1]]);
    expect(plan.steps).toEqual([{ kind: "check", variable: "Y", value: 2.5 }]);
    expect(plan.free).toEqual([]);
  });

  it("refuses two free exogenous terms, naming the equation and the terms", () => {
    const m = model({ Y: "X + U + V" }, ["U", "V", "X"]);
    const error = refuses(() => planAbduction(m, new Map([["X", 1], ["Y", 2]])), "ISL_VALIDATION_ERROR", "'U', 'V'");
    expect(error.details.equation).toBe("X + U + V");
  });

  it("refuses a term that enters non-affinely", () => {
    const m = model({ Y: "exp(U) + X" }, ["U", "X"]);
    refuses(() => planAbduction(m, new Map([["X", 1], ["Y", 2]])), "ISL_VALIDATION_ERROR", "non-invertibly");
  });

  it("refuses a term that also reaches the observed variable through another variable", () => {
    const m = model({ M: "2*U", Y: "M + U" }, ["U"]);
    refuses(() => planAbduction(m, new Map([["Y", 2]])), "ISL_VALIDATION_ERROR", "also reaches 'Y'");
  });

  it("refuses an observation whose factual world needs an input that context does not give", () => {
    const m = model({ Y: "Price + U" }, ["U"], ["Price"]);
    refuses(() => planAbduction(m, new Map([["Y", 2]])), "ISL_VALIDATION_ERROR", "'Price'");
    expect(planAbduction(m, new Map([["Y", 2], ["Price", 1]])).steps).toEqual([{ kind: "solve", variable: "Y", exogenous: "U", value: 2 }]);
  });

  it("rejects context on an unknown variable with 400, naming it", () => {
    refuses(() => planAbduction(chain, new Map([["Nope", 1]])), "ISL_INVALID_INPUT", "'Nope'");
  });
});

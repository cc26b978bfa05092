/**
 * The simplifier rule by rule, each rewrite also checked exactly on a random positive joint (a rule
 * is sound only if both sides are equal as numbers), plus rendering and α-renaming of bound variables.
 */
import { describe, expect, it } from "vitest";
import { observedJoint, randomModel, valuesOf } from "../../test/identify/discrete-model.js";
import { EstimandEvaluator } from "../../test/identify/evaluate-estimand.js";
import { ESTIMAND_ONE, estimandKey, freeVariables, probabilityTerm as P, productTerm, quotientTerm, sumTerm, type Estimand } from "./estimand.js";
import { expectIslError } from "../../test/support/isl-error.js";
import { renameBoundVariables } from "./rename-bound-variables.js";
import { estimandLatex, estimandText, queryText } from "./render-estimand.js";
import { simplifyEstimand } from "./simplify-estimand.js";

const RANK = new Map(["A", "B", "C", "D"].map((v, i) => [v, i]));
// A random strictly positive joint over A, B, C, D (a fully connected DAG, no latents).
const MODEL = randomModel({ observed: ["A", "B", "C", "D"], directed: [["A", "B"], ["A", "C"], ["B", "C"], ["A", "D"], ["B", "D"], ["C", "D"]], latentChildren: [] }, 5);
const EVALUATOR = new EstimandEvaluator(observedJoint(MODEL));

/** Both expressions agree exactly for every value of their free variables. */
function expectEqualValues(a: Estimand, b: Estimand): void {
  const vars = [...new Set([...freeVariables(a), ...freeVariables(b)])].sort();
  const index = vars.map((v) => MODEL.names.indexOf(v));
  for (const values of valuesOf(MODEL, index)) {
    const env = new Map(vars.map((v, i) => [v, values[i]!]));
    expect(EVALUATOR.evaluate(a, env).equals(EVALUATOR.evaluate(b, env))).toBe(true);
  }
}

function simplifiesTo(input: Estimand, text: string): void {
  const out = simplifyEstimand(input, { rank: RANK });
  expect(estimandText(out)).toBe(text);
  expectEqualValues(input, out);
  expect(estimandKey(simplifyEstimand(out, { rank: RANK }))).toBe(estimandKey(out));
}

describe("simplifyEstimand", () => {
  it("flattens products and drops the constant 1", () => {
    simplifiesTo(productTerm([P(["A"]), productTerm([ESTIMAND_ONE, P(["D"], ["B"])])]), "P(D | B) P(A)");
    simplifiesTo(productTerm([P(["A"]), productTerm([ESTIMAND_ONE, P(["D"], ["A"])])]), "P(A, D)");
    simplifiesTo(productTerm([ESTIMAND_ONE]), "1");
  });

  it("merges by the chain rule", () => {
    simplifiesTo(productTerm([P(["A"]), P(["B"], ["A"]), P(["C"], ["A", "B"])]), "P(A, B, C)");
    simplifiesTo(productTerm([P(["B"], ["A"]), P(["C"], ["A", "B"])]), "P(B, C | A)");
    // Not mergeable: the second term conditions on D, which the first does not cover.
    simplifiesTo(productTerm([P(["B"], ["A"]), P(["C"], ["A", "B", "D"])]), "P(C | A, B, D) P(B | A)");
  });

  it("marginalises a term over its own variables only", () => {
    simplifiesTo(sumTerm(["B"], P(["A", "B"], ["C"])), "P(A | C)");
    simplifiesTo(sumTerm(["A", "B"], P(["A", "B"], ["C"])), "1");
    simplifiesTo(sumTerm(["C"], P(["A"], ["C"])), "Σ_{C} P(A | C)");
    simplifiesTo(sumTerm(["B", "C"], P(["A", "B"], ["C"])), "Σ_{C} P(A | C)");
  });

  it("moves sums inwards and factors outwards", () => {
    simplifiesTo(sumTerm(["B"], productTerm([P(["A"]), P(["B"], ["A"])])), "P(A)");
    simplifiesTo(sumTerm(["B"], productTerm([P(["C"], ["A"]), P(["D"], ["B"]), P(["B"], ["C"])])), "P(C | A) Σ_{B} P(D | B) P(B | C)");
    simplifiesTo(sumTerm(["B"], productTerm([P(["C"], ["A"]), P(["D"], ["B"]), P(["B"])])), "P(D) P(C | A)");
    simplifiesTo(sumTerm(["A"], sumTerm(["B"], productTerm([P(["C"], ["A", "B"]), P(["A", "B"])]))), "P(C)");
  });

  it("never drops a sum over a variable the summand does not mention (it counts values)", () => {
    simplifiesTo(sumTerm(["B"], P(["A"])), "Σ_{B} P(A)");
  });

  it("cancels and applies the reverse chain rule in quotients", () => {
    simplifiesTo(quotientTerm(P(["A", "B"]), P(["A"])), "P(B | A)");
    simplifiesTo(quotientTerm(productTerm([P(["B"], ["A"]), P(["C"], ["A", "B"])]), sumTerm(["B"], productTerm([P(["B"], ["A"]), P(["C"], ["A", "B"])]))), "P(B | A, C)");
    simplifiesTo(quotientTerm(P(["D"]), P(["D"])), "1");
    simplifiesTo(productTerm([quotientTerm(P(["A"]), P(["B"])), P(["B"])]), "P(A)");
    simplifiesTo(quotientTerm(quotientTerm(P(["A"]), P(["B"])), quotientTerm(P(["C"]), P(["B"]))), "P(A) / P(C)");
  });

  it("pushes a sum into a numerator that alone mentions the variable", () => {
    simplifiesTo(sumTerm(["B"], quotientTerm(P(["A", "B"], ["C"]), P(["D"], ["C"]))), "P(A | C) / P(D | C)");
  });

  it("orders factors: terms before composites, most downstream head first", () => {
    const out = simplifyEstimand(productTerm([sumTerm(["A"], productTerm([P(["A"]), P(["D"], ["A", "C"])])), P(["A"]), P(["C"], ["B"])]), { rank: RANK });
    expect(estimandText(out)).toBe("P(C | B) P(A) Σ_{A} P(D | A, C) P(A)");
  });
});

describe("estimand construction, renaming and rendering", () => {
  it("validates probability terms", () => {
    expectIslError(() => P([]), "ISL_INVALID_INPUT", "A probability term needs at least one variable.");
    expectIslError(() => P(["A"], ["A"]), "ISL_INVALID_INPUT");
    expectIslError(() => P(["A", "A"]), "ISL_INVALID_INPUT");
    expect(P(["B", "A"], ["D", "C"])).toEqual({ type: "probability", variables: ["A", "B"], given: ["C", "D"] });
  });

  it("primes bound variables that would shadow a visible name, and only those", () => {
    const inner = sumTerm(["A"], productTerm([P(["A"]), P(["D"], ["A", "B"])]));
    const e = sumTerm(["B"], productTerm([P(["B"], ["A"]), inner]));
    const renamed = renameBoundVariables(e);
    expect(estimandText(renamed)).toBe("Σ_{B} P(B | A) Σ_{A'} P(A') P(D | A', B)");
    expectEqualValues(e, renamed);
    const nested = sumTerm(["A"], sumTerm(["A"], P(["A"])));
    expect(estimandText(renameBoundVariables(productTerm([P(["A"]), nested])))).toBe("P(A) Σ_{A'} Σ_{A''} P(A'')");
    expect(estimandText(renameBoundVariables(sumTerm(["C"], P(["C"]))))).toBe("Σ_{C} P(C)");
  });

  it("renders text and LaTeX with brackets where a sum does not end its product", () => {
    const e = productTerm([sumTerm(["B"], P(["B"], ["A"])), P(["C"])]);
    expect(estimandText(e)).toBe("[Σ_{B} P(B | A)] P(C)");
    expect(estimandLatex(e)).toBe("\\left[ \\sum_{B} P(B \\mid A) \\right] P(C)");
    const q = productTerm([P(["A"]), quotientTerm(P(["B"]), productTerm([P(["C"]), P(["D"])]))]);
    expect(estimandText(q)).toBe("P(A) [P(B) / (P(C) P(D))]");
    expect(estimandLatex(q)).toBe("P(A) \\frac{P(B)}{P(C) P(D)}");
    expect(estimandLatex(P(["Price_x'"], ["W1"]))).toBe("P(\\mathrm{Price\\_x}' \\mid \\mathrm{W1})");
    expect(queryText(["X"], ["Y"], ["Z"])).toBe("P(Y | do(X), Z)");
    expect(queryText([], ["Y"])).toBe("P(Y)");
  });
});

/**
 * Structural model assembly: classification of variables, topological order, inputs, warnings,
 * and every assembly error with its message (both definitions, undefined variables, unknown names
 * with columns, cycles with the cycle, self-reference, bad names and malformed fields).
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { buildStructuralModel, type StructuralModelInput } from "./index.js";

const N01 = { type: "normal", parameters: { mean: 0, std: 1 } };

/** The upstream example model (reference/upstream-algorithms.md §3.5). */
const UPSTREAM: StructuralModelInput = {
  variables: ["Price", "Brand", "Revenue", "baseline_brand"],
  equations: { Brand: "baseline_brand + 0.3*Price", Revenue: "10000 + 500*Price - 200*Brand" },
  distributions: { baseline_brand: { type: "normal", parameters: { mean: 50, std: 5 } } },
};

describe("model assembly", () => {
  it("classifies variables and orders them topologically", () => {
    const model = buildStructuralModel(UPSTREAM, { inputs: ["Price"] });
    expect(model.exogenous).toEqual(["baseline_brand"]);
    expect(model.endogenous).toEqual(["Brand", "Revenue"]);
    expect(model.inputs).toEqual(["Price"]);
    expect(model.order).toEqual(["Price", "baseline_brand", "Brand", "Revenue"]);
    expect([...model.slotOf]).toEqual([["Price", 0], ["baseline_brand", 1], ["Brand", 2], ["Revenue", 3]]);
    expect(model.equations.get("Revenue")).toMatchObject({ text: "10000 + 500*Price - 200*Brand", parents: ["Brand", "Price"] });
    expect(model.distributions.get("baseline_brand")).toEqual({ type: "normal", parameters: { mean: 50, std: 5 } });
    expect(model.warnings).toEqual([]);
  });

  it("orders every equation after the variables it reads, whatever the input order", () => {
    const model = buildStructuralModel({
      equations: { Z: "Y + W", Y: "X * 2", W: "exp(X) - V" },
      distributions: { X: N01, V: N01 },
    });
    const position = new Map(model.order.map((v, i) => [v, i]));
    for (const [variable, equation] of model.equations) for (const parent of equation.parents) expect(position.get(parent)!).toBeLessThan(position.get(variable)!);
    expect(model.order).toEqual(["V", "X", "W", "Y", "Z"]);
  });

  it("ignores inputs that have a definition and accepts an empty model", () => {
    expect(buildStructuralModel(UPSTREAM, { inputs: ["Price", "Brand", "baseline_brand"] }).inputs).toEqual(["Price"]);
    expect(buildStructuralModel({ variables: [], equations: {}, distributions: {} }).order).toEqual([]);
  });

  it("warns about ignored parameters and unused declared variables", () => {
    const model = buildStructuralModel({
      variables: ["A", "Unused"],
      equations: { B: "A + 1" },
      distributions: { A: { type: "normal", parameters: { mean: 0, std: 1, sd: 2 } } },
    });
    expect(model.warnings).toEqual([
      "The distribution of 'A' (normal) ignores parameter 'sd' (it uses mean, std).",
      "Variable 'Unused' is listed in variables but has no equation or distribution and no equation uses it; it is ignored.",
    ]);
  });

  it("treats prototype-like names as ordinary variables", () => {
    const input = JSON.parse('{"variables": [], "equations": {"__proto__": "constructor + toString", "prototype": "__proto__ * 2"}, "distributions": {"constructor": {"type": "normal", "parameters": {"mean": 0, "std": 1}}, "toString": {"type": "point_mass", "parameters": {"value": 3}}}}') as StructuralModelInput;
    const model = buildStructuralModel(input);
    expect(model.order).toEqual(["constructor", "toString", "__proto__", "prototype"]);
    expect(model.equations.get("prototype")!.parents).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});

describe("model assembly errors", () => {
  it("rejects a variable with both an equation and a distribution", () => {
    expectIslError(
      () => buildStructuralModel({ equations: { X: "1", Y: "2" }, distributions: { Y: N01, X: N01 } }),
      "ISL_INVALID_MODEL",
      "Variables 'X', 'Y' have both a distribution and an equation. Give each variable one definition: a distribution (exogenous) or an equation (endogenous).",
    );
  });

  it("rejects a variable that is read but never defined, naming its users", () => {
    const error = expectIslError(
      () => buildStructuralModel(UPSTREAM),
      "ISL_MISSING_VARIABLE",
      "Variable 'Price' (used by 'Brand', 'Revenue') has neither an equation nor a distribution. Give each a distribution or an equation, or set it by intervention.",
    );
    expect(error.details.variables).toEqual(["Price"]);
  });

  it("rejects unknown names in equations with the column", () => {
    expectIslError(
      () => buildStructuralModel({ equations: { Y: "2 * Xx + 1" }, distributions: { X: N01 } }),
      "ISL_INVALID_EQUATION",
      "Unknown variable 'Xx' at column 5 in the equation for 'Y'. Did you mean 'X'? Known variables: X, Y.",
    );
  });

  it("rejects circular equations with the cycle", () => {
    const error = expectIslError(() => buildStructuralModel({ equations: { A: "B + 1", B: "C * 2", C: "A - D", D: "1" } }), "ISL_DAG_CYCLIC");
    const cycle = error.details.cycle as string[];
    expect(cycle).toHaveLength(4);
    expect(cycle[0]).toBe(cycle[3]);
    expect(new Set(cycle)).toEqual(new Set(["A", "B", "C"]));
    const reads = new Map([["A", "B"], ["B", "C"], ["C", "A"]]);
    for (let i = 0; i + 1 < cycle.length; i++) expect(reads.get(cycle[i + 1]!)).toBe(cycle[i]);
    expect(error.message).toBe(
      `The structural equations are circular: ${cycle.join(" → ")} (${cycle.slice(1).map((v, i) => `the equation for '${v}' uses '${cycle[i]!}'`).join(", ")}). Each variable must be computable from variables before it.`,
    );
  });

  it("rejects an equation that uses its own variable", () => {
    expectIslError(
      () => buildStructuralModel({ equations: { Sales: "0.5 * Sales + U" }, distributions: { U: N01 } }),
      "ISL_DAG_CYCLIC",
      "The equation for 'Sales' uses 'Sales' itself (at column 7 in the equation for 'Sales'). Structural equations must not be circular.",
    );
  });

  it("rejects bad names and malformed fields", () => {
    expectIslError(() => buildStructuralModel({ equations: { "Market Size": "1" } }), "ISL_INVALID_MODEL", "Variable name 'Market Size' is not a valid identifier. Must start with a letter or underscore, contain only alphanumeric characters and underscores, and have at most 100 characters.");
    expectIslError(() => buildStructuralModel({ distributions: { ["x".repeat(101)]: N01 } }), "ISL_INVALID_MODEL");
    expectIslError(() => buildStructuralModel({ equations: ["X = 1"] as unknown as Record<string, string> }), "ISL_INVALID_MODEL", "'equations' must be an object mapping variable names to equation strings.");
    expectIslError(() => buildStructuralModel({ variables: "X" as unknown as string[] }), "ISL_INVALID_MODEL", "'variables' must be a list of variable names.");
    expectIslError(() => buildStructuralModel({ equations: { Y: 3 as unknown as string } }), "ISL_INVALID_EQUATION", "The equation must be a string (got number) at column 1 in the equation for 'Y'.");
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`V${i}`, "1"]));
    expectIslError(() => buildStructuralModel({ equations: many }), "ISL_INVALID_MODEL", "'equations' has 101 entries; at most 100 are allowed.");
  });

  it("rejects bad distributions naming the variable and parameter", () => {
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "cauchy", parameters: {} } } }), "ISL_INVALID_DISTRIBUTION", 'The distribution of \'X\' has unknown type "cauchy". Known types: bernoulli, beta, exponential, gamma, lognormal, normal, point_mass, triangular, uniform.');
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "normal", parameters: { mean: 0 } } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (normal): parameter 'std' is missing. A normal distribution needs mean, std.");
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "normal", parameters: { mean: 0, std: -1 } } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (normal): parameter 'std' must be a finite number ≥ 0 (got -1).");
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "uniform", parameters: { min: 2, max: 1 } } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (uniform): parameter 'max' must be ≥ min with a finite width max − min (got 1).");
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "triangular", parameters: { min: 0, mode: 5, max: 1 } } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (triangular): parameter 'mode' must be in [min, max] (got 5).");
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "bernoulli", parameters: { p: 1.5 } } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (bernoulli): parameter 'p' must be a probability in [0, 1] (got 1.5).");
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "gamma", parameters: { shape: 0, scale: 1 } } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (gamma): parameter 'shape' must be a finite number > 0 (got 0).");
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "point_mass", parameters: { value: "3" } } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (point_mass): parameter 'value' must be a finite number (got \"3\"). A point_mass distribution needs value.");
    expectIslError(() => buildStructuralModel({ distributions: { X: { type: "beta" } } }), "ISL_INVALID_DISTRIBUTION", "The distribution of 'X' (beta) needs a 'parameters' object with alpha, beta.");
  });
});

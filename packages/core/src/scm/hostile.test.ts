/**
 * Hostile input to the expression language: deep nesting, huge strings, token floods, huge
 * exponents, division by zero, NaN and Infinity in the data, and prototype names as variables.
 * Each gets a clear IslError or an IEEE value — never a stack overflow, a hang or a touched prototype.
 */
import { describe, expect, it } from "vitest";
import { expectIslError } from "../../test/support/isl-error.js";
import { createRng } from "../random/index.js";
import { buildStructuralModel, compileColumns, evaluateScalar, parseExpression, simulate } from "./index.js";

describe("hostile equations", () => {
  it("rejects 10,000 nested parentheses clearly, by length and (with the limit lifted) by depth", () => {
    const text = "(".repeat(10_000) + "x" + ")".repeat(10_000);
    expectIslError(() => parseExpression(text, { variable: "Y" }), "ISL_INVALID_EQUATION", "Equation is too long (20001 characters; at most 1000) at column 1001 in the equation for 'Y'.");
    expectIslError(() => parseExpression(text, { variable: "Y", maxLength: 100_000 }), "ISL_INVALID_EQUATION", "Too many tokens (more than 1000) at column 1001 in the equation for 'Y'.");
    expectIslError(() => parseExpression(text, { variable: "Y", maxLength: 100_000, maxTokens: 100_000 }), "ISL_INVALID_EQUATION", "Expression is nested too deeply (more than 64 levels of parentheses, signs, calls or powers) at column 65 in the equation for 'Y'.");
    const lifted = { maxLength: 100_000, maxTokens: 100_000 };
    const depthError = "Expression is nested too deeply (more than 64 levels of parentheses, signs, calls or powers)";
    expect(expectIslError(() => parseExpression("-".repeat(50_000) + "x", lifted), "ISL_INVALID_EQUATION").message).toContain(depthError);
    expect(expectIslError(() => parseExpression("2**".repeat(10_000) + "2", lifted), "ISL_INVALID_EQUATION").message).toContain(depthError);
    expect(expectIslError(() => parseExpression("sqrt(".repeat(10_000) + "x" + ")".repeat(10_000), lifted), "ISL_INVALID_EQUATION").message).toContain(depthError);
  });

  it("rejects a 100,000-character equation before reading it", () => {
    expectIslError(() => parseExpression("x".repeat(100_000), { variable: "Y" }), "ISL_INVALID_EQUATION", "Equation is too long (100000 characters; at most 1000) at column 1001 in the equation for 'Y'.");
  });

  it("bounds the tokens of long flat equations", () => {
    const flat = Array.from({ length: 600 }, (_, i) => `x${i}`).join("+");
    // Token 1001 is the identifier x500 (tokens alternate identifier, '+').
    expectIslError(() => parseExpression(flat, { maxLength: 100_000 }), "ISL_INVALID_EQUATION", `Too many tokens (more than 1000) at column ${flat.indexOf("+x500+") + 2} in the equation.`);
    expect(parseExpression(flat, { maxLength: 100_000, maxTokens: 2000 }).kind).toBe("binary");
  });

  it("cuts very long names in messages", () => {
    const error = expectIslError(() => parseExpression(`${"a".repeat(900)} + 1`, { knownVariables: new Set(["b"]) }), "ISL_INVALID_EQUATION");
    expect(error.message).toBe(`Unknown variable '${"a".repeat(60)}…' at column 1 in the equation. Known variables: b.`);
  });

  it("evaluates huge exponents, division by zero and non-finite data as IEEE values", () => {
    const cases: [string, number][] = [
      ["10 ** 10 ** 10", Infinity],
      ["(-10) ** 10 ** 10", Infinity],
      ["10 ** -(10 ** 10)", 0],
      ["2 ** 1e308", Infinity],
      ["exp(1e308)", Infinity],
      ["1 / 0", Infinity],
      ["-1 / 0", -Infinity],
      ["0 / 0", Number.NaN],
      ["1 // 0", Infinity],
      ["1 % 0", Number.NaN],
      ["log(0)", -Infinity],
      ["log(-1)", Number.NaN],
      ["sqrt(-1)", Number.NaN],
      ["1e308 * 10", Infinity],
    ];
    for (const [text, expected] of cases) expect(evaluateScalar(parseExpression(text), new Map()), text).toBe(expected);
    const x = Float64Array.from([Number.NaN, Infinity, -Infinity, 0, 1e308]);
    const out = new Float64Array(5);
    compileColumns(parseExpression("x * 2 + x ** 1e308 - 1 / x"), new Map([["x", x]]))(out, 5);
    // NaN; ∞ + ∞ − 0; −∞ + (−∞)^1e308 = −∞ + ∞; 0 + 0 − ∞; ∞ + ∞ − 1e-308.
    expect([...out]).toEqual([Number.NaN, Infinity, Number.NaN, -Infinity, Infinity]);
  });

  it("finishes a million samples of a huge exponent promptly", () => {
    const model = buildStructuralModel({ equations: { Y: "X ** (10 ** 300) + 10 ** (X * 1e300)" }, distributions: { X: { type: "uniform", parameters: { min: 1.5, max: 2 } } } });
    const sim = simulate(model, { samples: 1_000_000, rng: createRng(1) });
    expect(sim.nonFinite.get("Y")).toBe(1_000_000);
  });

  it("treats prototype names as ordinary variables everywhere", () => {
    const names = ["__proto__", "constructor", "toString", "prototype", "hasOwnProperty", "valueOf"];
    const text = names.join(" + ");
    const env = new Map(names.map((name, i) => [name, i + 1]));
    const node = parseExpression(text, { knownVariables: new Set(names) });
    expect(evaluateScalar(node, env)).toBe(21);
    const columns = new Map(names.map((name, i) => [name, Float64Array.from([i + 1, 2 * (i + 1)])]));
    const out = new Float64Array(2);
    compileColumns(node, columns)(out, 2);
    expect([...out]).toEqual([21, 42]);
    expectIslError(() => evaluateScalar(parseExpression("__proto__ + 1"), new Map()), "ISL_MISSING_VARIABLE", "No value for variable '__proto__' (column 1).");
    expectIslError(() => parseExpression("toString(1)"), "ISL_INVALID_EQUATION");
    expectIslError(() => parseExpression("__proto__(1)"), "ISL_INVALID_EQUATION");
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.prototype.toString.call([])).toBe("[object Array]");
  });
});

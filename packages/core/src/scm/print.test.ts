/**
 * Printer table tests: minimal parentheses for Python precedence, and the forms of numbers that
 * only constant folding produces (negative, −0, ±Infinity, NaN), which must evaluate back to the
 * same value.
 */
import { describe, expect, it } from "vitest";
import { evaluateScalar, foldConstants, parseExpression, printExpression } from "./index.js";

describe("printing", () => {
  it.each([
    ["(a + b) * c", "(a + b) * c"],
    ["a + (b * c)", "a + b * c"],
    ["(a - b) - c", "a - b - c"],
    ["a - (b - c)", "a - (b - c)"],
    ["(-2) ** 2", "(-2) ** 2"],
    ["-(2 ** 2)", "-2 ** 2"],
    ["(2 ** 3) ** 2", "(2 ** 3) ** 2"],
    ["2 ** (3 ** 2)", "2 ** 3 ** 2"],
    ["2 ** (-x)", "2 ** -x"],
    ["-(a * b)", "-(a * b)"],
    ["(a < b) < c", "(a < b) < c"],
    ["a < (b < c)", "a < (b < c)"],
    ["(a == b) + 1", "(a == b) + 1"],
    ["max( a ,b,  c )", "max(a, b, c)"],
    ["1e21 + 0.1 + 5e-324", "1e+21 + 0.1 + 5e-324"],
  ])("%s prints as %s", (text, printed) => {
    expect(printExpression(parseExpression(text))).toBe(printed);
  });

  it.each([
    ["0 - 2", "-2"],
    ["-0", "-0"],
    ["1 / 0", "(1 / 0)"],
    ["-1 / 0", "(-1 / 0)"],
    ["0 / 0", "(0 / 0)"],
    ["(0 - 2) ** x", "(-2) ** x"],
    ["x ** (0 - 2)", "x ** -2"],
    ["(0 - 2) * x", "-2 * x"],
  ])("folded %s prints as %s and evaluates back to the same value", (text, printed) => {
    const folded = foldConstants(parseExpression(text));
    expect(printExpression(folded)).toBe(printed);
    const env = new Map([["x", 0.5]]);
    expect(Object.is(evaluateScalar(parseExpression(printed), env), evaluateScalar(folded, env))).toBe(true);
  });
});

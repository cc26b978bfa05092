/**
 * Table tests of the expression parser: precedence and associativity (Python's), every operator and
 * function, numbers, spans, and every error message with its column.
 */
import { describe, expect, it } from "vitest";
import { fullyParenthesised } from "../../test/scm/expression-support.js";
import { expectIslError } from "../../test/support/isl-error.js";
import { FUNCTION_NAMES, parseExpression, type ExpressionNode } from "./index.js";

const structure = (text: string): string => fullyParenthesised(parseExpression(text));

describe("precedence and associativity", () => {
  it.each([
    ["-2**2", "(-(2 ** 2))"],
    ["2**-1", "(2 ** (-1))"],
    ["2**3**2", "(2 ** (3 ** 2))"],
    ["2**-2**2", "(2 ** (-(2 ** 2)))"],
    ["(-2)**2", "((-2) ** 2)"],
    ["-x*y", "((-x) * y)"],
    ["-x**y*z", "((-(x ** y)) * z)"],
    ["a - b - c", "((a - b) - c)"],
    ["a - (b - c)", "(a - (b - c))"],
    ["a / b / c", "((a / b) / c)"],
    ["a // b * c % d", "(((a // b) * c) % d)"],
    ["a + b * c", "(a + (b * c))"],
    ["(a + b) * c", "((a + b) * c)"],
    ["a + b < c * d", "((a + b) < (c * d))"],
    ["a == b + 1", "(a == (b + 1))"],
    ["(a < b) < c", "((a < b) < c)"],
    ["--x", "(-(-x))"],
    ["+-x", "(+(-x))"],
    ["a - -b", "(a - (-b))"],
    ["a * -b ** 2", "(a * (-(b ** 2)))"],
    ["f ** g ** h ** k", "(f ** (g ** (h ** k)))"],
    ["max(a, b) ** 2", "(max(a, b) ** 2)"],
    ["if(a > 0, a, -a) + 1", "(if((a > 0), a, (-a)) + 1)"],
  ])("%s parses as %s", (text, expected) => {
    expect(structure(text)).toBe(expected);
  });
});

describe("operators and functions", () => {
  it.each(["+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!="])("binary %s", (op) => {
    const node = parseExpression(`a ${op} b`);
    expect(node).toMatchObject({ kind: "binary", operator: op, left: { kind: "variable", name: "a" }, right: { kind: "variable", name: "b" } });
  });

  it("knows exactly the documented functions", () => {
    expect(FUNCTION_NAMES).toEqual(["abs", "clip", "cos", "exp", "if", "log", "logistic", "max", "min", "pow", "sin", "sqrt", "tan"]);
  });

  it.each([
    ["sqrt(x)", 1],
    ["exp(x)", 1],
    ["log(x)", 1],
    ["abs(x)", 1],
    ["sin(x)", 1],
    ["cos(x)", 1],
    ["tan(x)", 1],
    ["logistic(x)", 1],
    ["pow(x, 2)", 2],
    ["clip(x, 0, 1)", 3],
    ["if(x, 1, 2)", 3],
    ["min(x, 1)", 2],
    ["max(x, 1, 2, 3, 4)", 5],
  ])("call %s", (text, arity) => {
    const node = parseExpression(text) as Extract<ExpressionNode, { kind: "call" }>;
    expect(node.kind).toBe("call");
    expect(node.callee).toBe(text.slice(0, text.indexOf("(")));
    expect(node.args).toHaveLength(arity);
  });

  it("reads numbers in decimal and exponent notation", () => {
    const values = ["0", "12", "3.25", ".5", "5.", "1e3", "1E3", "2.5e-3", "7e+2", "0.1", "1.7976931348623157e308", "5e-324"].map((t) => {
      const node = parseExpression(t);
      return node.kind === "number" ? node.value : Number.NaN;
    });
    expect(values).toEqual([0, 12, 3.25, 0.5, 5, 1000, 1000, 0.0025, 700, 0.1, 1.7976931348623157e308, 5e-324]);
  });

  it("allows function names as variables when they are not called", () => {
    expect(parseExpression("log + exp(log)")).toMatchObject({ left: { kind: "variable", name: "log" }, right: { kind: "call", callee: "exp" } });
  });

  it("records source spans", () => {
    const node = parseExpression("  10 + max(Price, 2) ") as Extract<ExpressionNode, { kind: "binary" }>;
    expect([node.start, node.end]).toEqual([2, 20]);
    expect([node.right.start, node.right.end]).toEqual([7, 20]);
    expect(parseExpression("-x")).toMatchObject({ start: 0, end: 2, operand: { start: 1, end: 2 } });
  });

  it("accepts tabs and newlines as spaces", () => {
    expect(structure("a\t+\n b\r\n* 2")).toBe("(a + (b * 2))");
  });
});

describe("error messages with columns", () => {
  const known = new Set(["Price", "Brand", "Quality"]);
  const FUNCTIONS_LIST = "abs, clip, cos, exp, if, log, logistic, max, min, pow, sin, sqrt, tan";
  it.each([
    ["10 + foo(Price)", `Unknown function 'foo' at column 6 in the equation for 'Revenue'. Known functions: ${FUNCTIONS_LIST}.`],
    ["sqr(Price)", `Unknown function 'sqr' at column 1 in the equation for 'Revenue'. Did you mean 'sqrt'? Known functions: ${FUNCTIONS_LIST}.`],
    ["constructor(Price)", `Unknown function 'constructor' at column 1 in the equation for 'Revenue'. Known functions: ${FUNCTIONS_LIST}.`],
    ["2 * Prise", "Unknown variable 'Prise' at column 5 in the equation for 'Revenue'. Did you mean 'Price'? Known variables: Brand, Price, Quality."],
    ["Zeta + 1", "Unknown variable 'Zeta' at column 1 in the equation for 'Revenue'. Known variables: Brand, Price, Quality."],
    ["__proto__ + 1", "Unknown variable '__proto__' at column 1 in the equation for 'Revenue'. Known variables: Brand, Price, Quality."],
    ["sqrt + 1", "Function 'sqrt' is used without arguments at column 1 in the equation for 'Revenue'. Call it with parentheses: sqrt(x)."],
    ["2Price", "Unexpected 'Price' at column 2 in the equation for 'Revenue'. Expected an operator or the end of the equation but found 'Price'. Write '*' for multiplication (2 * x, not 2x or 2 x)."],
    ["Price (Brand)", "'Price' is a variable, not a function at column 1 in the equation for 'Revenue'. Write '*' for multiplication: Price * (…)."],
    ["(Price) (Brand)", "Unexpected '(' at column 9 in the equation for 'Revenue'. Expected an operator or the end of the equation but found '('. Write '*' for multiplication (2 * x, not 2x or 2 x)."],
    ["(Price + 1", "Missing ')' at column 11 in the equation for 'Revenue'. Expected ')' but found end of equation. The '(' at column 1 is not closed."],
    ["Price + 1)", "Unmatched ')' at column 10 in the equation for 'Revenue'."],
    ["max(Price, 1", "Missing ')' at column 13 in the equation for 'Revenue'. Expected ',' or ')' but found end of equation. The call to 'max' at column 1 is not closed."],
    ["max(Price 1)", "Missing ')' at column 11 in the equation for 'Revenue'. Expected ',' or ')' but found '1'. The call to 'max' at column 1 is not closed."],
    ["Price +", "Unexpected end of equation at column 8 in the equation for 'Revenue'. Expected a number, a variable, a function call or '(' but found end of equation."],
    ["Price * * 2", "Unexpected '*' at column 9 in the equation for 'Revenue'. Expected a number, a variable, a function call or '(' but found '*'."],
    ["max(Price,)", "Unexpected ')' at column 11 in the equation for 'Revenue'. Expected a number, a variable, a function call or '(' but found ')'."],
    ["()", "Unexpected ')' at column 2 in the equation for 'Revenue'. Expected a number, a variable, a function call or '(' but found ')'."],
    ["Price ^ 2", "Unexpected character '^' at column 7 in the equation for 'Revenue'. Use '**' for powers (x ** 2); '^' is not an operator."],
    ["Price = 2", "Unexpected character '=' at column 7 in the equation for 'Revenue'. Use '==' to compare. An equation is only the right-hand side: the variable it defines is its key."],
    ["Price ! 2", "Unexpected character '!' at column 7 in the equation for 'Revenue'. Use '!=' for 'not equal'."],
    ["Price.real", "Unexpected character '.' at column 6 in the equation for 'Revenue'. A number needs a digit before or after the decimal point; attribute access is not supported."],
    ["Price # 2", "Unexpected character '#' at column 7 in the equation for 'Revenue'. Remove the character or replace it with an operator."],
    ["Price\u0000", "Unexpected character U+0000 at column 6 in the equation for 'Revenue'. Remove the character or replace it with an operator."],
    ["1.2.3", "Unexpected '.' after a number at column 4 in the equation for 'Revenue'."],
    ["2e", "Malformed number '2e' at column 1 in the equation for 'Revenue'. Expected digits after the exponent marker but found end of equation."],
    ["2e+x", "Malformed number '2e+' at column 1 in the equation for 'Revenue'. Expected digits after the exponent marker but found 'x'."],
    ["1e400", "Number '1e400' is too large (it overflows to infinity) at column 1 in the equation for 'Revenue'."],
    ["max(Price)", "Wrong number of arguments for 'max' (got 1; it takes at least 2) at column 1 in the equation for 'Revenue'. Write max(a, b, …)."],
    ["clip(Price, 0)", "Wrong number of arguments for 'clip' (got 2; it takes 3) at column 1 in the equation for 'Revenue'. Write clip(x, lo, hi)."],
    ["sqrt()", "Wrong number of arguments for 'sqrt' (got 0; it takes 1) at column 1 in the equation for 'Revenue'. Write sqrt(x)."],
    ["1 + if(Price, 1)", "Wrong number of arguments for 'if' (got 2; it takes 3) at column 5 in the equation for 'Revenue'. Write if(condition, then, else)."],
    ["Price < Brand < 3", "Chained comparison '<' at column 15 in the equation for 'Revenue'. Comparisons do not chain: write if(a < b, if(b < c, 1, 0), 0) or (a < b) * (b < c)."],
    ["Price == 1 != Brand", "Chained comparison '!=' at column 12 in the equation for 'Revenue'. Comparisons do not chain: write if(a < b, if(b < c, 1, 0), 0) or (a < b) * (b < c)."],
    ["", "Empty equation at column 1 in the equation for 'Revenue'."],
    ["   ", "Empty equation at column 1 in the equation for 'Revenue'."],
  ])("%j", (text, message) => {
    const error = expectIslError(() => parseExpression(text, { variable: "Revenue", knownVariables: known }), "ISL_INVALID_EQUATION", message);
    expect(error.details.variable).toBe("Revenue");
    expect(error.details.column).toBe(Number(/at column (\d+)/.exec(message)![1]));
  });

  it("names no variable when none is given", () => {
    expectIslError(() => parseExpression("1 +"), "ISL_INVALID_EQUATION", "Unexpected end of equation at column 4 in the equation. Expected a number, a variable, a function call or '(' but found end of equation.");
  });

  it("reports expected and found in details", () => {
    const error = expectIslError(() => parseExpression("(a", { variable: "Y" }));
    expect(error.details).toMatchObject({ variable: "Y", column: 3, expected: "')'", found: "end of equation" });
    expect(error.recovery?.suggestion).toBe("Fix the equation for 'Y' near column 3.");
  });

  it("rejects non-string equations", () => {
    expectIslError(() => parseExpression(42 as unknown as string, { variable: "Y" }), "ISL_INVALID_EQUATION", "The equation must be a string (got number) at column 1 in the equation for 'Y'.");
    expectIslError(() => parseExpression(null as unknown as string), "ISL_INVALID_EQUATION", "The equation must be a string (got null) at column 1 in the equation.");
  });

  it("enforces the length, depth and token limits", () => {
    expectIslError(() => parseExpression("x+".repeat(500) + "x", { variable: "Y" }), "ISL_INVALID_EQUATION", "Equation is too long (1001 characters; at most 1000) at column 1001 in the equation for 'Y'.");
    expect(parseExpression("x+".repeat(499) + "x").kind).toBe("binary");
    const deep = (k: number): string => "(".repeat(k) + "x" + ")".repeat(k);
    expect(parseExpression(deep(63)).kind).toBe("variable");
    expect(parseExpression("-".repeat(63) + "x").kind).toBe("unary");
    expectIslError(() => parseExpression(deep(64), { variable: "Y" }), "ISL_INVALID_EQUATION", "Expression is nested too deeply (more than 64 levels of parentheses, signs, calls or powers) at column 65 in the equation for 'Y'.");
    expectIslError(() => parseExpression("-".repeat(64) + "x"), "ISL_INVALID_EQUATION", "Expression is nested too deeply (more than 64 levels of parentheses, signs, calls or powers) at column 65 in the equation.");
    expectIslError(() => parseExpression("a+b+c", { maxTokens: 4 }), "ISL_INVALID_EQUATION", "Too many tokens (more than 4) at column 5 in the equation.");
  });
});

/**
 * Test support for the expression language: a fully parenthesised rendering of a tree (to state
 * its structure in table tests), position stripping (to compare trees parsed from different
 * texts), and a fast-check arbitrary of random expression trees over every operator and function.
 */
import fc from "fast-check";
import type { BinaryOperator, ExpressionNode, FunctionName } from "../../src/scm/index.js";

/** The tree as text with every operation in parentheses, e.g. `(-(2 ** 2))`. */
export function fullyParenthesised(node: ExpressionNode): string {
  switch (node.kind) {
    case "number":
      return String(node.value);
    case "variable":
      return node.name;
    case "unary":
      return `(${node.operator}${fullyParenthesised(node.operand)})`;
    case "binary":
      return `(${fullyParenthesised(node.left)} ${node.operator} ${fullyParenthesised(node.right)})`;
    case "call":
      return `${node.callee}(${node.args.map(fullyParenthesised).join(", ")})`;
  }
}

/** A copy of the tree without source positions. */
export function withoutPositions(node: ExpressionNode): unknown {
  switch (node.kind) {
    case "number":
      return { kind: "number", value: node.value };
    case "variable":
      return { kind: "variable", name: node.name };
    case "unary":
      return { kind: "unary", operator: node.operator, operand: withoutPositions(node.operand) };
    case "binary":
      return { kind: "binary", operator: node.operator, left: withoutPositions(node.left), right: withoutPositions(node.right) };
    case "call":
      return { kind: "call", callee: node.callee, args: node.args.map(withoutPositions) };
  }
}

/** Every binary operator. */
export const ALL_BINARY: readonly BinaryOperator[] = ["+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!="];

/** Variable names used by the arbitraries, including prototype-ish names. */
export const VARIABLES = ["a", "b", "c", "__proto__", "constructor", "toString"] as const;

/** Arity used for each function by the arbitrary (min/max draw 2–4 arguments). */
const FIXED_ARITY: ReadonlyMap<FunctionName, number> = new Map<FunctionName, number>([
  ["sqrt", 1], ["exp", 1], ["log", 1], ["abs", 1], ["sin", 1], ["cos", 1], ["tan", 1], ["logistic", 1],
  ["pow", 2], ["clip", 3], ["if", 3],
]);

/** Non-negative literals, including awkward ones (0, tiny, huge, non-terminating binary fractions). */
const literal = fc.oneof(
  fc.constantFrom(0, 0.5, 1, 2, 3, 10, 0.1, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, 123456789.123),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.abs(x)),
  fc.integer({ min: 0, max: 1000 }),
);

const NO_POSITION = { start: 0, end: 0 };

/** Random expression trees of depth ≤ `maxDepth` over {@link VARIABLES}. */
export function expressionArbitrary(maxDepth = 5): fc.Arbitrary<ExpressionNode> {
  const leaf: fc.Arbitrary<ExpressionNode> = fc.oneof(
    literal.map((value): ExpressionNode => ({ kind: "number", value, ...NO_POSITION })),
    fc.constantFrom(...VARIABLES).map((name): ExpressionNode => ({ kind: "variable", name, ...NO_POSITION })),
  );
  const build = (depth: number): fc.Arbitrary<ExpressionNode> => {
    if (depth === 0) return leaf;
    const sub = build(depth - 1);
    return fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom("-" as const, "+" as const), sub).map(([operator, operand]): ExpressionNode => ({ kind: "unary", operator, operand, ...NO_POSITION })) },
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...ALL_BINARY), sub, sub).map(([operator, left, right]): ExpressionNode => ({ kind: "binary", operator, left, right, ...NO_POSITION })) },
      {
        weight: 2,
        arbitrary: fc.constantFrom<FunctionName>("sqrt", "exp", "log", "abs", "sin", "cos", "tan", "logistic", "pow", "clip", "if", "min", "max").chain((callee) => {
          const arity = FIXED_ARITY.get(callee);
          const args = arity === undefined ? fc.array(sub, { minLength: 2, maxLength: 4 }) : fc.array(sub, { minLength: arity, maxLength: arity });
          return args.map((list): ExpressionNode => ({ kind: "call", callee, args: list, ...NO_POSITION }));
        }),
      },
    );
  };
  return build(maxDepth);
}

/** Input values for differential tests: ordinary numbers and every IEEE special value. */
export const sampleValue = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, -1, 2, -2, 0.5, 3, Number.NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324) },
  { weight: 3, arbitrary: fc.double({ noNaN: false }) },
  { weight: 3, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }) },
);

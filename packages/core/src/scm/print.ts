/**
 * Printer of the structural-equation language: an AST back to equation text with the fewest
 * parentheses that parse back to the same tree (`parseExpression(printExpression(ast))` equals
 * `ast` up to source positions). Numbers print in JavaScript's shortest round-trip form.
 * Complexity: O(nodes) time, recursion depth = tree depth. Reference: none (precedence printing).
 */
import { ATOM_PRECEDENCE, BINARY_PRECEDENCE, COMPARISON_PRECEDENCE, UNARY_PRECEDENCE, precedenceOf, type ExpressionNode } from "./ast.js";

/**
 * Prints an expression as equation text.
 *
 * @param node - The expression.
 * @returns Text such as `"10000 + 500 * Price - 200 * Brand"`. A negative number (which only
 *   constant folding produces) prints as a sign applied to a literal, e.g. `-2`; ±Infinity and NaN
 *   as `(1 / 0)`, `(-1 / 0)` and `(0 / 0)`.
 */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case "number":
      return printNumber(node.value);
    case "variable":
      return node.name;
    case "unary":
      return `${node.operator}${wrap(node.operand, precedenceOf(node.operand) < UNARY_PRECEDENCE)}`;
    case "call":
      return `${node.callee}(${node.args.map(printExpression).join(", ")})`;
    case "binary": {
      const precedence = BINARY_PRECEDENCE.get(node.operator)!;
      if (node.operator === "**") {
        // NOTE: the base of a power is an atom; its exponent may be a sign or another power.
        return `${wrap(node.left, precedenceOf(node.left) < ATOM_PRECEDENCE)} ** ${wrap(node.right, precedenceOf(node.right) < UNARY_PRECEDENCE)}`;
      }
      // NOTE: left-associative levels need parentheses on the left only below their precedence;
      // comparisons do not chain, so an equal-precedence left operand is parenthesised too.
      const left = precedenceOf(node.left);
      const leftNeedsParens = precedence === COMPARISON_PRECEDENCE ? left <= precedence : left < precedence;
      return `${wrap(node.left, leftNeedsParens)} ${node.operator} ${wrap(node.right, precedenceOf(node.right) <= precedence)}`;
    }
  }
}

/** Prints a node, parenthesised when asked. */
function wrap(node: ExpressionNode, parenthesise: boolean): string {
  const text = printExpression(node);
  return parenthesise ? `(${text})` : text;
}

/**
 * A number in shortest round-trip form; negative values (and −0) as a sign and a literal; the
 * non-finite values that constant folding can produce as parenthesised divisions by zero.
 */
function printNumber(value: number): string {
  if (Number.isNaN(value)) return "(0 / 0)";
  if (value === Infinity) return "(1 / 0)";
  if (value === -Infinity) return "(-1 / 0)";
  if (value < 0 || Object.is(value, -0)) return `-${String(-value)}`;
  return String(value);
}

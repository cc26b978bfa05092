/**
 * Numeric literals of an equation: listing them (in source order, with their positions) and
 * rebuilding the tree with one literal replaced, for coefficient sensitivity analysis.
 * Complexity: O(nodes) per call. Reference: none (tree traversal).
 */
import type { ExpressionNode } from "./ast.js";

/** One numeric literal of an expression. */
export interface NumericLiteral {
  /** Position among the expression's literals, in source order (0-based). */
  readonly index: number;
  /** Its value as written. */
  readonly value: number;
  /** Offset of its first character in the equation text (0-based). */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
}

/**
 * The numeric literals of an expression, in source order.
 *
 * @param node - A parsed (not constant-folded) expression.
 */
export function numericLiterals(node: ExpressionNode): NumericLiteral[] {
  const out: NumericLiteral[] = [];
  visit(node, (leaf) => out.push({ index: out.length, value: leaf.value, start: leaf.start, end: leaf.end }));
  return out;
}

/**
 * A copy of `node` whose literal number `index` (in source order) has the value `value`.
 *
 * @param node - A parsed expression.
 * @param index - Which literal (as in {@link numericLiterals}).
 * @param value - Its new value.
 */
export function withLiteral(node: ExpressionNode, index: number, value: number): ExpressionNode {
  let seen = 0;
  const rebuild = (n: ExpressionNode): ExpressionNode => {
    switch (n.kind) {
      case "number":
        return seen++ === index ? { ...n, value } : n;
      case "variable":
        return n;
      case "unary":
        return { ...n, operand: rebuild(n.operand) };
      case "binary": {
        const left = rebuild(n.left);
        return { ...n, left, right: rebuild(n.right) };
      }
      case "call":
        return { ...n, args: n.args.map(rebuild) };
    }
  };
  return rebuild(node);
}

/** Calls `leaf` on every number node, left to right. */
function visit(node: ExpressionNode, leaf: (n: Extract<ExpressionNode, { kind: "number" }>) => void): void {
  switch (node.kind) {
    case "number":
      leaf(node);
      return;
    case "variable":
      return;
    case "unary":
      visit(node.operand, leaf);
      return;
    case "binary":
      visit(node.left, leaf);
      visit(node.right, leaf);
      return;
    case "call":
      for (const arg of node.args) visit(arg, leaf);
      return;
  }
}

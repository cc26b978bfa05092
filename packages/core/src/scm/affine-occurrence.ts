/**
 * Symbolic affinity of an expression in one variable: decides, from the syntax tree alone, whether
 * an equation is affine in an exogenous term U (per sample, f = A + B·U where A and B do not read U),
 * which is what abduction needs to solve an observation for U. Rules: a literal or another variable
 * has degree 0 and U degree 1; `+ −` take the larger degree; `*` adds degrees; `/` keeps the
 * numerator's degree when the denominator does not read U; `if(c, a, b)` keeps the larger branch
 * degree when the condition does not read U (the branch is chosen per sample); anything else that
 * reads U (powers, `//`, `%`, comparisons, functions) is non-affine. The test is sound (degree 1 ⇒
 * affine), not complete (`exp(log(U))` is refused); a zero coefficient (`U − U`) is caught per sample
 * by the solver. Complexity: O(nodes) time, O(depth) stack (depth is bounded by the parser).
 * Reference: J. Pearl, "Causality" (2nd ed., 2009), §7.1 (abduction in additive-noise models).
 */
import type { ExpressionNode } from "./ast.js";

/** Degree of an expression in a variable: 0 (does not read it), 1 (affine in it) or "nonlinear". */
export type AffineDegree = 0 | 1 | "nonlinear";

/**
 * The degree of `node` in the variable `name`.
 *
 * @param node - A parsed expression.
 * @param name - The variable (an exogenous term).
 * @returns 0, 1 or "nonlinear" (see the file header for the rules).
 * @example affineDegree(parseExpression("3 + 2*X + U"), "U") // 1
 */
export function affineDegree(node: ExpressionNode, name: string): AffineDegree {
  const degree = degreeOf(node, name);
  return degree === 0 || degree === 1 ? degree : "nonlinear";
}

/** Degree as a number; 2 and above (or Infinity) mean non-affine. */
function degreeOf(node: ExpressionNode, name: string): number {
  switch (node.kind) {
    case "number":
      return 0;
    case "variable":
      return node.name === name ? 1 : 0;
    case "unary":
      return degreeOf(node.operand, name);
    case "binary": {
      const left = degreeOf(node.left, name);
      const right = degreeOf(node.right, name);
      switch (node.operator) {
        case "+":
        case "-":
          return Math.max(left, right);
        case "*":
          return left + right;
        case "/":
          return right === 0 ? left : Infinity;
        default:
          return left === 0 && right === 0 ? 0 : Infinity;
      }
    }
    case "call": {
      const degrees = node.args.map((arg) => degreeOf(arg, name));
      if (node.callee === "if") return degrees[0] === 0 ? Math.max(degrees[1]!, degrees[2]!) : Infinity;
      return degrees.every((d) => d === 0) ? 0 : Infinity;
    }
  }
}

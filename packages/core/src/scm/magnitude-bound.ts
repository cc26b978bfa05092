/**
 * Magnitude bounds: an upper bound on |value| of an expression over every sample, from bounds on
 * its variables, by interval arithmetic on magnitudes (|a ± b| ≤ |a| + |b|, |a·b| ≤ |a|·|b|,
 * |−a| = |a|; abs, min, max, clip and `if` branches keep the larger bound; comparisons are 0 or 1;
 * logistic, sin and cos of a finite argument lie in [−1, 1]).
 * Any other operator or function (division, powers, exp, log, …) has no bound (Infinity). When the
 * bound is below {@link FINITE_BOUND} every sample of the expression is finite: the bound, computed
 * in floating point, exceeds the exact magnitude by at most a factor (1 + 2⁻⁵³)^k for k operations,
 * so no intermediate value can overflow, and NaN needs an infinite or NaN operand. `simulate` uses
 * this to skip the non-finite scan of columns that cannot hold one.
 * Complexity: O(nodes). Reference: R. E. Moore, "Interval Analysis" (1966) — magnitude form.
 */
import type { ExpressionNode } from "./ast.js";

/** Bounds below this prove finiteness with a margin of about 10⁸ to the largest double. */
export const FINITE_BOUND = 1e300;

/**
 * An upper bound on |value| of `node` for every sample.
 *
 * @param node - A (folded) expression.
 * @param boundOf - Upper bound on |value| of each variable (Infinity when unknown).
 * @returns The bound, or Infinity when the expression's operators give none.
 */
export function magnitudeBound(node: ExpressionNode, boundOf: (name: string) => number): number {
  switch (node.kind) {
    case "number":
      return Math.abs(node.value);
    case "variable":
      return boundOf(node.name);
    case "unary":
      return magnitudeBound(node.operand, boundOf);
    case "binary": {
      if (node.operator === "<" || node.operator === "<=" || node.operator === ">" || node.operator === ">=" || node.operator === "==" || node.operator === "!=") return 1;
      const left = magnitudeBound(node.left, boundOf);
      const right = magnitudeBound(node.right, boundOf);
      if (node.operator === "+" || node.operator === "-") return left + right;
      if (node.operator === "*") return left * right;
      return Number.POSITIVE_INFINITY;
    }
    case "call": {
      if (node.callee === "abs" || node.callee === "min" || node.callee === "max" || node.callee === "clip") {
        return Math.max(...node.args.map((arg) => magnitudeBound(arg, boundOf)));
      }
      // NOTE: a NaN condition gives NaN, so the condition must be finite too.
      if (node.callee === "if") return magnitudeBound(node.args[0]!, boundOf) < FINITE_BOUND ? Math.max(magnitudeBound(node.args[1]!, boundOf), magnitudeBound(node.args[2]!, boundOf)) : Number.POSITIVE_INFINITY;
      if (node.callee === "logistic" || node.callee === "sin" || node.callee === "cos") return magnitudeBound(node.args[0]!, boundOf) < FINITE_BOUND ? 1 : Number.POSITIVE_INFINITY;
      return Number.POSITIVE_INFINITY;
    }
  }
}

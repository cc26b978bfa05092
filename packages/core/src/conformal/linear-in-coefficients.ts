/**
 * Checks that a structural equation is linear (affine) in a set of unknown coefficients, so that the
 * coefficients can be estimated by least squares: f(x; θ) = g₀(x) + Σₖ θₖ gₖ(x). Degrees are
 * propagated over the syntax tree: a coefficient has degree 1, anything free of coefficients 0;
 * sums keep the larger degree, a product adds degrees (at most 1), a quotient needs a
 * coefficient-free divisor, `if(c, a, b)` needs a coefficient-free condition; every other function,
 * power, modulo, floor division or comparison needs coefficient-free arguments.
 * Complexity: O(size of the expression). Reference: none (syntactic linearity, as in any linear
 * model formula, e.g. J. M. Chambers, T. J. Hastie, "Statistical Models in S" (1992), ch. 2).
 */
import { IslError } from "../errors.js";
import type { ExpressionNode } from "../scm/ast.js";
import { printExpression } from "../scm/print.js";

/**
 * Throws unless `expression` is affine in `coefficients`.
 *
 * @param expression - The equation's syntax tree.
 * @param coefficients - Names of the coefficients to be fitted.
 * @param variable - The variable the equation defines (for messages).
 * @throws IslError ISL_INVALID_MODEL naming the sub-expression that is not linear in a coefficient.
 */
export function requireLinearInCoefficients(expression: ExpressionNode, coefficients: ReadonlySet<string>, variable: string): void {
  degree(expression, coefficients, variable);
}

function degree(node: ExpressionNode, coefficients: ReadonlySet<string>, variable: string): 0 | 1 {
  switch (node.kind) {
    case "number":
      return 0;
    case "variable":
      return coefficients.has(node.name) ? 1 : 0;
    case "unary":
      return degree(node.operand, coefficients, variable);
    case "binary": {
      const left = degree(node.left, coefficients, variable);
      const right = degree(node.right, coefficients, variable);
      if (node.operator === "+" || node.operator === "-") return left === 1 || right === 1 ? 1 : 0;
      if (node.operator === "*") {
        if (left + right > 1) throw nonlinear(node, variable, "multiplies two terms that both contain coefficients");
        return (left + right) as 0 | 1;
      }
      if (node.operator === "/") {
        if (right === 1) throw nonlinear(node, variable, "divides by a term that contains a coefficient");
        return left;
      }
      if (left === 1 || right === 1) throw nonlinear(node, variable, `applies '${node.operator}' to a term that contains a coefficient`);
      return 0;
    }
    case "call": {
      const args = node.args.map((arg) => degree(arg, coefficients, variable));
      if (node.callee === "if") {
        if (args[0] === 1) throw nonlinear(node, variable, "has a condition that contains a coefficient");
        return args[1] === 1 || args[2] === 1 ? 1 : 0;
      }
      if (args.some((d) => d === 1)) throw nonlinear(node, variable, `passes a coefficient to ${node.callee}()`);
      return 0;
    }
  }
}

function nonlinear(node: ExpressionNode, variable: string, why: string): IslError {
  const text = printExpression(node);
  return new IslError("ISL_INVALID_MODEL", `The equation for '${variable}' is not linear in the fitted coefficients: '${text}' ${why}. CV+ and jackknife+ fit coefficients by least squares, which needs an equation of the form a + b*X + c*f(Z).`, {
    details: { variable, expression: text, column: node.start + 1 },
    recovery: {
      hints: ["Write the equation so each fitted coefficient multiplies a term free of coefficients (b*X, c*log(Z)).", 'Or use method "split" with a fully specified model (no fit list).'],
      suggestion: "Make the equation linear in the coefficients listed in fit.",
    },
  });
}

/**
 * Reference interpreter of the structural-equation language: evaluates an AST for one sample by
 * walking the tree. Deliberately naive (no folding, no specialisation, `if` evaluates only the branch
 * it takes, `min`/`max` take all arguments at once); it is the oracle the column compiler is
 * differential-tested against, and a convenient scalar evaluator.
 * Complexity: O(nodes) per evaluation; recursion depth = tree depth (bounded by the parser's limits).
 * Reference: none (direct transcription of the semantics in docs/scm.md).
 */
import { IslError } from "../errors.js";
import type { ExpressionNode } from "./ast.js";
import { applyBinary, applyUnaryFunction, clip, isUnaryFunction, power } from "./semantics.js";

/**
 * Evaluates an expression for one sample.
 *
 * @param node - The expression.
 * @param env - Each variable's value (a `Map`, so names such as `__proto__` are ordinary keys).
 * @returns The value (possibly ±Infinity or NaN, e.g. after division by zero).
 * @throws IslError ISL_MISSING_VARIABLE when the expression reads a variable missing from `env`.
 */
export function evaluateScalar(node: ExpressionNode, env: ReadonlyMap<string, number>): number {
  switch (node.kind) {
    case "number":
      return node.value;
    case "variable": {
      const value = env.get(node.name);
      if (value === undefined) {
        throw new IslError("ISL_MISSING_VARIABLE", `No value for variable '${node.name}' (column ${node.start + 1}).`, {
          details: { variable: node.name, column: node.start + 1 },
          recovery: { hints: [`Give '${node.name}' a value.`], suggestion: "Provide every variable the expression reads." },
        });
      }
      return value;
    }
    case "unary": {
      const value = evaluateScalar(node.operand, env);
      return node.operator === "-" ? -value : value;
    }
    case "binary":
      return applyBinary(node.operator, evaluateScalar(node.left, env), evaluateScalar(node.right, env));
    case "call": {
      const callee = node.callee;
      if (callee === "if") {
        const condition = evaluateScalar(node.args[0]!, env);
        if (Number.isNaN(condition)) return Number.NaN;
        return evaluateScalar(node.args[condition !== 0 ? 1 : 2]!, env);
      }
      const args = node.args.map((arg) => evaluateScalar(arg, env));
      if (callee === "min") return Math.min(...args);
      if (callee === "max") return Math.max(...args);
      if (callee === "pow") return power(args[0]!, args[1]!);
      if (callee === "clip") return clip(args[0]!, args[1]!, args[2]!);
      if (isUnaryFunction(callee)) return applyUnaryFunction(callee, args[0]!);
      return Number.NaN;
    }
  }
}

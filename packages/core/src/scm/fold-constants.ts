/**
 * Constant folding for structural equations: every subtree that reads no variable is replaced by
 * its value, computed by the reference interpreter itself, so folding never changes a result by
 * even one bit; `if` with a constant condition keeps only the branch it takes (or NaN for a NaN
 * condition); `+x` becomes `x` (exact). No algebraic identities are applied (x + 0 is not x for
 * x = −0), so the folded tree computes exactly what the original does.
 * Complexity: O(nodes). Reference: standard compiler constant folding (Aho, Lam, Sethi, Ullman,
 * "Compilers", 2nd ed., §8.5).
 */
import type { ExpressionNode, NumberNode } from "./ast.js";
import { evaluateScalar } from "./interpreter.js";

const NO_VARIABLES: ReadonlyMap<string, number> = new Map();

/** A number node spanning `node`'s source. */
function numberAt(node: ExpressionNode, value: number): NumberNode {
  return { kind: "number", value, start: node.start, end: node.end };
}

/**
 * Folds the constant subtrees of an expression.
 *
 * @param node - The expression (not modified).
 * @returns An equivalent expression whose only number-only subtrees are number leaves.
 */
export function foldConstants(node: ExpressionNode): ExpressionNode {
  switch (node.kind) {
    case "number":
    case "variable":
      return node;
    case "unary": {
      const operand = foldConstants(node.operand);
      if (node.operator === "+") return operand;
      if (operand.kind === "number") return numberAt(node, -operand.value);
      return operand === node.operand ? node : { ...node, operand };
    }
    case "binary": {
      const left = foldConstants(node.left);
      const right = foldConstants(node.right);
      const folded = left === node.left && right === node.right ? node : { ...node, left, right };
      return left.kind === "number" && right.kind === "number" ? numberAt(node, evaluateScalar(folded, NO_VARIABLES)) : folded;
    }
    case "call": {
      const args = node.args.map(foldConstants);
      if (node.callee === "if" && args[0]!.kind === "number") {
        const condition = args[0]!.value;
        return Number.isNaN(condition) ? numberAt(node, Number.NaN) : args[condition !== 0 ? 1 : 2]!;
      }
      const folded = args.every((a, i) => a === node.args[i]) ? node : { ...node, args };
      return args.every((a) => a.kind === "number") ? numberAt(node, evaluateScalar(folded, NO_VARIABLES)) : folded;
    }
  }
}

/**
 * The abstract syntax tree of the structural-equation language: node types with source positions,
 * the operator set, the function table (names and arities), and the precedence table shared by
 * the parser and the printer. Python's precedence and associativity (The Python Language
 * Reference, §6.17 "Operator precedence"), except that comparisons do not chain.
 * Complexity: O(1) lookups. Reference: none (data definitions).
 */

/** Binary operators, as written. Comparisons yield 1 (true) or 0 (false). */
export type BinaryOperator = "+" | "-" | "*" | "/" | "//" | "%" | "**" | "<" | "<=" | ">" | ">=" | "==" | "!=";

/** Unary (prefix) operators. */
export type UnaryOperator = "-" | "+";

/** Names of the built-in functions, including the conditional `if`. */
export type FunctionName = "sqrt" | "exp" | "log" | "abs" | "sin" | "cos" | "tan" | "min" | "max" | "pow" | "clip" | "logistic" | "if";

/** Fields every node carries: its source span as 0-based offsets `[start, end)` in the equation text. */
interface NodeSpan {
  /** Offset of the node's first character (0-based; the column is `start + 1`). */
  readonly start: number;
  /** Offset just past the node's last character. */
  readonly end: number;
}

/** A numeric literal (always finite; the parser never produces a negative literal). */
export interface NumberNode extends NodeSpan {
  readonly kind: "number";
  readonly value: number;
}

/** A reference to a variable's value. */
export interface VariableNode extends NodeSpan {
  readonly kind: "variable";
  readonly name: string;
}

/** `-operand` or `+operand`. */
export interface UnaryNode extends NodeSpan {
  readonly kind: "unary";
  readonly operator: UnaryOperator;
  readonly operand: ExpressionNode;
}

/** `left operator right`. */
export interface BinaryNode extends NodeSpan {
  readonly kind: "binary";
  readonly operator: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

/** A function call `callee(args…)`, including `if(cond, then, else)`. */
export interface CallNode extends NodeSpan {
  readonly kind: "call";
  readonly callee: FunctionName;
  readonly args: readonly ExpressionNode[];
}

/** Any expression. */
export type ExpressionNode = NumberNode | VariableNode | UnaryNode | BinaryNode | CallNode;

/** Arity of a function: `min`–`max` arguments (`max` = Infinity for variadic functions). */
export interface FunctionArity {
  readonly min: number;
  readonly max: number;
  /** How the call is written, for error messages, e.g. `"clip(x, lo, hi)"`. */
  readonly signature: string;
}

/**
 * The built-in functions and their arities. A `Map`, so a name such as `constructor` or
 * `__proto__` is simply absent rather than found on a prototype.
 */
export const FUNCTIONS: ReadonlyMap<FunctionName, FunctionArity> = new Map<FunctionName, FunctionArity>([
  ["abs", { min: 1, max: 1, signature: "abs(x)" }],
  ["clip", { min: 3, max: 3, signature: "clip(x, lo, hi)" }],
  ["cos", { min: 1, max: 1, signature: "cos(x)" }],
  ["exp", { min: 1, max: 1, signature: "exp(x)" }],
  ["if", { min: 3, max: 3, signature: "if(condition, then, else)" }],
  ["log", { min: 1, max: 1, signature: "log(x)" }],
  ["logistic", { min: 1, max: 1, signature: "logistic(x)" }],
  ["max", { min: 2, max: Infinity, signature: "max(a, b, …)" }],
  ["min", { min: 2, max: Infinity, signature: "min(a, b, …)" }],
  ["pow", { min: 2, max: 2, signature: "pow(base, exponent)" }],
  ["sin", { min: 1, max: 1, signature: "sin(x)" }],
  ["sqrt", { min: 1, max: 1, signature: "sqrt(x)" }],
  ["tan", { min: 1, max: 1, signature: "tan(x)" }],
]);

/** The function names, sorted, for messages. */
export const FUNCTION_NAMES: readonly FunctionName[] = [...FUNCTIONS.keys()].sort();

/**
 * True when `name` is a built-in function name (safe for any string, including `__proto__`).
 *
 * @param name - A candidate name.
 */
export function isFunctionName(name: string): name is FunctionName {
  return FUNCTIONS.has(name as FunctionName);
}

/**
 * Binding power of each binary operator (higher binds tighter): comparisons 10, `+ -` 20,
 * `* / // %` 30, `**` 50. Unary signs sit at 40: tighter than `*`, looser than `**` on their right.
 */
export const BINARY_PRECEDENCE: ReadonlyMap<BinaryOperator, number> = new Map<BinaryOperator, number>([
  ["<", 10],
  ["<=", 10],
  [">", 10],
  [">=", 10],
  ["==", 10],
  ["!=", 10],
  ["+", 20],
  ["-", 20],
  ["*", 30],
  ["/", 30],
  ["//", 30],
  ["%", 30],
  ["**", 50],
]);

/** Precedence of unary signs. */
export const UNARY_PRECEDENCE = 40;
/** Precedence of atoms (numbers, variables, calls, parenthesised expressions). */
export const ATOM_PRECEDENCE = 100;
/** Precedence shared by the comparison operators. */
export const COMPARISON_PRECEDENCE = 10;

/**
 * True for the comparison operators.
 *
 * @param operator - A binary operator.
 */
export function isComparison(operator: BinaryOperator): boolean {
  return BINARY_PRECEDENCE.get(operator) === COMPARISON_PRECEDENCE;
}

/**
 * The precedence of a node as the printer and parser see it.
 *
 * @param node - Any expression node.
 * @returns {@link ATOM_PRECEDENCE} for atoms; a negative finite number counts as a unary sign
 *   (it prints as one).
 */
export function precedenceOf(node: ExpressionNode): number {
  switch (node.kind) {
    case "binary":
      return BINARY_PRECEDENCE.get(node.operator)!;
    case "unary":
      return UNARY_PRECEDENCE;
    case "number":
      return Number.isFinite(node.value) && (node.value < 0 || Object.is(node.value, -0)) ? UNARY_PRECEDENCE : ATOM_PRECEDENCE;
    default:
      return ATOM_PRECEDENCE;
  }
}

/**
 * The variables an expression reads, each once, in order of first appearance.
 *
 * @param node - The expression.
 * @returns Variable names with the offset of their first use.
 */
export function referencedVariables(node: ExpressionNode): { name: string; start: number }[] {
  const seen = new Set<string>();
  const out: { name: string; start: number }[] = [];
  const stack: ExpressionNode[] = [node];
  // NOTE: explicit stack in reverse push order, so the walk is left to right without recursion.
  while (stack.length > 0) {
    const n = stack.pop()!;
    switch (n.kind) {
      case "variable":
        if (!seen.has(n.name)) {
          seen.add(n.name);
          out.push({ name: n.name, start: n.start });
        }
        break;
      case "unary":
        stack.push(n.operand);
        break;
      case "binary":
        stack.push(n.right, n.left);
        break;
      case "call":
        for (let i = n.args.length - 1; i >= 0; i--) stack.push(n.args[i]!);
        break;
      default:
        break;
    }
  }
  return out;
}

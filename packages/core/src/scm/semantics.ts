/**
 * Scalar semantics of the structural-equation language, shared by the reference interpreter, the
 * constant folder and the column compiler (so all three agree bit for bit). Arithmetic is IEEE 754
 * double precision; the operators whose meaning differs between JavaScript and Python follow
 * Python's float semantics (CPython Objects/floatobject.c, `float_floor_div` / `float_rem`), and
 * division by zero follows numpy (±Infinity or NaN, never an exception), since upstream equations
 * were Python evaluated over numpy arrays. Complexity: O(1) per operation.
 * References: IEEE 754-2008; CPython floatobject.c; numpy `npy_divmod`.
 */
import type { BinaryOperator, FunctionName } from "./ast.js";

/** The built-in functions of one argument. */
export type UnaryFunctionName = Extract<FunctionName, "sqrt" | "exp" | "log" | "abs" | "sin" | "cos" | "tan" | "logistic">;

/**
 * True for the built-in functions of one argument.
 *
 * @param name - A function name.
 */
export function isUnaryFunction(name: FunctionName): name is UnaryFunctionName {
  return name !== "min" && name !== "max" && name !== "pow" && name !== "clip" && name !== "if";
}

/**
 * Python's `a // b` on floats: the floor of the exact quotient, computed from `fmod` as CPython
 * does (so `1 // 0.1` is 9, not 10). `b = 0` gives `a / b` (±Infinity, or NaN for 0/0), as numpy.
 *
 * @param a - Dividend.
 * @param b - Divisor.
 */
export function floorDivide(a: number, b: number): number {
  if (b === 0) return a / b;
  let mod = a % b;
  let div = (a - mod) / b;
  // NOTE: `mod !== 0` and `div !== 0` mirror C's truthiness, where NaN counts as true.
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  }
  if (div !== 0) {
    let floored = Math.floor(div);
    if (div - floored > 0.5) floored += 1;
    return floored;
  }
  const q = a / b;
  return q < 0 || Object.is(q, -0) ? -0 : 0;
}

/**
 * Python's `a % b` on floats: the remainder with the sign of the divisor (`-7 % 3 = 2`,
 * `7 % -3 = -2`). `b = 0` gives NaN, as numpy.
 *
 * @param a - Dividend.
 * @param b - Divisor.
 */
export function pythonModulo(a: number, b: number): number {
  if (b === 0) return Number.NaN;
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
    return mod;
  }
  return b < 0 ? -0 : 0;
}

/**
 * `a ** b` (also `pow(a, b)`) as C's `pow`: like JavaScript's `**` except that `1 ** y = 1` for
 * every y (even NaN) and `(-1) ** ±Infinity = 1`. A negative base with a non-integer exponent gives
 * NaN (numpy), never a complex number. `x ** 2` is computed as `x * x` (correctly rounded).
 * Overflow gives ±Infinity immediately: huge exponents cost the same as small ones.
 *
 * @param a - Base.
 * @param b - Exponent.
 */
export function power(a: number, b: number): number {
  if (b === 2) return a * a;
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return a ** b;
}

/**
 * The logistic function 1 / (1 + e^(−x)); 0 for x → −∞, 1 for x → +∞, NaN for NaN.
 *
 * @param x - Argument.
 */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * `clip(x, lo, hi)` = min(max(x, lo), hi), as numpy's `clip`: NaN in any argument gives NaN, and
 * when lo > hi every result is hi.
 *
 * @param x - Value.
 * @param lo - Lower bound.
 * @param hi - Upper bound.
 */
export function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/**
 * `if(condition, a, b)`: `a` when the condition is non-zero, `b` when it is zero (either sign),
 * NaN when the condition is NaN (a broken condition must stay visible, not pick a branch).
 *
 * @param condition - The condition's value.
 * @param a - Value when true.
 * @param b - Value when false.
 */
export function conditional(condition: number, a: number, b: number): number {
  // NOTE: `condition !== condition` is the NaN test, inlined for the column loops.
  return condition !== condition ? Number.NaN : condition !== 0 ? a : b;
}

/**
 * Applies a binary operator to two numbers. Comparisons give 1 or 0; any comparison with NaN is
 * false except `!=`, which is true (IEEE 754, as Python and numpy).
 *
 * @param operator - The operator.
 * @param a - Left operand.
 * @param b - Right operand.
 */
export function applyBinary(operator: BinaryOperator, a: number, b: number): number {
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "//":
      return floorDivide(a, b);
    case "%":
      return pythonModulo(a, b);
    case "**":
      return power(a, b);
    case "<":
      return a < b ? 1 : 0;
    case "<=":
      return a <= b ? 1 : 0;
    case ">":
      return a > b ? 1 : 0;
    case ">=":
      return a >= b ? 1 : 0;
    case "==":
      return a === b ? 1 : 0;
    case "!=":
      return a !== b ? 1 : 0;
  }
}

/**
 * Applies a one-argument built-in function.
 *
 * @param name - `sqrt`, `exp`, `log`, `abs`, `sin`, `cos`, `tan` or `logistic`.
 * @param x - Argument.
 */
export function applyUnaryFunction(name: UnaryFunctionName, x: number): number {
  switch (name) {
    case "sqrt":
      return Math.sqrt(x);
    case "exp":
      return Math.exp(x);
    case "log":
      return Math.log(x);
    case "abs":
      return Math.abs(x);
    case "sin":
      return Math.sin(x);
    case "cos":
      return Math.cos(x);
    case "tan":
      return Math.tan(x);
    case "logistic":
      return logistic(x);
  }
}
